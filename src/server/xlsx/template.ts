// GET /api/templates/{kind}.xlsx: the adapter engineer's template spec (src/core/template) drawn with
// exceljs, for clerks without the add-in – the same sheet "Chèn Phụ lục" draws in Excel: title block,
// header, groups, input cells unlocked and tinted with their drop-down lists and hints, the sheet
// protected without a password (as the add-in does: against slips, not against the clerk), and the
// mapping in a very hidden sheet, here sealed with a checksum line (mapping-seal.ts).
import ExcelJS from 'exceljs';
import {
  cellAddress, lastRow, mappingSheetName, NUMBER_FORMATS, rowHeight, serializeMapping, VALIDATION_TEXT,
  type SheetRow, type TemplateSpec,
} from '../../core/template';
import { sealLine } from './mapping-seal';
import { ADDIN_NAME } from '../../text/deployment';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
type Item = Extract<SheetRow, { kind: 'item' }>;

/** Mirrors the add-in's PROTECTION: rows and columns may be resized, filters used, cells selected. */
const PROTECTION = { formatColumns: true, formatRows: true, autoFilter: true, selectLockedCells: true, selectUnlockedCells: true };

function drawReportSheet(sheet: ExcelJS.Worksheet, spec: TemplateSpec): void {
  const font = { name: spec.font.name, size: spec.font.size };
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  for (const t of [...spec.title, ...spec.signature]) {
    const cell = sheet.getCell(t.row + 1, t.col + 1);
    cell.value = t.text;
    cell.font = { ...font, bold: t.bold, italic: t.italic, size: t.size };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    if (t.span > 1) sheet.mergeCells(t.row + 1, t.col + 1, t.row + 1, t.col + t.span);
  }
  spec.columns.forEach((c, i) => {
    const cell = sheet.getCell(spec.headerRow + 1, i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.fill = solid(spec.colors.header);
    cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  });
  // A file keeps its row heights (LibreOffice and Excel do not fit them again on opening).
  sheet.getRow(spec.headerRow + 1).height = rowHeight(spec, 'header');
  const thin = { style: 'thin' as const };
  for (const r of spec.rows) {
    if (r.kind === 'group') {
      const cell = sheet.getCell(r.row + 1, 1);
      cell.value = r.text;
      cell.font = { ...font, bold: true, italic: r.level === 2 };
      cell.fill = solid(spec.colors.group);
      sheet.mergeCells(r.row + 1, 1, r.row + 1, spec.columns.length);
      continue;
    }
    sheet.getRow(r.row + 1).height = rowHeight(spec, r);
    spec.columns.forEach((c, col) => {
      const cell = sheet.getCell(r.row + 1, col + 1);
      const input = r.inputs.find((i) => i.col === col);
      cell.numFmt = NUMBER_FORMATS[input?.format ?? c.format];
      const v = r.cells[col];
      if (v !== null && v !== undefined) cell.value = v;
      cell.font = font;
      cell.alignment = { wrapText: c.wrap, horizontal: c.align, vertical: 'middle' };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (input) drawInput(cell, input, spec.colors.input);
    });
  }
  const evalCol = spec.mapping.columns.evaluation;
  const items = spec.rows.filter((r): r is Item => r.kind === 'item');
  if (evalCol !== undefined && items.length > 0) {
    const first = cellAddress(spec.rows[0].row, evalCol);
    sheet.addConditionalFormatting({
      ref: `${first}:${cellAddress(lastRow(spec), evalCol)}`,
      // beginsWith, as in Excel: "Đạt" must not also colour "Chưa đạt".
      rules: spec.evaluationStyles.map((s, priority) => ({
        type: 'expression' as const, priority: priority + 1,
        formulae: [`LEFT(${first},${s.text.length})="${s.text}"`],
        style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(s.fill) } }, font: { color: { argb: argb(s.fontColor) } } },
      })),
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: spec.freezeRows }];
  sheet.pageSetup = {
    paperSize: 9, orientation: spec.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: spec.print.margins, printTitlesRow: `${spec.print.titleRows.first + 1}:${spec.print.titleRows.last + 1}`,
  };
  sheet.headerFooter = { oddFooter: `&C${spec.print.footer}` };
}

function drawInput(cell: ExcelJS.Cell, input: Item['inputs'][number], fill: string): void {
  cell.protection = { locked: false };
  cell.fill = solid(fill);
  const prompt = input.prompt ? { showInputMessage: true, promptTitle: VALIDATION_TEXT.promptTitle, prompt: input.prompt } : {};
  if (input.list) {
    cell.dataValidation = {
      type: 'list', allowBlank: true, formulae: [`"${input.list.join(',')}"`], showErrorMessage: true, errorStyle: 'stop',
      errorTitle: VALIDATION_TEXT.errorTitle, error: VALIDATION_TEXT.listError(input.list), ...prompt,
    };
  } else if (input.prompt) {
    cell.dataValidation = { type: 'any', allowBlank: true, ...prompt } as unknown as ExcelJS.DataValidation; // exceljs types omit 'any'
  }
}

/**
 * The template as an .xlsx workbook: the report sheet (protected) and its very hidden mapping sheet,
 * whose last line seals the mapping with `seal` (an HMAC the server checks on upload).
 * @example const file = await templateWorkbook(spec, (m) => sealMapping(secret, m))
 */
export async function templateWorkbook(spec: TemplateSpec, seal: (lines: readonly (readonly (string | number)[])[]) => string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = ADDIN_NAME;
  const sheet = book.addWorksheet(spec.sheetName);
  drawReportSheet(sheet, spec);
  await sheet.protect('', PROTECTION);
  const map = book.addWorksheet(mappingSheetName(spec.sheetName), { state: 'veryHidden' });
  const lines = serializeMapping(spec.mapping).map((l) => l.map(String));
  for (const [i, line] of [...lines, sealLine(seal(lines))].entries()) {
    line.forEach((v, c) => {
      const cell = map.getCell(i + 1, c + 1);
      cell.numFmt = '@'; // ids stay ids: "01" or "2026" must not become numbers
      cell.value = v;
    });
  }
  await map.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  return Buffer.from(await book.xlsx.writeBuffer());
}
