// What a clerk types for one indicator (per ReportingForm) or one task, read into a canonical value.
// Source of truth: docs/domain.md §2–3 and §6, and the province's task vocabulary
// (Hoàn thành / Đang triển khai (đúng tiến độ) / Chậm tiến độ / Chưa triển khai).
//
// Decisions on the ambiguous cases:
// - A blank input is "no data yet" (value null), not an error; a count pair with only one side is.
// - A rate typed without "%" whose value is > 0 and ≤ 1 ("0,705", or 0.705 from a percent-formatted
//   Excel cell) is read as a fraction (70,5 %) with the warning value.readAsFraction. "0" is 0 %.
// - Words are compared after NFC, case and space folding (text.ts) but WITH their diacritics:
//   "Hoan thanh" is refused, because the template offers a drop-down of the exact words and a
//   diacritic-less match would silently accept typos. "Rồi" / "Chưa" alone are refused (too vague).
// - "Chưa hoàn thành" is accepted as "no" in a Có/Không field, but refused as a status: the
//   consolidator needs to know whether the work is under way (Đang triển khai) or not started.
// - A bare "Đang triển khai" for a task means on track (the plan's wording is
//   "Đang triển khai (đúng tiến độ)"); "Chậm tiến độ" in an indicator status means under way.
// - "Ứng dụng" = yes needs a description of the application (the note): an ERROR, because the plan's
//   target is "applied in practice, with a description" and a bare yes cannot be verified.
// - 0 of 0 in a count pair is accepted (a unit with nothing to count); it has no percentage.

import type { ReportingForm } from './catalogue-types';
import type { Issue } from './result';
import { assertNever } from './result';
import { makeIssue } from './messages';
import { readNumber, shiftDecimal, formatCount, formatPercent } from './numbers';
import { fold, tidy, tidyOrNull } from './text';

export type IndicatorStatus = 'done' | 'inProgress' | 'notStarted';
export type TaskStatus = 'done' | 'onTrack' | 'late' | 'notStarted';

/** One unit's value for an indicator, canonical. Percentages are on the 0–100 scale. */
export type ParsedValue =
  | { readonly kind: 'rate'; readonly percent: number }
  | { readonly kind: 'countPair'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'yesNo'; readonly yes: boolean }
  | { readonly kind: 'status'; readonly status: IndicatorStatus; readonly evidence?: string }
  | { readonly kind: 'applied'; readonly applied: boolean; readonly description?: string };

/** A value as it arrives: typed text, or a JS number read from an Excel cell. */
export type RawValue = string | number | null | undefined;

/** The input cells of one indicator row. */
export interface RawIndicatorInput {
  readonly value?: RawValue;
  readonly numerator?: RawValue;
  readonly denominator?: RawValue;
  /** Evidence for a status, description for "applied", a remark otherwise. */
  readonly note?: string | null;
}

/** A Result that also carries warnings on success (warnings never block). */
export type Checked<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export const INDICATOR_STATUS_LABELS: Readonly<Record<IndicatorStatus, string>> = {
  done: 'Hoàn thành',
  inProgress: 'Đang triển khai',
  notStarted: 'Chưa triển khai',
};

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  done: 'Hoàn thành',
  onTrack: 'Đang triển khai (đúng tiến độ)',
  late: 'Chậm tiến độ',
  notStarted: 'Chưa triển khai',
};

export const YES_NO_LABELS = { yes: 'Có', no: 'Không' } as const;
export const APPLIED_LABELS = { yes: 'Đã ứng dụng', no: 'Chưa ứng dụng' } as const;

/**
 * Folds the keys once, so the table below can be written as the words are spelled. The words as
 * spelled are kept too: a value picked from the template's list is one of them, found without
 * folding (parseWord). A key that would stand for two values is a mistake in a table: it throws
 * when the module loads, so no test can pass with it.
 */
function vocabulary<T>(entries: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  const words = new Map<string, T>();
  for (const [word, value] of Object.entries(entries)) {
    for (const key of [fold(word), word.normalize('NFC')]) {
      if (words.has(key) && words.get(key) !== value) throw new Error(`vocabulary: "${key}" stands for two values`);
      words.set(key, value);
    }
  }
  return words;
}

const YES_NO = vocabulary<boolean>({
  Có: true, Không: false, 'Chưa có': false,
  'Hoàn thành': true, 'Đã hoàn thành': true, 'Chưa hoàn thành': false,
});

const APPLIED = vocabulary<boolean>({
  Có: true, 'Ứng dụng': true, 'Đã ứng dụng': true, 'Có ứng dụng': true,
  Không: false, 'Chưa có': false, 'Chưa ứng dụng': false, 'Không ứng dụng': false,
});

const INDICATOR_STATUS = vocabulary<IndicatorStatus>({
  'Hoàn thành': 'done', 'Đã hoàn thành': 'done',
  'Đang triển khai': 'inProgress', 'Đang triển khai (đúng tiến độ)': 'inProgress',
  'Đúng tiến độ': 'inProgress', 'Chậm tiến độ': 'inProgress', 'Đang triển khai (chậm tiến độ)': 'inProgress',
  'Chưa triển khai': 'notStarted',
});

const TASK_STATUS = vocabulary<TaskStatus>({
  'Hoàn thành': 'done', 'Đã hoàn thành': 'done',
  'Đang triển khai': 'onTrack', 'Đang triển khai (đúng tiến độ)': 'onTrack', 'Đúng tiến độ': 'onTrack',
  'Chậm tiến độ': 'late', 'Đang triển khai (chậm tiến độ)': 'late',
  'Chưa triển khai': 'notStarted',
});

const issueOk = <T>(value: T, warnings: readonly Issue[] = []): Checked<T> => ({ ok: true, value, warnings });
const issueFail = <T>(...issues: Issue[]): Checked<T> => ({ ok: false, issues });
const shown = (raw: RawValue): string => (typeof raw === 'string' ? tidy(raw) : String(raw));
const isBlank = (raw: RawValue): boolean => raw === null || raw === undefined || (typeof raw === 'string' && tidy(raw) === '');

/**
 * A percentage typed in a rate field (or progress of a task). Blank → null.
 * @example parseRate('70,5%', 'value')  // ok, value 70.5
 * @example parseRate('0,705', 'value')  // ok, value 70.5, with warning value.readAsFraction
 * @example parseRate('120%', 'value')   // fails: value.percentOutOfRange
 */
export function parseRate(raw: RawValue, field: string, rowId?: string): Checked<number | null> {
  const at = () => ({ field, rowId, text: shown(raw) }); // only for an issue: most values have none
  const reading = readNumber(raw, 'decimal');
  if (reading.kind === 'empty') return issueOk(null);
  if (reading.kind === 'notNumber') return issueFail(makeIssue('value.notNumber', 'error', at()));
  if (!reading.percentSign && reading.value > 0 && reading.value <= 1) {
    const percent = Number(shiftDecimal(reading.decimal, 2));
    return issueOk(percent, [makeIssue('value.readAsFraction', 'warning', { ...at(), detail: formatPercent(percent, 'exact') })]);
  }
  if (reading.value < 0 || reading.value > 100) return issueFail(makeIssue('value.percentOutOfRange', 'error', at()));
  return issueOk(reading.value);
}

/**
 * A count (a numerator or denominator): a non-negative integer, thousands dot allowed. Blank → null.
 * @example parseCount('1.234', 'numerator') // ok, value 1234
 * @example parseCount('12,5', 'numerator')  // fails: value.fractionalCount
 */
export function parseCount(raw: RawValue, field: string, rowId?: string): Checked<number | null> {
  const at = () => ({ field, rowId, text: shown(raw) });
  const reading = readNumber(raw, 'count');
  if (reading.kind === 'empty') return issueOk(null);
  if (reading.kind === 'notNumber' || reading.percentSign) return issueFail(makeIssue('value.notNumber', 'error', at()));
  if (reading.value < 0) return issueFail(makeIssue('value.negative', 'error', at()));
  if (!Number.isInteger(reading.value)) return issueFail(makeIssue('value.fractionalCount', 'error', at()));
  if (!Number.isSafeInteger(reading.value)) return issueFail(makeIssue('value.notNumber', 'error', at()));
  return issueOk(reading.value);
}

function parseWord<T>(
  raw: RawValue, words: ReadonlyMap<string, T>, accepted: readonly string[],
  code: 'value.unknownStatus' | 'value.unknownYesNo', field: string, rowId?: string,
): Checked<T | null> {
  const exact = typeof raw === 'string' ? words.get(raw) : undefined;
  if (exact !== undefined) return issueOk(exact);
  if (isBlank(raw)) return issueOk(null);
  const found = typeof raw === 'string' ? words.get(fold(raw)) : undefined;
  if (found === undefined) return issueFail(makeIssue(code, 'error', { field, rowId, text: shown(raw), accepted }));
  return issueOk(found);
}

/**
 * A task's progress status in the province's vocabulary. Blank → null.
 * @example parseTaskStatus('đang triển khai (ĐÚNG TIẾN ĐỘ)', 'status') // ok, 'onTrack'
 */
export function parseTaskStatus(raw: RawValue, field = 'status', rowId?: string): Checked<TaskStatus | null> {
  return parseWord(raw, TASK_STATUS, Object.values(TASK_STATUS_LABELS), 'value.unknownStatus', field, rowId);
}

/**
 * One unit's value for an indicator, read according to the indicator's reporting form.
 * `null` means the unit has not given a value yet (blank cells).
 * @example parseIndicatorValue({ kind: 'yesNo' }, { value: 'có' })                   // ok, { kind: 'yesNo', yes: true }
 * @example parseIndicatorValue({ kind: 'countPair', … }, { numerator: '45', denominator: '1.200' }) // ok, 45 of 1200
 */
export function parseIndicatorValue(form: ReportingForm, raw: RawIndicatorInput, rowId?: string): Checked<ParsedValue | null> {
  const note = tidyOrNull(raw.note) ?? undefined;
  switch (form.kind) {
    case 'rate': {
      const r = parseRate(raw.value, 'value', rowId);
      return r.ok ? issueOk(r.value === null ? null : { kind: 'rate', percent: r.value }, r.warnings) : r;
    }
    case 'countPair':
      return parseCountPair(raw, rowId);
    case 'yesNo': {
      const r = parseWord(raw.value, YES_NO, [YES_NO_LABELS.yes, YES_NO_LABELS.no], 'value.unknownYesNo', 'value', rowId);
      return r.ok ? issueOk(r.value === null ? null : { kind: 'yesNo', yes: r.value }) : r;
    }
    case 'status': {
      const r = parseWord(raw.value, INDICATOR_STATUS, Object.values(INDICATOR_STATUS_LABELS), 'value.unknownStatus', 'value', rowId);
      if (!r.ok || r.value === null) return r.ok ? issueOk(null) : r;
      return issueOk({ kind: 'status', status: r.value, ...(note ? { evidence: note } : {}) });
    }
    case 'applied': {
      const r = parseWord(raw.value, APPLIED, [APPLIED_LABELS.yes, APPLIED_LABELS.no], 'value.unknownYesNo', 'value', rowId);
      if (!r.ok || r.value === null) return r.ok ? issueOk(null) : r;
      if (r.value && !note) return issueFail(makeIssue('value.descriptionRequired', 'error', { field: 'note', rowId }));
      return issueOk({ kind: 'applied', applied: r.value, ...(note ? { description: note } : {}) });
    }
    default:
      return assertNever(form);
  }
}

function parseCountPair(raw: RawIndicatorInput, rowId?: string): Checked<ParsedValue | null> {
  const n = parseCount(raw.numerator, 'numerator', rowId);
  const d = parseCount(raw.denominator, 'denominator', rowId);
  const errors = [...(n.ok ? [] : n.issues), ...(d.ok ? [] : d.issues)];
  if (!n.ok || !d.ok) return issueFail(...errors);
  if (n.value === null && d.value === null) return issueOk(null);
  if (n.value === null || d.value === null) {
    return issueFail(makeIssue('value.required', 'error', { field: n.value === null ? 'numerator' : 'denominator', rowId }));
  }
  if (d.value === 0 && n.value > 0) return issueFail(makeIssue('value.denominatorZero', 'error', { field: 'denominator', rowId }));
  if (n.value > d.value) return issueFail(makeIssue('value.numeratorAboveDenominator', 'error', { field: 'numerator', rowId }));
  return issueOk({ kind: 'countPair', numerator: n.value, denominator: d.value });
}

/**
 * A value back into the cells a clerk would type, Vietnamese style and lossless, so that
 * parseIndicatorValue(form, formatIndicatorValue(v)) gives v again.
 * @example formatIndicatorValue({ kind: 'rate', percent: 70.5 }) // { value: '70,5%' }
 */
export function formatIndicatorValue(v: ParsedValue): RawIndicatorInput {
  switch (v.kind) {
    case 'rate':
      return { value: formatPercent(v.percent, 'exact') };
    case 'countPair':
      return { numerator: formatCount(v.numerator), denominator: formatCount(v.denominator) };
    case 'yesNo':
      return { value: v.yes ? YES_NO_LABELS.yes : YES_NO_LABELS.no };
    case 'status':
      return { value: INDICATOR_STATUS_LABELS[v.status], ...(v.evidence ? { note: v.evidence } : {}) };
    case 'applied':
      return { value: v.applied ? APPLIED_LABELS.yes : APPLIED_LABELS.no, ...(v.description ? { note: v.description } : {}) };
    default:
      return assertNever(v);
  }
}

/**
 * The percentage a unit's own value stands for, or null when it has none (0 of 0, or a word).
 * @example valuePercent({ kind: 'countPair', numerator: 1, denominator: 4 }) === 25
 */
export function valuePercent(v: ParsedValue): number | null {
  if (v.kind === 'rate') return v.percent;
  if (v.kind === 'countPair') return v.denominator === 0 ? null : (v.numerator * 100) / v.denominator;
  return null;
}

/**
 * Whether a unit's value counts as "yes" for shareYes / allComplete: Có, Hoàn thành, applied –
 * or, for a number, the full 100 %.
 * @example isAffirmative({ kind: 'status', status: 'done' }) === true
 */
export function isAffirmative(v: ParsedValue): boolean {
  switch (v.kind) {
    case 'yesNo':
      return v.yes;
    case 'status':
      return v.status === 'done';
    case 'applied':
      return v.applied;
    case 'rate':
    case 'countPair':
      return valuePercent(v) === 100 || (v.kind === 'countPair' && v.denominator > 0 && v.numerator === v.denominator);
    default:
      return assertNever(v);
  }
}

/**
 * A unit's value as a report prints it (Vietnamese numbers, the canonical words).
 * @example valueText({ kind: 'countPair', numerator: 45, denominator: 1200 }) === '3,75% (45/1.200)'
 * @example valueText(null) === 'Chưa có số liệu'
 */
export function valueText(v: ParsedValue | null): string {
  if (v === null) return 'Chưa có số liệu';
  switch (v.kind) {
    case 'rate':
      return formatPercent(v.percent);
    case 'countPair': {
      const pair = `${formatCount(v.numerator)}/${formatCount(v.denominator)}`;
      return v.denominator === 0 ? pair : `${formatPercent((v.numerator * 100) / v.denominator)} (${pair})`;
    }
    case 'yesNo':
      return v.yes ? YES_NO_LABELS.yes : YES_NO_LABELS.no;
    case 'status':
      return INDICATOR_STATUS_LABELS[v.status];
    case 'applied':
      return v.applied ? APPLIED_LABELS.yes : APPLIED_LABELS.no;
    default:
      return assertNever(v);
  }
}
