// Phụ lục 01 rows → indicator groups and indicators (docs/domain.md §1–3).
import type { Group, Indicator, Target, UnitRef } from '../catalogue-types';
import type { Issue } from '../result';
import { formatTarget, parseTarget } from '../target';
import { resolveCell, type NameIndexEntry } from './cells';
import { inferForm, inferLevel, inferMeasure, inferYearlyOnly } from './forms';
import type { IndicatorReview } from './review';
import type { Columns } from './appendix';
import type { Table, TableRow } from './table';

const ROMAN = /^[IVXLC]+$/;
/** "11.1": a sub-row of indicator 11. */
const SUB_ROW = /^(\d+)\.(\d+)$/u;

export interface IndicatorsReading {
  readonly groups: readonly Group[];
  readonly indicators: readonly Indicator[];
  readonly unread: readonly string[];
  readonly issues: readonly Issue[];
  /** Each row beside what was made of it, for `--review`. */
  readonly readings: readonly RowReading[];
}

export interface RowReading {
  readonly where: string;
  readonly source: string;
  readonly reading: string;
}

export const rowSource = (row: TableRow): string => row.cells.join(' | ');

/** "skhcn, lớp cap-xa": unit refs as ids, for the review printout. */
export const describeRefs = (refs: readonly UnitRef[]): string =>
  refs.length === 0 ? '(không có)' : refs.map((r) => (r.kind === 'unit' ? r.unitId : `nhóm ${r.classId}`)).join(', ');

export const indicatorId = (no: number): string => `ct-${String(no).padStart(2, '0')}`;

/** Turns a review's unit or class id into a ref (the review has checked that it exists). */
export type RefOf = (id: string) => UnitRef;

/** "≥ 70" beside a "%" unit column reads as "≥ 70%"; any other unit leaves the text as printed. */
function targetWithUnit(targetText: string, unit: string | undefined): string {
  return unit === '%' && !targetText.includes('%') && /\d\s*$/u.test(targetText) ? `${targetText}%` : targetText;
}

/**
 * Reads Phụ lục 01's rows: roman numerals open groups, numbers are indicators, "11.1" is a sub-row
 * kept with its parent. A target the grammar cannot read is kept as text with the manual kind and
 * reported for review ('import.manualTarget'), never dropped. The review file's decisions (form,
 * aggregation, level, reporters…) apply to numbered indicators; a sub-row takes what its wording implies.
 */
export function readIndicators(
  table: Table, columns: Columns, names: readonly NameIndexEntry[], reviews: readonly IndicatorReview[],
  refOf: RefOf = (unitId) => ({ kind: 'unit', unitId }),
): IndicatorsReading {
  const col = columns;
  const groups: Group[] = [];
  const indicators: Indicator[] = [];
  const unread: string[] = [];
  const issues: Issue[] = [];
  const readings: RowReading[] = [];
  const skip = (row: TableRow, why: string): void => {
    readings.push({ where: row.where, source: rowSource(row), reading: `KHÔNG ĐỌC ĐƯỢC: ${why}` });
    const verbatim = row.cells.filter((c) => c !== '').join(' | ');
    unread.push(`Phụ lục 01, ${row.where}: ${verbatim}`);
    issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 01, ${row.where}: ${why} – "${verbatim}"` });
  };
  const cell = (row: TableRow, i: number): string => (i >= 0 ? row.cells[i] ?? '' : '');

  for (const row of table.rows) {
    const tt = cell(row, col.tt).replace(/\.$/u, '');
    const text = cell(row, col.text);
    if (row.cells.every((c) => c === '')) continue;
    if (ROMAN.test(tt)) {
      groups.push({ id: tt, title: text });
      readings.push({ where: row.where, source: rowSource(row), reading: `nhóm ${tt}: ${text}` });
      continue;
    }
    const sub = SUB_ROW.exec(tt);
    if (!/^\d+$/.test(tt) && !sub) {
      skip(row, 'dòng không có số thứ tự chỉ tiêu');
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) {
      skip(row, 'chỉ tiêu đứng trước mọi nhóm');
      continue;
    }
    const no = Number(sub ? sub[1] : tt);
    const parent = sub ? indicators.find((i) => i.no === no && i.parent === undefined) : undefined;
    if (sub && !parent) {
      skip(row, `dòng con ${tt} không có chỉ tiêu ${no} đứng trước`);
      continue;
    }
    const id = sub ? `${indicatorId(no)}.${Number(sub[2])}` : indicatorId(no);
    const label = sub ? `Chỉ tiêu ${tt}` : `Chỉ tiêu ${no}`;
    const unitText = col.unit >= 0 ? cell(row, col.unit) : '';
    const unit = unitText === '' ? undefined : unitText;
    const targetText = cell(row, col.target);
    const parsed = parseTarget(targetWithUnit(targetText, unit));
    let target: Target;
    if (parsed.ok) target = parsed.value;
    else {
      target = { kind: 'manual', text: targetText };
      unread.push(`${id} (mục tiêu): ${targetText === '' ? 'ô trống' : targetText} – đánh giá thủ công`);
      issues.push({
        code: 'import.manualTarget',
        severity: 'warning',
        rowId: id,
        field: 'target',
        message: `${label} (${row.where}): mục tiêu "${targetText}" không theo mẫu nào đã biết; giữ nguyên văn, kết quả do người rà soát đánh giá thủ công.`,
      });
    }
    const leadText = cell(row, col.lead) === '' && parent ? parent.leadText : cell(row, col.lead);
    const lead = resolveCell(leadText, names);
    for (const part of lead.unresolved) {
      unread.push(`${id} (đơn vị chủ trì): ${part}`);
      issues.push({ code: 'import.unknownUnit', severity: 'warning', rowId: id, field: 'lead', message: `${label}: không nhận ra đơn vị "${part}".` });
    }
    const review = sub ? null : reviewOf(id, no, text, reviews, issues);
    const choice = {
      ...inferForm(text, target, lead.refs),
      ...(review?.form ? { form: review.form, formReason: review.formReason! } : {}),
      ...(review?.aggregation ? { aggregation: review.aggregation, aggregationReason: review.aggregationReason! } : {}),
    };
    const level = review?.level ? { level: review.level, levelReason: review.levelReason! } : inferLevel(target, choice.aggregation);
    const agg = choice.aggregation;
    const reporters: UnitRef[] = review?.reporters ? review.reporters.map(refOf)
      : agg.kind === 'singleSource' && agg.unitId ? [refOf(agg.unitId)]
      : agg.kind === 'perSector' ? agg.sectors.map((x) => refOf(x.unitId))
      : (lead.refs as UnitRef[]);
    const notes = [...lead.notes, ...(review?.notes ?? [])];
    readings.push({
      where: row.where,
      source: rowSource(row),
      reading:
        `${id}${parent ? ` (dòng con của ${parent.id})` : ''} nhóm ${group.id}; mục tiêu: ${target.kind === 'manual' ? 'ĐÁNH GIÁ THỦ CÔNG' : formatTarget(target)}` +
        `${unit !== undefined ? ` (${unit})` : ''}; chủ trì: ${describeRefs(lead.refs)}${lead.unresolved.length > 0 ? ` + không nhận ra: ${lead.unresolved.join('; ')}` : ''}`,
    });
    indicators.push({
      id,
      no,
      group: group.id,
      text,
      targetText,
      target,
      ...(unit !== undefined ? { unit } : {}),
      ...(parent ? { parent: parent.id, tt } : {}),
      leadText,
      lead: lead.refs as UnitRef[],
      ...choice,
      ...level,
      measure: review?.measure ?? inferMeasure(text),
      yearlyOnly: review?.yearlyOnly ?? inferYearlyOnly(text),
      reporters,
      ...(review?.fallbackReporters ? { fallbackReporters: review.fallbackReporters.map(refOf) } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  for (const r of reviews) {
    if (!indicators.some((i) => i.no === r.no)) {
      issues.push({ code: 'import.review', severity: 'warning', message: `Tệp rà soát nói về chỉ tiêu ${r.no}, kế hoạch không có chỉ tiêu này.` });
    }
  }
  return { groups, indicators, unread, issues, readings };
}

function reviewOf(id: string, no: number, text: string, reviews: readonly IndicatorReview[], issues: Issue[]): IndicatorReview | null {
  const review = reviews.find((r) => r.no === no);
  if (!review) {
    issues.push({ code: 'import.review', severity: 'warning', rowId: id, message: `Chỉ tiêu ${no} chưa được rà soát: dùng hình thức suy ra từ câu chữ.` });
    return null;
  }
  if (!text.normalize('NFC').startsWith(review.textStartsWith.normalize('NFC'))) {
    issues.push({
      code: 'import.review',
      severity: 'warning',
      rowId: id,
      message: `Rà soát chỉ tiêu ${no} viết cho "${review.textStartsWith}…", kế hoạch ghi "${text.slice(0, 60)}…": bỏ qua rà soát này.`,
    });
    return null;
  }
  return review;
}
