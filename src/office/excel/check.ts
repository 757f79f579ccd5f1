// "Kiểm tra": reads a report sheet in one sync, validates it with the core engine, then writes the
// evaluation column, the remarks and the cell marks with one more sync (two in all, any row count).
// The issues do not depend on the marks: when Excel refuses to unprotect the sheet (a password, or
// the AccessDenied of current builds – office-js issue 6784) the issues are returned all the same,
// with a note saying why the sheet shows no marks, and the sheet is left protected as it was.

import type { Catalogue } from '../../core/catalogue-types';
import {
  checkSheetCells, indicatorInputs, SHEET_COLORS, taskInputs,
  type CheckOutcome, type SheetIssue, type SheetRow, type TemplateMapping,
} from '../../core/template';
import { officeSupport } from '../../text/office-support';
import { strings } from '../../text/strings';
import { done, failed, guarded, translateOfficeError, type ExcelOutcome } from './errors';
import { loadReportSheet, notReportSheet, readBound, type LoadedSheet } from './read';
import { withEchoes } from './read-echo';
import { PROTECTION, runs } from './render';

export interface CheckResult {
  readonly sheetName: string;
  readonly mapping: TemplateMapping;
  /** Errors first, then warnings; each with the A1 address of its cell (null for the whole report). */
  readonly issues: readonly SheetIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly evaluations: CheckOutcome['evaluations'];
  /** False when Excel refused the marks: the issues above are complete, the sheet shows none. */
  readonly marksWritten: boolean;
  /** Why, in the clerk's words, when something could not be done. */
  readonly notes: readonly string[];
}

type Item = Extract<SheetRow, { kind: 'item' }>;

/** Consecutive mapped rows: group headings (merged across) sit between them and are not written. */
function blocks(rows: readonly { row: number }[]): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  for (const { row } of rows) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === row) last.count += 1;
    else out.push({ first: row, count: 1 });
  }
  return out;
}

/** Queues the evaluation and remarks columns, the row heights and the cell marks (no sync). */
function queueMarks(sheet: Excel.Worksheet, loaded: LoadedSheet, outcome: CheckOutcome, catalogue: Catalogue): void {
  const { mapping } = loaded;
  const column = (key: 'evaluation' | 'remarks', texts: readonly { row: number; text: string }[]) => {
    const col = mapping.columns[key];
    if (col === undefined) return;
    const byRow = new Map(texts.map((t) => [t.row, t.text]));
    for (const b of blocks(mapping.rows)) {
      sheet.getRangeByIndexes(b.first, col, b.count, 1).values = Array.from({ length: b.count }, (_, i) => [byRow.get(b.first + i) ?? '']);
    }
  };
  column('evaluation', outcome.evaluations);
  column('remarks', withEchoes(mapping, loaded.values, loaded.numberFormats, outcome.remarks));
  // A long remark wraps: the rows are fitted again to what they now hold.
  for (const b of blocks(mapping.rows)) sheet.getRangeByIndexes(b.first, 0, b.count, 1).format.autofitRows();
  // Marks of the last check are cleared by repainting the input tint, then the new marks go on.
  const forms = new Map(catalogue.indicators.map((i) => [i.id, i.form]));
  const items: Item[] = mapping.rows.map(({ row, id }) => {
    const form = forms.get(id);
    const inputs = mapping.kind === 'tasks' ? taskInputs() : form ? indicatorInputs(form) : [];
    return { kind: 'item', row, id, cells: [], inputs };
  });
  const width = Math.max(...Object.values(mapping.columns).map((c) => c ?? 0)) + 1;
  for (let col = 0; col < width; col++) {
    for (const run of runs(items, col, () => 0)) sheet.getRangeByIndexes(run.first, col, run.last - run.first + 1, 1).format.fill.color = SHEET_COLORS.input;
  }
  for (const issue of [...outcome.issues].reverse()) { // errors last, so an error's colour wins on a shared cell
    if (issue.row !== null && issue.col !== null) {
      sheet.getRangeByIndexes(issue.row, issue.col, 1, 1).format.fill.color = issue.severity === 'error' ? SHEET_COLORS.error : SHEET_COLORS.warning;
    }
  }
}

export interface CheckStep {
  readonly loaded: LoadedSheet;
  readonly result: CheckResult;
}

/**
 * The check inside an Excel.run: sync 1 reads, sync 2 writes the marks and whatever `alsoWrite`
 * queues (before the marks, so a refused unprotect does not drop it). When the marks are refused,
 * `alsoWrite` is sent again with the re-protection of the sheet (only on that path: one or two more
 * syncs). Cell-edit mode is not absorbed: it fails the step so that the caller retries it whole.
 */
export async function runCheck(
  context: Excel.RequestContext, sheetName: string, catalogue: Catalogue,
  alsoWrite?: (loaded: LoadedSheet, result: CheckResult) => void,
): Promise<ExcelOutcome<CheckStep>> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const loaded = await loadReportSheet(context, sheetName, readBound(catalogue), () => sheet.protection.load('protected'));
  if (!loaded) return notReportSheet<CheckStep>(sheetName);
  const { mapping } = loaded;
  if (mapping.planId !== catalogue.planId || mapping.catalogueVersion !== catalogue.catalogueVersion) {
    return failed<CheckStep>('catalogueMismatch', strings.excelSheets.catalogueMismatch(sheetName, mapping.planId, mapping.catalogueVersion, catalogue.planId, catalogue.catalogueVersion));
  }
  const outcome = checkSheetCells(catalogue, mapping, loaded.values, loaded.numberFormats);
  const result: CheckResult = {
    sheetName, mapping, issues: outcome.issues, errorCount: outcome.errorCount, warningCount: outcome.warningCount,
    evaluations: outcome.evaluations, marksWritten: true, notes: [],
  };
  const wasProtected = sheet.protection.protected;
  alsoWrite?.(loaded, result);
  if (wasProtected) sheet.protection.unprotect();
  queueMarks(sheet, loaded, outcome, catalogue);
  if (wasProtected) sheet.protection.protect(PROTECTION);
  try {
    await context.sync();
  } catch (e) {
    const failure = translateOfficeError(e);
    if (failure.code === 'cellEditMode') return { ok: false, error: failure };
    await restore(context, sheet, wasProtected, () => alsoWrite?.(loaded, result));
    return done({ loaded, result: { ...result, marksWritten: false, notes: [officeSupport.marksNotWritten] } });
  }
  return done({ loaded, result });
}

/** After refused marks: `again` re-sent, and the sheet protected again if the batch stopped after unprotecting it. */
async function restore(context: Excel.RequestContext, sheet: Excel.Worksheet, wasProtected: boolean, again: () => void): Promise<void> {
  try {
    again();
    sheet.protection.load('protected');
    await context.sync();
    if (wasProtected && !sheet.protection.protected) {
      sheet.protection.protect(PROTECTION);
      await context.sync();
    }
  } catch {
    // Best effort: the issues are what the clerk needs now; the note already says the sheet was not marked.
  }
}

/**
 * Checks a report sheet and writes the outcome onto it.
 * @example const r = await withCellEditRetry(() => checkSheet('PL01 2026-Q1', catalogue), { onWaiting })
 * // ok, { errorCount: 1, issues: [{ severity: 'error', address: 'F12', message: '…' }, …] }
 */
export function checkSheet(sheetName: string, catalogue: Catalogue): Promise<ExcelOutcome<CheckResult>> {
  return guarded(() => Excel.run(async (context) => {
    const step = await runCheck(context, sheetName, catalogue);
    return step.ok ? done(step.value.result) : step;
  }));
}
