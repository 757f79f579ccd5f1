// Queues a template spec onto a new worksheet: every write of the sheet, no sync. Values go as one
// 2-D array per block (title, header, body), per-cell settings (locked, fill, validation) as runs of
// equal cells down a column, so the number of operations grows with the columns, not the cells.
// Source of truth: the Excel performance guide (batch writes, whole arrays) and src/core/template.

import {
  NUMBER_FORMATS, VALIDATION_TEXT, lastRow, serializeMapping,
  type InputCell, type SheetRow, type TemplateSpec,
} from '../../core/template';
import { queueFooter, queueMargins } from './page-margins';

/** Excel's column width is in points; one character of the 12 pt body font is about 6 points wide. */
const POINTS_PER_CHAR = 6;
/** No password: protection guards against slips, not against the clerk (who may need to unprotect). */
export const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true };

type Item = Extract<SheetRow, { kind: 'item' }>;

/** Runs of consecutive item rows sharing `key(cell)` in one column: [firstRow, lastRow, cell]. */
export function runs<K>(items: readonly Item[], col: number, key: (c: InputCell) => K): { first: number; last: number; cell: InputCell }[] {
  const out: { first: number; last: number; cell: InputCell; k: K }[] = [];
  for (const item of items) {
    const cell = item.inputs.find((c) => c.col === col);
    const prev = out[out.length - 1];
    if (!cell) continue;
    const k = key(cell);
    if (prev && prev.last === item.row - 1 && prev.k === k) prev.last = item.row;
    else out.push({ first: item.row, last: item.row, cell, k });
  }
  return out;
}

const HALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Queues the whole report sheet. `sheet` is a freshly added worksheet. */
export function queueReportSheet(sheet: Excel.Worksheet, spec: TemplateSpec): void {
  const width = spec.columns.length;
  const last = lastRow(spec);
  const block = (row: number, rows: number, col = 0, cols = width) => sheet.getRangeByIndexes(row, col, rows, cols);

  const all = block(0, last + 1);
  all.format.font.name = spec.font.name;
  all.format.font.size = spec.font.size;
  all.format.verticalAlignment = 'Center';

  // Title block: one array, then merges and fonts per line.
  const title: string[][] = Array.from({ length: spec.headerRow }, () => Array<string>(width).fill(''));
  for (const t of spec.title) title[t.row][t.col] = t.text;
  block(0, spec.headerRow).values = title;
  for (const t of spec.title) {
    const r = block(t.row, 1, t.col, t.span);
    r.merge(false);
    r.format.horizontalAlignment = 'Center';
    r.format.font.bold = t.bold;
    r.format.font.italic = t.italic;
    r.format.font.size = t.size;
  }

  // The signature block under the table: one cell each, merged over its columns.
  for (const t of spec.signature) {
    block(t.row, 1, t.col, 1).values = [[t.text]];
    const r = block(t.row, 1, t.col, t.span);
    r.merge(false);
    r.format.font.name = spec.font.name;
    r.format.horizontalAlignment = 'Center';
    r.format.font.bold = t.bold;
    r.format.font.italic = t.italic;
    r.format.font.size = t.size;
  }

  const header = block(spec.headerRow, 1);
  header.values = [spec.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.fill.color = spec.colors.header;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  spec.columns.forEach((c, i) => {
    block(0, 1, i, 1).format.columnWidth = c.width * POINTS_PER_CHAR;
  });

  const items = spec.rows.filter((r): r is Item => r.kind === 'item');
  if (spec.rows.length > 0) {
    const first = spec.rows[0].row;
    const body = block(first, spec.rows.length);
    // Formats before values: Excel parses a string written to a non-text cell as if typed ("100%" → 1).
    body.numberFormat = spec.rows.map((r) => spec.columns.map((c, col) => {
      const input = r.kind === 'item' ? r.inputs.find((i) => i.col === col) : undefined;
      return NUMBER_FORMATS[input?.format ?? c.format];
    }));
    body.values = spec.rows.map((r) => (r.kind === 'group' ? [r.text, ...Array<string>(width - 1).fill('')] : r.cells.map((v) => v ?? '')));
    spec.columns.forEach((c, i) => {
      const column = block(first, spec.rows.length, i, 1);
      column.format.wrapText = c.wrap;
      column.format.horizontalAlignment = HALIGN[c.align];
    });
    for (const g of spec.rows) {
      if (g.kind !== 'group') continue;
      const r = block(g.row, 1);
      r.merge(false);
      r.format.font.bold = true;
      r.format.font.italic = g.level === 2;
      r.format.fill.color = spec.colors.group;
      r.format.horizontalAlignment = 'Left';
    }
    // Rows as tall as their wrapped text: Excel does not refit rows written through the API by itself.
    body.format.autofitRows();
    queueInputs(block, items, width, spec.colors.input);
    const evalCol = spec.mapping.columns.evaluation;
    if (evalCol !== undefined) queueEvaluationFormats(block(first, spec.rows.length, evalCol, 1), spec.evaluationStyles);
  }

  sheet.freezePanes.freezeRows(spec.freezeRows);
  // Everything but the input cells is locked; rows and columns may be resized to read long text.
  sheet.protection.protect(PROTECTION);
}

/** Print setup (ExcelApi 1.9): A4 landscape, one page wide, the title rows on every page. */
export function queuePageLayout(sheet: Excel.Worksheet, spec: TemplateSpec): void {
  sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
  sheet.pageLayout.paperSize = Excel.PaperType.a4;
  // One page wide; the height follows the rows (0 = automatic in Excel's "fit to" options).
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.centerHorizontally = true;
  queueMargins(sheet, spec.print.margins);
  queueFooter(sheet, spec.print.footer);
  sheet.pageLayout.setPrintTitleRows(`$${spec.print.titleRows.first + 1}:$${spec.print.titleRows.last + 1}`);
}


/** Input cells: unlocked, tinted, with their drop-down list and hint. */
function queueInputs(block: (row: number, rows: number, col?: number, cols?: number) => Excel.Range, items: readonly Item[], width: number, fill: string): void {
  for (let col = 0; col < width; col++) {
    for (const run of runs(items, col, (c) => `${c.list?.join(',') ?? ''}|${c.prompt ?? ''}`)) {
      const r = block(run.first, run.last - run.first + 1, col, 1);
      r.format.protection.locked = false;
      r.format.fill.color = fill;
      if (run.cell.list) {
        r.dataValidation.rule = { list: { inCellDropDown: true, source: run.cell.list.join(',') } };
        r.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: VALIDATION_TEXT.errorTitle, message: VALIDATION_TEXT.listError(run.cell.list) };
      }
      if (run.cell.prompt) {
        r.dataValidation.prompt = { showPrompt: true, title: VALIDATION_TEXT.promptTitle, message: run.cell.prompt };
      }
    }
  }
}

/** Colours the evaluation words; beginsWith so that "Đạt" does not also colour "Chưa đạt". */
function queueEvaluationFormats(column: Excel.Range, styles: TemplateSpec['evaluationStyles']): void {
  for (const style of styles) {
    const cf = column.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    cf.textComparison.format.fill.color = style.fill;
    cf.textComparison.format.font.color = style.fontColor;
    cf.textComparison.rule = { operator: Excel.ConditionalTextOperator.beginsWith, text: style.text };
  }
}

/** Queues the mapping table onto a new (very hidden) sheet, as text so ids stay ids. */
export function queueMappingSheet(sheet: Excel.Worksheet, spec: TemplateSpec): void {
  const table = serializeMapping(spec.mapping);
  const range = sheet.getRangeByIndexes(0, 0, table.length, 2);
  range.numberFormat = table.map(() => ['@', '@']);
  range.values = table.map((line) => line.map(String));
  sheet.visibility = Excel.SheetVisibility.veryHidden;
}
