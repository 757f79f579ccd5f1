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
  /** What the mapping sheet holds beside the client id (the content stamp, see submit.ts). */
  readonly stamp: string | null;
}

/** How much of a report sheet the first read takes: from A1, this many rows and columns. */
export interface ReadBound {
  readonly rows: number;
  readonly cols: number;
}

/**
 * A report template's rows are its title, header, group headings and items: the catalogue bounds
 * them. Never the used range: a clerk who formats whole columns stretches it to a million rows, and
 * above five million cells Excel returns no values at all.
 */
export function readBound(catalogue?: { indicators: readonly unknown[]; tasks: readonly unknown[] }): ReadBound {
  const items = catalogue ? catalogue.indicators.length + catalogue.tasks.length : 1000;
  return { rows: 64 + 2 * items, cols: 26 };
}

/** The extent the mapping says the sheet has: its last mapped row and its widest column. */
function extentOf(mapping: TemplateMapping): ReadBound {
  const rows = Math.max(mapping.headerRow, ...mapping.rows.map((r) => r.row)) + 1;
  const cols = Math.max(0, ...Object.values(mapping.columns).map((c) => c ?? 0)) + 1;
  return { rows, cols };
}

/**
 * Reads a report sheet and its mapping in one sync (`also` queues more loads into it), sized from
 * the catalogue's bound; in the rare case the mapping reaches beyond it, one more read of exactly
 * the mapped extent. Null when the sheet is not a report sheet.
 */
export async function loadReportSheet(context: Excel.RequestContext, sheetName: string, bound: ReadBound, also?: () => void): Promise<LoadedSheet | null> {
  const sheets = context.workbook.worksheets;
  const report = sheets.getItem(sheetName);
  let window = report.getRangeByIndexes(0, 0, bound.rows, bound.cols);
  window.load('values, numberFormat');
  const table = sheets.getItem(mappingSheetName(sheetName)).getUsedRange(true);
  table.load('values');
  also?.();
  await context.sync();
  const mapping = parseMapping(table.values);
  if (!mapping || mapping.sheetName !== sheetName) return null;
  const extent = extentOf(mapping);
  if (extent.rows > bound.rows || extent.cols > bound.cols) {
    window = report.getRangeByIndexes(0, 0, extent.rows, extent.cols);
    window.load('values, numberFormat');
    await context.sync();
  }
  const stamp = table.values[CLIENT_ID_LINE]?.[2];
  return {
    mapping, values: window.values as Cell[][], numberFormats: window.numberFormat as (string | null)[][],
    stamp: typeof stamp === 'string' && stamp !== '' ? stamp : null,
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
    const sheet = await loadReportSheet(context, sheetName, readBound());
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
