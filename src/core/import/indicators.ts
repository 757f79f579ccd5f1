// Phụ lục 01 rows → indicator groups and indicators (DOMAIN.md §1–3).
import type { Group, Indicator, UnitRef } from '../catalogue-types';
import type { Issue } from '../result';
import { parseTarget } from '../target';
import { resolveCell, type NameIndexEntry } from './cells';
import { inferForm, inferLevel, inferMeasure, inferYearlyOnly } from './forms';
import type { IndicatorReview } from './review';
import type { Table } from './table';

const ROMAN = /^[IVXLC]+$/;

export interface IndicatorsReading {
  readonly groups: readonly Group[];
  readonly indicators: readonly Indicator[];
  readonly unread: readonly string[];
  readonly issues: readonly Issue[];
}

/** Finds a column by its header words, or falls back to its position in the plan's layout. */
export function column(header: readonly string[], pattern: RegExp, fallback: number): number {
  const i = header.findIndex((h) => pattern.test(h));
  return i >= 0 ? i : fallback;
}

export const indicatorId = (no: number): string => `ct-${String(no).padStart(2, '0')}`;

/** Turns a review's unit or class id into a ref (the review has checked that it exists). */
export type RefOf = (id: string) => UnitRef;

export function readIndicators(
  table: Table, names: readonly NameIndexEntry[], reviews: readonly IndicatorReview[], refOf: RefOf = (unitId) => ({ kind: 'unit', unitId }),
): IndicatorsReading {
  const h = table.header;
  const col = {
    tt: column(h, /^TT$/iu, 0),
    text: column(h, /chỉ tiêu/iu, 1),
    target: column(h, /mục tiêu/iu, 2),
    lead: column(h, /chủ trì/iu, 3),
  };
  const groups: Group[] = [];
  const indicators: Indicator[] = [];
  const unread: string[] = [];
  const issues: Issue[] = [];
  const skip = (row: { line: number; cells: readonly string[] }, why: string): void => {
    const verbatim = row.cells.filter((c) => c !== '').join(' | ');
    unread.push(`Phụ lục 01, dòng ${row.line}: ${verbatim}`);
    issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 01, dòng ${row.line}: ${why} – "${verbatim}"` });
  };

  for (const row of table.rows) {
    const tt = row.cells[col.tt];
    const text = row.cells[col.text];
    if (ROMAN.test(tt)) {
      groups.push({ id: tt, title: text });
      continue;
    }
    if (!/^\d+$/.test(tt)) {
      skip(row, 'dòng không có số thứ tự chỉ tiêu');
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) {
      skip(row, 'chỉ tiêu đứng trước mọi nhóm');
      continue;
    }
    const no = Number(tt);
    const id = indicatorId(no);
    const targetText = row.cells[col.target];
    const target = parseTarget(targetText);
    if (!target.ok) {
      skip(row, `mục tiêu "${targetText}" không đọc được`);
      continue;
    }
    const leadText = row.cells[col.lead];
    const lead = resolveCell(leadText, names);
    for (const part of lead.unresolved) {
      unread.push(`${id} (đơn vị chủ trì): ${part}`);
      issues.push({ code: 'import.unknownUnit', severity: 'warning', rowId: id, field: 'lead', message: `Chỉ tiêu ${no}: không nhận ra đơn vị "${part}".` });
    }
    const review = reviewOf(id, no, text, reviews, issues);
    const choice = {
      ...inferForm(text, target.value, lead.refs),
      ...(review?.form ? { form: review.form, formReason: review.formReason! } : {}),
      ...(review?.aggregation ? { aggregation: review.aggregation, aggregationReason: review.aggregationReason! } : {}),
    };
    const level = review?.level ? { level: review.level, levelReason: review.levelReason! } : inferLevel(target.value, choice.aggregation);
    const agg = choice.aggregation;
    const reporters: UnitRef[] = review?.reporters ? review.reporters.map(refOf)
      : agg.kind === 'singleSource' && agg.unitId ? [refOf(agg.unitId)]
      : agg.kind === 'perSector' ? agg.sectors.map((x) => refOf(x.unitId))
      : (lead.refs as UnitRef[]);
    const notes = [...lead.notes, ...(review?.notes ?? [])];
    indicators.push({
      id,
      no,
      group: group.id,
      text,
      targetText,
      target: target.value,
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
  return { groups, indicators, unread, issues };
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
