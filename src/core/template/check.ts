// "Kiểm tra" without Excel: reads a sheet's cells, validates them with the core engine and says what
// to write back – the evaluation per row, the cells to mark and the issues, errors before warnings.
// Source of truth: validate-submission.ts (the same checks the server runs) and evaluate.ts.

import type { Catalogue } from '../catalogue-types';
import { assessmentLabel, assessValue } from '../assessment';
import { taskStateInPeriod, type TaskDeadlineState } from '../deadline';
import { evaluateInput } from '../evaluate';
import { parsePeriod } from '../periods';
import type { Issue, Severity } from '../result';
import type { SubmissionRequest } from '../schemas';
import { validateSubmission } from '../validate-submission';
import { parseTaskStatus } from '../values';
import { cellAddress } from './address';
import { readSheetRows, type Cell, type SheetRows } from './read';
import type { ColumnKey, TemplateMapping } from './types';

export const INPUT_ERROR_LABEL = 'Lỗi nhập liệu';

export const DEADLINE_LABELS: Readonly<Record<TaskDeadlineState | 'notReported', string>> = {
  done: 'Hoàn thành',
  onTime: 'Trong hạn',
  overdue: 'Quá hạn',
  noFixedDate: 'Không có thời hạn cố định',
  notReported: 'Chưa báo cáo',
};

/** An issue placed on the sheet: `address` is null for issues of the whole report (plan, period). */
export interface SheetIssue extends Issue {
  readonly row: number | null;
  readonly col: number | null;
  readonly address: string | null;
}

export interface CheckOutcome {
  /** Errors first, then warnings; within each, in sheet order. */
  readonly issues: readonly SheetIssue[];
  /** One entry per mapped row: what the evaluation column shows. */
  readonly evaluations: readonly { readonly row: number; readonly text: string }[];
  /** Per mapped row, the messages for the remarks column ('' when none). */
  readonly remarks: readonly { readonly row: number; readonly text: string }[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly rows: SheetRows;
}

/** A syntactically valid placeholder: validateSubmission does not look at the id, the schema does at submit. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** The submission a sheet stands for (rows as read, header from the mapping). */
export function submissionOf(mapping: TemplateMapping, rows: SheetRows, clientSubmissionId?: string): SubmissionRequest {
  const header = { clientSubmissionId: clientSubmissionId ?? mapping.clientSubmissionId ?? NO_ID, planId: mapping.planId, unitId: mapping.unitId, period: mapping.period };
  return rows.kind === 'indicators' ? { ...header, kind: 'indicators', rows: rows.rows } : { ...header, kind: 'tasks', rows: rows.rows };
}

const FIELD_COLUMN: Readonly<Record<string, ColumnKey>> = { id: 'no' };

/**
 * Checks a report sheet's cells against the catalogue.
 * @example checkSheetCells(catalogue, mapping, used.values, used.numberFormat).issues[0]
 * // { severity: 'error', code: 'value.notNumber', address: 'F12', message: 'Tử số “abc” không phải là số hợp lệ …' }
 */
export function checkSheetCells(
  catalogue: Catalogue,
  mapping: TemplateMapping,
  values: readonly (readonly Cell[])[],
  numberFormats: readonly (readonly (string | null)[])[],
): CheckOutcome {
  const rows = readSheetRows(mapping, values, numberFormats);
  const ids = new Set(mapping.rows.map((r) => r.id));
  const result = validateSubmission(catalogue, submissionOf(mapping, rows), { assignedIds: ids });
  const found = result.ok ? result.warnings : result.issues;
  const rowOf = new Map(mapping.rows.map((r) => [r.id, r.row]));
  const order = new Map(mapping.rows.map((r, i) => [r.id, i]));
  const placed: SheetIssue[] = found.map((issue) => {
    const row = issue.rowId !== undefined ? (rowOf.get(issue.rowId) ?? null) : null;
    const key = (issue.field && (FIELD_COLUMN[issue.field] ?? issue.field)) as ColumnKey | undefined;
    const col = row === null ? null : ((key && mapping.columns[key]) ?? mapping.columns.text ?? 0);
    return { ...issue, row, col, address: row === null || col === null ? null : cellAddress(row, col) };
  });
  const rank = (s: Severity): number => (s === 'error' ? 0 : 1);
  const pos = (i: SheetIssue): number => (i.rowId !== undefined ? (order.get(i.rowId) ?? -1) : -1);
  const issues = placed
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue.severity) - rank(b.issue.severity) || pos(a.issue) - pos(b.issue) || a.index - b.index)
    .map((x) => x.issue);

  const evaluations = mapping.rows.map(({ row, id }) => ({ row, text: evaluationText(catalogue, mapping, rows, id) }));
  const remarks = mapping.rows.map(({ row, id }) => ({
    row,
    text: issues.filter((i) => i.rowId === id).map((i) => `${i.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${i.message}`).join('\n'),
  }));
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return { issues, evaluations, remarks, errorCount, warningCount: issues.length - errorCount, rows };
}

function evaluationText(catalogue: Catalogue, mapping: TemplateMapping, rows: SheetRows, id: string): string {
  const period = parsePeriod(mapping.period);
  if (!period.ok) return INPUT_ERROR_LABEL;
  if (rows.kind === 'indicators') {
    const indicator = catalogue.indicators.find((i) => i.id === id);
    const row = rows.rows.find((r) => r.id === id);
    if (!indicator || !row) return INPUT_ERROR_LABEL;
    const r = evaluateInput(indicator, row);
    // Judged only where the target applies to the unit, and as progress before the year's report.
    return r.ok ? assessmentLabel(assessValue(indicator, r.value.value, period.value)) : INPUT_ERROR_LABEL;
  }
  const task = catalogue.tasks.find((t) => t.id === id);
  const row = rows.rows.find((r) => r.id === id);
  if (!task || !row) return INPUT_ERROR_LABEL;
  const status = parseTaskStatus(row.status, 'status', id);
  if (!status.ok) return INPUT_ERROR_LABEL;
  if (status.value === null) return DEADLINE_LABELS.notReported;
  // Judged at the period's cut-off, the one reference date of every report (deadline.ts).
  return DEADLINE_LABELS[taskStateInPeriod(task.deadline, status.value === 'done', period.value)];
}
