// A whole submission (one unit, one period, indicators or tasks) checked against the plan's catalogue.
// Source of truth: docs/domain.md §5 (errors block, warnings do not; approval is bound to a content hash)
// and the shapes of schemas.ts. Both the taskpane (before sending) and the server (on receipt) run it.
//
// Rows whose id is unknown, not assigned to the unit, or repeated are reported and their values are
// not read (the first of repeated rows is read). A blank indicator value is "no data yet"; a task
// row with a blank status and nothing else is "not reported", but with text and no status it is
// value.required. canonicalRows gives the exact string both sides hash (sha256 lives outside core).

import type { Catalogue } from './catalogue-types';
import type { Issue } from './result';
import { makeIssue } from './messages';
import { closesYear, formatDateVi, inScheme, parsePeriod, periodLabel, periodsOfScheme, type Period } from './periods';
import { taskStateInPeriod } from './deadline';
import { assessmentLabel, assessValue } from './assessment';
import type { IndicatorRow, RowEvaluation, SubmissionRequest, TaskRow } from './schemas';
import { evaluateValue, type Evaluation } from './evaluate';
import { parseIndicatorValue, parseRate, parseTaskStatus, valueText, type Checked, type ParsedValue, type TaskStatus } from './values';
import { tidyOrNull } from './text';

export interface ValidateOptions {
  /** The indicator / task ids assigned to the submitting unit; when absent, any catalogue id is allowed. */
  readonly assignedIds?: ReadonlySet<string>;
}

export interface CheckedIndicatorRow {
  readonly id: string;
  readonly value: ParsedValue | null;
  readonly evaluation: Evaluation;
  readonly note: string | null;
}

export interface CheckedTaskRow {
  readonly id: string;
  readonly status: TaskStatus | null;
  readonly progress: number | null;
  readonly result: string | null;
  readonly obstacles: string | null;
  readonly proposal: string | null;
  readonly completedOn: string | null;
}

interface Header {
  readonly planId: string;
  readonly unitId: string;
  readonly period: Period;
}

export type ValidatedSubmission =
  | (Header & { readonly kind: 'indicators'; readonly rows: readonly CheckedIndicatorRow[] })
  | (Header & { readonly kind: 'tasks'; readonly rows: readonly CheckedTaskRow[] });

/** A catalogue's items by id, built once per catalogue (catalogues are immutable; every submission asked for them). */
const itemIndex = new WeakMap<Catalogue, { indicators: ReadonlyMap<string, Catalogue['indicators'][number]>; tasks: ReadonlyMap<string, Catalogue['tasks'][number]> }>();
function itemsOf(catalogue: Catalogue) {
  let index = itemIndex.get(catalogue);
  if (!index) {
    index = { indicators: new Map(catalogue.indicators.map((i) => [i.id, i])), tasks: new Map(catalogue.tasks.map((t) => [t.id, t])) };
    itemIndex.set(catalogue, index);
  }
  return index;
}

/**
 * Validates a (schema-checked) submission against the catalogue: period, plan, ids, every value.
 * Success carries the parsed rows and the warnings; failure carries every issue (errors and warnings).
 * @example
 * validateSubmission(catalogue, { clientSubmissionId, planId: 'nghe-an-1174-2026', unitId: 'skhcn',
 *   period: '2026-Q1', kind: 'indicators', rows: [{ id: 'ct-01', value: '72%' }] })
 * // ok, rows [{ id: 'ct-01', value: { kind: 'rate', percent: 72 }, evaluation: 'exceeded', note: null }]
 */
export function validateSubmission(
  catalogue: Catalogue,
  request: SubmissionRequest,
  options: ValidateOptions = {},
): Checked<ValidatedSubmission> {
  const issues: Issue[] = [];
  if (request.planId !== catalogue.planId) {
    issues.push(makeIssue('submission.wrongPlan', 'error', { field: 'planId', text: request.planId, detail: catalogue.planId }));
  }
  const period = parsePeriod(request.period);
  if (!period.ok) issues.push(...period.issues);
  else if (period.value.year !== catalogue.document.planYear) {
    issues.push(makeIssue('period.wrongPlanYear', 'error', { field: 'period', text: request.period, detail: `năm ${catalogue.document.planYear}` }));
  } else if (!inScheme(period.value, catalogue.reportingScheme)) {
    issues.push(schemeIssue(catalogue, period.value));
  }

  const index = itemsOf(catalogue);
  const known = request.kind === 'indicators' ? index.indicators : index.tasks;
  const seen = new Set<string>();
  const readable = <R extends { id: string }>(row: R): boolean => {
    const code = seen.has(row.id) ? 'row.duplicateId'
      : !known.has(row.id) ? 'row.unknownId'
      : options.assignedIds && !options.assignedIds.has(row.id) ? 'row.notAssigned'
      : null;
    seen.add(row.id);
    if (code) issues.push(makeIssue(code, 'error', { field: 'id', rowId: row.id, text: row.id }));
    return code === null;
  };

  let submission: ValidatedSubmission | null = null;
  const header = { planId: request.planId, unitId: request.unitId };
  if (request.kind === 'indicators') {
    const byId = index.indicators;
    const rows: CheckedIndicatorRow[] = [];
    for (const row of request.rows) {
      if (!readable(row)) continue;
      const indicator = byId.get(row.id)!;
      if (indicator.yearlyOnly && period.ok && !closesYear(period.value) && hasInput(row)) {
        issues.push(makeIssue('period.notInScheme', 'error', {
          field: 'value', rowId: row.id, text: periodLabel(period.value), detail: `chỉ tiêu ${indicator.no} chỉ đo được theo năm, báo cáo trong kỳ năm`,
        }));
        continue;
      }
      const r = parseIndicatorValue(indicator.form, row, row.id);
      if (!r.ok) issues.push(...r.issues);
      else {
        issues.push(...r.warnings);
        rows.push({ id: row.id, value: r.value, evaluation: evaluateValue(indicator.target, r.value), note: tidyOrNull(row.note) });
      }
    }
    if (period.ok) submission = { ...header, period: period.value, kind: 'indicators', rows };
  } else {
    const rows: CheckedTaskRow[] = [];
    const byId = index.tasks;
    for (const row of request.rows) {
      if (readable(row)) {
        const checked = checkTaskRow(row, issues);
        if (checked) rows.push(checked);
        const task = byId.get(row.id)!;
        if (checked?.status === 'onTrack' && period.ok && taskStateInPeriod(task.deadline, false, period.value) === 'overdue') {
          issues.push(makeIssue('task.onTrackOverdue', 'error', {
            field: 'status', rowId: row.id, detail: `thời hạn "${task.deadlineText ?? ''}", tính đến ngày ${formatDateVi(period.value.end)}`,
          }));
        }
      }
    }
    if (period.ok) submission = { ...header, period: period.value, kind: 'tasks', rows };
  }
  if (submission !== null) issues.push(...blankIssues(catalogue, submission, request, options.assignedIds, issues.some((i) => i.severity === 'error')));
  if (submission === null || issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: submission, warnings: issues };
}

/** The Vietnamese list of a scheme's periods: "Quý I, 6 tháng đầu năm, 9 tháng, Năm 2026". */
function schemeIssue(catalogue: Catalogue, period: Period): Issue {
  const names = periodsOfScheme(period.year, catalogue.reportingScheme).map((p) => `${periodLabel(p)} (${p.id})`);
  return makeIssue('period.notInScheme', 'error', { field: 'period', text: periodLabel(period), detail: `các kỳ báo cáo trong năm: ${names.join('; ')}` });
}

const filled = (v: unknown): boolean => v !== null && v !== undefined && String(v).trim() !== '';
const hasInput = (row: IndicatorRow): boolean => filled(row.value) || filled(row.numerator) || filled(row.denominator);

/**
 * Blank and empty (docs/figures.md "Blank and empty"): every assigned row still without a value is a
 * warning placed on its first input cell; a report with a value in no assigned row at all is an
 * error – an untouched template or `rows: []` is not a report. Yearly-only indicators are not
 * expected before the year's report.
 */
function blankIssues(
  catalogue: Catalogue, submission: ValidatedSubmission, request: SubmissionRequest, assigned: ReadonlySet<string> | undefined, failed: boolean,
): Issue[] {
  const sent = new Map<string, boolean>();
  for (const row of request.rows) {
    const typed = request.kind === 'indicators' ? hasInput(row as IndicatorRow) : filled((row as TaskRow).status);
    sent.set(row.id, (sent.get(row.id) ?? false) || typed);
  }
  const items: readonly { id: string; no: number | null; form?: Catalogue['indicators'][number]['form'] }[] =
    submission.kind === 'indicators' ? catalogue.indicators.filter((i) => !i.yearlyOnly || closesYear(submission.period)) : catalogue.tasks;
  const expected = items.filter((x) => (assigned ? assigned.has(x.id) : sent.has(x.id)));
  const blank = expected.filter((x) => !sent.get(x.id));
  if (blank.length === expected.length) {
    // Nothing typed in any assigned row: refused – unless other errors already say what to fix.
    return failed ? [] : [makeIssue('submission.empty', 'error', { field: 'rows', detail: `${expected.length} dòng được giao, chưa dòng nào có số liệu` })];
  }
  const kind = submission.kind === 'indicators' ? 'chỉ tiêu' : 'nhiệm vụ';
  return blank.map((x) =>
    makeIssue('row.blank', 'warning', {
      field: x.form ? (x.form.kind === 'countPair' ? 'numerator' : 'value') : 'status',
      rowId: x.id,
      text: x.no === null ? kind : `${kind} ${x.no}`,
      detail: `${blank.length}/${expected.length} dòng được giao còn trống`,
    }),
  );
}

function checkTaskRow(row: TaskRow, issues: Issue[]): CheckedTaskRow | null {
  const status = parseTaskStatus(row.status, 'status', row.id);
  const progress = parseRate(row.progress, 'progress', row.id);
  const before = issues.length;
  for (const r of [status, progress]) issues.push(...(r.ok ? r.warnings : r.issues));
  const completedOn = row.completedOn ?? null;
  if (completedOn !== null && !isIsoDate(completedOn)) {
    issues.push(makeIssue('value.dateInvalid', 'error', { field: 'completedOn', rowId: row.id, text: completedOn }));
  }
  const out: CheckedTaskRow = {
    id: row.id,
    status: status.ok ? status.value : null,
    progress: progress.ok ? progress.value : null,
    result: tidyOrNull(row.result),
    obstacles: tidyOrNull(row.obstacles),
    proposal: tidyOrNull(row.proposal),
    completedOn,
  };
  if (status.ok && out.status === null && (out.progress !== null || out.result || out.obstacles || out.proposal || completedOn)) {
    issues.push(makeIssue('value.required', 'error', { field: 'status', rowId: row.id }));
  }
  const mismatch =
    out.status === 'done' && out.progress !== null && out.progress < 100 ? 'đã hoàn thành nhưng tiến độ dưới 100%'
    : out.status === 'notStarted' && out.progress !== null && out.progress > 0 ? 'chưa triển khai nhưng tiến độ lớn hơn 0%'
    : out.status !== null && out.status !== 'done' && completedOn !== null ? 'có ngày hoàn thành nhưng trạng thái chưa hoàn thành'
    : null;
  if (mismatch) issues.push(makeIssue('task.inconsistent', 'warning', { field: 'status', rowId: row.id, detail: mismatch }));
  return issues.slice(before).some((i) => i.severity === 'error') ? null : out;
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * The evaluations a SubmissionResponse carries (indicators only; tasks have none).
 * @example rowEvaluations(validated) // [{ id: 'ct-01', evaluation: 'exceeded', display: '72%' }]
 */
export function rowEvaluations(submission: ValidatedSubmission, catalogue?: Catalogue): RowEvaluation[] {
  if (submission.kind !== 'indicators') return [];
  const byId = catalogue ? itemsOf(catalogue).indicators : undefined;
  return submission.rows.map((r) => {
    const indicator = byId?.get(r.id);
    const assessment = indicator ? { assessment: assessmentLabel(assessValue(indicator, r.value, submission.period)) } : {};
    return { id: r.id, evaluation: r.evaluation, display: valueText(r.value), ...assessment };
  });
}

/** The canonical content: the header and the rows sorted by id, as canonicalRows writes them. */
export type CanonicalContent = { readonly planId: string; readonly unitId: string; readonly period: string } & (
  | { readonly kind: 'indicators'; readonly rows: readonly { readonly id: string; readonly value: unknown; readonly note: string | null }[] }
  | { readonly kind: 'tasks'; readonly rows: readonly CheckedTaskRow[] }
);

/**
 * The canonical content of a validated submission – plan, unit, period, kind and the rows sorted by
 * id, each with a fixed key order, parsed values and tidied text, absent fields as null – so that
 * "70,5%" and 70.5, or NFD and NFC notes, hash alike on the taskpane and on the server.
 */
export function canonicalContent(submission: ValidatedSubmission): CanonicalContent {
  const header = { planId: submission.planId, unitId: submission.unitId, period: submission.period.id };
  const byId = <R extends { id: string }>(rows: readonly R[]): R[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The key order is the text's: planId, unitId, period, kind, rows.
  return submission.kind === 'indicators'
    ? { ...header, kind: 'indicators', rows: byId(submission.rows).map((r) => ({ id: r.id, value: canonicalValue(r.value), note: r.note })) }
    : {
        ...header,
        kind: 'tasks',
        rows: byId(submission.rows).map((r) => ({
          id: r.id, status: r.status, progress: r.progress, result: r.result,
          obstacles: r.obstacles, proposal: r.proposal, completedOn: r.completedOn,
        })),
      };
}

/**
 * The canonical content as the JSON text both sides hash.
 * @example sha256(canonicalRows(validated)) // computed outside core
 */
export function canonicalRows(submission: ValidatedSubmission): string {
  return JSON.stringify(canonicalContent(submission));
}

function canonicalValue(v: ParsedValue | null): unknown {
  if (v === null) return null;
  switch (v.kind) {
    case 'rate':
      return { kind: v.kind, percent: v.percent };
    case 'countPair':
      return { kind: v.kind, numerator: v.numerator, denominator: v.denominator };
    case 'yesNo':
      return { kind: v.kind, yes: v.yes };
    case 'status':
      return { kind: v.kind, status: v.status, evidence: v.evidence ?? null };
    case 'applied':
      return { kind: v.kind, applied: v.applied, description: v.description ?? null };
  }
}

export type { IndicatorRow, TaskRow };
