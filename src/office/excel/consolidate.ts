// "Tổng hợp" and "Làm mới": draws a consolidation sheet spec (src/core/consolidation-sheet) onto its
// own sheet in one Excel.run – 2 syncs for a new sheet (names; everything), 3 for a refresh (names;
// the old sheet's charts; everything) whatever the number of units and indicators. A refresh keeps
// the sheet (its position and any references to it), clears it and draws the new figures.
// Source of truth: the Excel performance guide (whole 2-D arrays, no sync in a loop).

import { rangeAddress, cellAddress } from '../../core/template/address';
import type { ConsolidationSheetSpec } from '../../core/consolidation-sheet';
import { done, guarded, type ExcelOutcome } from './errors';

/** Excel's column width is in points; one character of the 12 pt body font is about 6 points wide. */
const POINTS_PER_CHAR = 6;
export const CHART_NAME = 'CDS Tong hop';

export interface Consolidated {
  readonly sheetName: string;
  /** True when an existing sheet of that name was refreshed in place. */
  readonly refreshed: boolean;
  readonly rows: number;
}

/** Queues every write of the spec onto an empty sheet (no sync). */
export function queueConsolidationSheet(sheet: Excel.Worksheet, spec: ConsolidationSheetSpec): void {
  const all = sheet.getRangeByIndexes(0, 0, spec.extent.rows, spec.extent.cols);
  all.format.font.name = spec.font.name;
  all.format.font.size = spec.font.size;
  spec.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR;
  });
  for (const block of spec.blocks) {
    const rows = block.values.length;
    const cols = block.numberFormats.length;
    const range = sheet.getRangeByIndexes(block.row, block.col, rows, cols);
    // Formats before values: Excel parses a string written to a General cell as if typed ("2/3" → a date).
    range.numberFormat = block.values.map(() => [...block.numberFormats]);
    range.values = block.values.map((line) => line.map((v) => v ?? ''));
    if (block.style === 'table' && block.headerRows > 0) {
      const header = sheet.getRangeByIndexes(block.row, block.col, block.headerRows, cols);
      header.format.font.bold = true;
      header.format.fill.color = spec.headerFill;
      header.format.wrapText = true;
      header.format.horizontalAlignment = 'Center';
    } else if (block.style !== 'table') {
      const first = sheet.getRangeByIndexes(block.row, block.col, 1, cols);
      first.format.font.bold = true;
      if (block.style === 'title') first.format.font.size = 14;
    }
  }
  for (const f of spec.fills) {
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
    queueConsolidationSheet(sheet, spec);
    sheet.activate();
    await context.sync();
    return done<Consolidated>({ sheetName: spec.sheetName, refreshed: existing !== undefined, rows: spec.extent.rows });
  }));
}
