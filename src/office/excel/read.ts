// Reading report sheets back: which sheets of the workbook are report sheets (through their mapping
// sheets), a sheet's cells for a submission, the client submission id stamp, and selecting a cell.

import {
  CLIENT_ID_LINE, isMappingSheetName, mappingSheetName, parseCellAddress, parseMapping, readSheetRows,
  type Cell, type SheetRows, type TemplateMapping,
} from '../../core/template';
import { strings } from '../../text/strings';
import { done, failed, guarded, type ExcelOutcome } from './errors';

export interface ReportSheetInfo {
  readonly sheetName: string;
  readonly kind: TemplateMapping['kind'];
  readonly unitId: string;
  readonly unitName: string;
  readonly period: string;
  readonly planId: string;
  readonly catalogueVersion: number;
  readonly rowCount: number;
  readonly clientSubmissionId: string | null;
}

/**
 * The report sheets of the open workbook, in tab order, found through their mapping sheets (two
 * syncs: the sheet names, then every mapping table at once). A mapping whose report sheet was
 * deleted or renamed is left out.
 * @example const r = await findReportSheets(); // ok, [{ sheetName: 'PL01 2026-Q1', kind: 'indicators', … }]
 */
export function findReportSheets(): Promise<ExcelOutcome<ReportSheetInfo[]>> {
  return guarded(() => Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const tables = names.filter(isMappingSheetName).map((name) => {
      const used = sheets.getItem(name).getUsedRange(true);
      used.load('values');
      return used;
    });
    if (tables.length === 0) return done<ReportSheetInfo[]>([]);
    await context.sync();
    const found = tables.map((t) => parseMapping(t.values)).filter((m): m is TemplateMapping => m !== null && names.includes(m.sheetName));
    found.sort((a, b) => names.indexOf(a.sheetName) - names.indexOf(b.sheetName));
    return done(found.map((m) => ({
      sheetName: m.sheetName, kind: m.kind, unitId: m.unitId, unitName: m.unitName, period: m.period, planId: m.planId,
      catalogueVersion: m.catalogueVersion, rowCount: m.rows.length, clientSubmissionId: m.clientSubmissionId,
    })));
  }));
}

/** The used range's cells placed from A1, so that row and column indexes are the sheet's. */
export function fromA1<T>(address: string, grid: readonly (readonly T[])[], blank: T): T[][] {
  const start = parseCellAddress(address.split('!').pop()!.split(':')[0]) ?? { row: 0, col: 0 };
  const rows: T[][] = Array.from({ length: start.row }, () => []);
  for (const line of grid) rows.push([...Array<T>(start.col).fill(blank), ...line]);
  return rows;
}

export interface LoadedSheet {
  readonly mapping: TemplateMapping;
  readonly values: Cell[][];
  readonly numberFormats: (string | null)[][];
}

/** Queues the loads of a report sheet and its mapping; call `take()` after the sync. */
export function queueSheetLoad(context: Excel.RequestContext, sheetName: string): { take: () => LoadedSheet | null } {
  const sheets = context.workbook.worksheets;
  const used = sheets.getItem(sheetName).getUsedRange();
  used.load('address, values, numberFormat');
  const table = sheets.getItem(mappingSheetName(sheetName)).getUsedRange(true);
  table.load('values');
  return {
    take: () => {
      const mapping = parseMapping(table.values);
      if (!mapping || mapping.sheetName !== sheetName) return null;
      return { mapping, values: fromA1<Cell>(used.address, used.values, ''), numberFormats: fromA1<string | null>(used.address, used.numberFormat, null) };
    },
  };
}

export const notReportSheet = <T>(sheetName: string): ExcelOutcome<T> =>
  failed('sheetNotFound', strings.excelSheets.notReportSheet(sheetName));

/**
 * The rows a submission is made of, read in one sync, with the mapping (plan, unit, period, ids).
 * @example const r = await readForSubmit('PL01 2026-Q1'); submissionOf(r.value.mapping, r.value.rows, id)
 */
export function readForSubmit(sheetName: string): Promise<ExcelOutcome<{ mapping: TemplateMapping; rows: SheetRows }>> {
  return guarded(() => Excel.run(async (context) => {
    const loaded = queueSheetLoad(context, sheetName);
    await context.sync();
    const sheet = loaded.take();
    if (!sheet) return notReportSheet(sheetName);
    return done({ mapping: sheet.mapping, rows: readSheetRows(sheet.mapping, sheet.values, sheet.numberFormats) });
  }));
}

/**
 * Stamps the client submission id in the mapping sheet (one sync), so a retry after a lost answer
 * reuses it and the server treats it as the same submission.
 */
export function setClientSubmissionId(sheetName: string, id: string): Promise<ExcelOutcome<void>> {
  return guarded(() => Excel.run(async (context) => {
    const cell = context.workbook.worksheets.getItem(mappingSheetName(sheetName)).getRangeByIndexes(CLIENT_ID_LINE, 1, 1, 1);
    cell.values = [[id]];
    await context.sync();
    return done(undefined);
  }));
}

/**
 * Shows a cell to the clerk (an issue of the list was clicked): activates its sheet and selects it.
 * @example await selectCell('PL01 2026-Q1', 'F12')
 */
export function selectCell(sheetName: string, address: string): Promise<ExcelOutcome<void>> {
  return guarded(() => Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
    return done(undefined);
  }));
}
