// GET /api/consolidation?…&format=xlsx: the consolidation sheet spec (src/core/consolidation-sheet)
// drawn with exceljs – the same blocks, formats and fills as "Tổng hợp" draws in Excel – and its
// chart added to the package afterwards (exceljs writes no charts; see chart.ts).
import ExcelJS from 'exceljs';
import { buildConsolidationSheet, type ConsolidationData, type ConsolidationSheetSpec, type SheetOptions } from '../../core/consolidation-sheet';
import { columnLetter } from '../../core/template/address';
import { addColumnChart } from './chart';
import { ADDIN_NAME } from '../../text/deployment';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Draws the spec onto a worksheet. */
export function drawConsolidationSheet(sheet: ExcelJS.Worksheet, spec: ConsolidationSheetSpec): void {
  spec.columnWidths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const font = { name: spec.font.name, size: spec.font.size };
  for (const block of spec.blocks) {
    block.values.forEach((line, r) => {
      const row = sheet.getRow(block.row + r + 1);
      line.forEach((value, c) => {
        const cell = row.getCell(block.col + c + 1);
        cell.numFmt = block.numberFormats[c];
        if (value !== null) cell.value = value;
        const header = block.style === 'table' && r < block.headerRows;
        const bold = header || block.style === 'caption' || (block.style === 'title' && r === 0);
        cell.font = { ...font, bold, ...(block.style === 'title' && r === 0 ? { size: spec.titleSize } : {}) };
        if (header) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.headerFill) } };
          cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
        } else if (block.style === 'table') {
          // Wrapped, top-aligned: a long indicator reads down its own cell, never across its neighbours.
          cell.alignment = { wrapText: true, vertical: 'top' };
        }
        if (block.style === 'table') {
          const thin = { style: 'thin' as const };
          cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        }
      });
    });
  }
  // A file keeps its row heights: LibreOffice and Excel do not fit rows again on opening.
  for (const h of spec.rowHeights) sheet.getRow(h.row + 1).height = h.points;
  for (const f of spec.fills) {
    const cell = sheet.getCell(f.row + 1, f.col + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
    cell.font = { ...font, color: { argb: argb(f.fontColor) } };
  }
  const p = spec.print;
  // exceljs writes the print area as `'sheet'!$<first>:$<last>`: given "A1:L241" that is "$A1:$L241",
  // which LibreOffice ignores (it prints the whole sheet); given "A$1:L$241" it is "$A$1:$L$241".
  const corner = (row: number, col: number) => `${columnLetter(col)}$${row + 1}`;
  sheet.pageSetup = {
    paperSize: 9, orientation: p.orientation, fitToPage: true, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight,
    horizontalCentered: true, margins: p.margins,
    printArea: `${corner(p.area.row, p.area.col)}:${corner(p.area.row + p.area.rows - 1, p.area.col + p.area.cols - 1)}`,
    printTitlesRow: `${p.titleRows.first + 1}:${p.titleRows.last + 1}`,
  };
  sheet.headerFooter = { oddFooter: `&C${p.footer}` };
  // exceljs breaks after the row it is given: the row above the one that starts the page.
  for (const row of p.pageBreaks) sheet.getRow(row).addPageBreak();
}

/**
 * The consolidation as an .xlsx workbook (one sheet, named as in Excel: "TH PL01 2026-Q1").
 * @example reply.type(XLSX_TYPE).send(await consolidationWorkbook(result, { groups: catalogue.indicatorGroups }))
 */
export async function consolidationWorkbook(data: ConsolidationData, options: SheetOptions = {}): Promise<Buffer> {
  const spec = buildConsolidationSheet(data, options);
  const book = new ExcelJS.Workbook();
  book.creator = ADDIN_NAME;
  book.created = new Date(data.generatedAt);
  const sheet = book.addWorksheet(spec.sheetName);
  drawConsolidationSheet(sheet, spec);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  return spec.chart ? addColumnChart(file, spec.sheetName, spec.chart) : file;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
