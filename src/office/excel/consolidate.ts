// "Tổng hợp" and "Làm mới": draws a consolidation sheet spec (src/core/consolidation-sheet) onto its
// own sheet, with its print setup, in one Excel.run – 2 syncs for a new sheet (names; everything), 3 for a refresh (names;
// the old sheet's charts; everything) at the province's 160 units. A refresh keeps the sheet (its
// position and any references to it), clears it and draws the new figures. Excel on the web refuses
// a request over 5 MB: the values go in blocks of rows, and a sync is sent whenever the queued
// writes reach WRITE_BUDGET_BYTES (1 MB, well under the limit) – 3,400 units take a few more syncs.
// Source of truth: the Excel performance guide (whole 2-D arrays, no sync in a loop) and
// docs/office-support.md ("Excel on the web's 5 MB limit").

import { rangeAddress, cellAddress } from '../../core/template/address';
import type { ConsolidationSheetSpec } from '../../core/consolidation-sheet';
import { done, guarded, type ExcelOutcome } from './errors';
import { queueFooter, queueMargins } from './page-margins';
import { supports } from '../host';

/** Excel's column width is in points; one character of the 12 pt body font is about 6 points wide. */
const POINTS_PER_CHAR = 6;
export const CHART_NAME = 'CDS Tong hop';

export interface Consolidated {
  readonly sheetName: string;
  /** True when an existing sheet of that name was refreshed in place. */
  readonly refreshed: boolean;
  readonly rows: number;
}

/** The most a request carries before it is sent (Excel on the web refuses over 5 MB). */
export const WRITE_BUDGET_BYTES = 1024 * 1024;
/** Rows per values block: big enough for few operations, small enough for the budget to cut well. */
const ROWS_PER_BLOCK = 200;

/** What one operation costs in a request beside its values (its action and object path, in JSON). */
const OP_BYTES = 200;

const encoder = new TextEncoder();
/** The bytes an array of cells takes in a request (its JSON as UTF-8: Vietnamese letters take 2–3). */
const bytesOf = (v: unknown): number => encoder.encode(JSON.stringify(v)).length;

/** Sends the queued writes once they reach the budget; `add` before queueing the next write. */
export interface WriteBudget {
  add(bytes: number): Promise<void>;
}

export function writeBudget(context: Excel.RequestContext, limit = WRITE_BUDGET_BYTES): WriteBudget {
  let queued = 0;
  return {
    async add(bytes) {
      if (queued > 0 && queued + bytes > limit) {
        await context.sync();
        queued = 0;
      }
      queued += bytes;
    },
  };
}

/** Queues every write of the spec onto an empty sheet, syncing only when the budget is full. */
export async function queueConsolidationSheet(sheet: Excel.Worksheet, spec: ConsolidationSheetSpec, budget: WriteBudget): Promise<void> {
  const all = sheet.getRangeByIndexes(0, 0, spec.extent.rows, spec.extent.cols);
  all.format.font.name = spec.font.name;
  all.format.font.size = spec.font.size;
  spec.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
  });
  for (const block of spec.blocks) {
    const rows = block.values.length;
    const cols = block.numberFormats.length;
    for (let first = 0; first < rows; first += ROWS_PER_BLOCK) {
      const lines = block.values.slice(first, first + ROWS_PER_BLOCK);
      const values = lines.map((line) => line.map((v) => v ?? ''));
      const formats = lines.map(() => [...block.numberFormats]);
      await budget.add(bytesOf(values) + bytesOf(formats) + 3 * OP_BYTES);
      const range = sheet.getRangeByIndexes(block.row + first, block.col, lines.length, cols);
      // Formats before values: Excel parses a string written to a General cell as if typed ("2/3" → a date).
      range.numberFormat = formats;
      range.values = values;
    }
    if (block.style === 'table') {
      // Long words wrap inside their cell and the rows grow to show them (one operation per table).
      const table = sheet.getRangeByIndexes(block.row, block.col, rows, cols);
      table.format.wrapText = true;
      table.format.verticalAlignment = 'Top';
      table.format.autofitRows();
    }
    if (block.style === 'table' && block.headerRows > 0) {
      const header = sheet.getRangeByIndexes(block.row, block.col, block.headerRows, cols);
      header.format.font.bold = true;
      header.format.fill.color = spec.headerFill;
      header.format.wrapText = true;
      header.format.horizontalAlignment = 'Center';
      header.format.verticalAlignment = 'Center';
    } else if (block.style !== 'table') {
      const first = sheet.getRangeByIndexes(block.row, block.col, 1, cols);
      first.format.font.bold = true;
      if (block.style === 'title') first.format.font.size = spec.titleSize;
    }
  }
  for (const f of spec.fills) {
    await budget.add(3 * OP_BYTES);
    const cell = sheet.getRangeByIndexes(f.row, f.col, 1, 1);
    cell.format.fill.color = f.fill;
    cell.format.font.color = f.fontColor;
  }
  if (spec.chart) {
    const d = spec.chart.data;
    const a = spec.chart.anchor;
    const chart = sheet.charts.add(Excel.ChartType.columnStacked, sheet.getRange(rangeAddress(d.row, d.col, d.rows, d.cols)), Excel.ChartSeriesBy.columns);
    chart.name = CHART_NAME;
    chart.title.text = spec.chart.title;
    chart.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rows - 1, a.col + a.cols - 1));
  }
}

/**
 * Print setup (ExcelApi 1.9), as the .xlsx has it: A4 landscape, one page wide, the report's area,
 * the province table's header on every page. Queued with the rest: no sync of its own.
 */
export function queueConsolidationPageLayout(sheet: Excel.Worksheet, spec: ConsolidationSheetSpec): void {
  const p = spec.print;
  sheet.pageLayout.orientation = p.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  sheet.pageLayout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  sheet.pageLayout.centerHorizontally = true;
  queueMargins(sheet, p.margins);
  queueFooter(sheet, p.footer);
  sheet.pageLayout.setPrintArea(rangeAddress(p.area.row, p.area.col, p.area.rows, p.area.cols));
  sheet.pageLayout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  // A break goes above the range's top row. A refresh first removes the old sheet's breaks.
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of p.pageBreaks) sheet.horizontalPageBreaks.add(cellAddress(row, 0));
}

/**
 * Writes (or refreshes in place) the consolidation sheet and shows it.
 * @example const r = await writeConsolidation(buildConsolidationSheet(json, { groups })); // ok, { sheetName: 'TH PL01 2026-Q1', refreshed: false }
 */
export function writeConsolidation(spec: ConsolidationSheetSpec): Promise<ExcelOutcome<Consolidated>> {
  return guarded(() => Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();

    const existing = sheets.items.find((s) => s.name.toLowerCase() === spec.sheetName.toLowerCase());
    let sheet: Excel.Worksheet;
    if (existing) {
      sheet = sheets.getItem(existing.name);
      const charts = sheet.charts;
      charts.load('items/name');
      await context.sync();
      // Charts float over the cells: clearing the cells leaves them, so they go first.
      for (const chart of charts.items) chart.delete();
      sheet.getUsedRange().clear();
    } else {
      sheet = sheets.add(spec.sheetName);
    }
    await queueConsolidationSheet(sheet, spec, writeBudget(context));
    // Older hosts draw the sheet without its print setup rather than fail (architecture §3).
    if (supports('ExcelApi', '1.9')) queueConsolidationPageLayout(sheet, spec);
    sheet.activate();
    await context.sync();
    return done<Consolidated>({ sheetName: spec.sheetName, refreshed: existing !== undefined, rows: spec.extent.rows });
  }));
}
