// "Kiểm tra": reads a report sheet in one sync, validates it with the core engine, then writes the
// evaluation column, the remarks and the cell marks with one more sync (two in all, any row count).

import type { Catalogue } from '../../core/catalogue-types';
import {
  checkSheetCells, indicatorInputs, SHEET_COLORS, taskInputs,
  type CheckOutcome, type SheetIssue, type SheetRow, type TemplateMapping,
} from '../../core/template';
import { strings } from '../../text/strings';
import { done, failed, guarded, type ExcelOutcome } from './errors';
import { queueSheetLoad, notReportSheet } from './read';
import { PROTECTION, runs } from './render';


export interface CheckResult {
  readonly sheetName: string;
  readonly mapping: TemplateMapping;
  /** Errors first, then warnings; each with the A1 address of its cell (null for the whole report). */
  readonly issues: readonly SheetIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly evaluations: CheckOutcome['evaluations'];
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

/**
 * Checks a report sheet and writes the outcome onto it.
 * @example const r = await withCellEditRetry(() => checkSheet('PL01 2026-Q1', catalogue), { onWaiting })
 * // ok, { errorCount: 1, issues: [{ severity: 'error', address: 'F12', message: '…' }, …] }
 */
export function checkSheet(sheetName: string, catalogue: Catalogue): Promise<ExcelOutcome<CheckResult>> {
  return guarded(() => Excel.run(async (context) => {
    const loaded = queueSheetLoad(context, sheetName);
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.protection.load('protected');
    await context.sync();

    const read = loaded.take();
    if (!read) return notReportSheet<CheckResult>(sheetName);
    const { mapping } = read;
    if (mapping.planId !== catalogue.planId || mapping.catalogueVersion !== catalogue.catalogueVersion) {
      return failed<CheckResult>('catalogueMismatch', strings.excelSheets.catalogueMismatch(sheetName, mapping.planId, mapping.catalogueVersion, catalogue.planId, catalogue.catalogueVersion));
    }
    const outcome = checkSheetCells(catalogue, mapping, read.values, read.numberFormats);

    const wasProtected = sheet.protection.protected;
    if (wasProtected) sheet.protection.unprotect();
    const column = (key: 'evaluation' | 'remarks', texts: readonly { row: number; text: string }[]) => {
      const col = mapping.columns[key];
      if (col === undefined) return;
      const byRow = new Map(texts.map((t) => [t.row, t.text]));
      for (const b of blocks(mapping.rows)) {
        sheet.getRangeByIndexes(b.first, col, b.count, 1).values = Array.from({ length: b.count }, (_, i) => [byRow.get(b.first + i) ?? '']);
      }
    };
    column('evaluation', outcome.evaluations);
    column('remarks', outcome.remarks);
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
    if (wasProtected) sheet.protection.protect(PROTECTION);
    await context.sync();
    return done<CheckResult>({
      sheetName, mapping, issues: outcome.issues, errorCount: outcome.errorCount, warningCount: outcome.warningCount, evaluations: outcome.evaluations,
    });
  }));
}
