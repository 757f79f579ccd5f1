// One template spec, two renderers: "Chèn Phụ lục" in Excel (src/office/excel, on the fake host) and
// GET /api/templates/{kind}.xlsx (src/server/xlsx, exceljs) must draw the same sheet, cell by cell –
// values, number formats, locks, fills, drop-down lists and their messages, hints – and the same
// frozen header, protection, A4 landscape fit-to-width and very hidden mapping table.
import ExcelJS from 'exceljs';
import { lastRow, mappingSheetName, serializeMapping, type TemplateSpec } from '../../../src/core/template';
import { excelReports } from '../../../src/office/excel';
import { templateWorkbook } from '../../../src/server/xlsx/template';
import { spec, useFakeExcel } from './helpers';

const fake = useFakeExcel();

async function exceljsBook(s: TemplateSpec): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await templateWorkbook(s, () => 'seal')) as unknown as ArrayBuffer);
  return book;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const hex = (argb: string | undefined): string | null => (argb ? `#${argb.slice(2)}` : null);

/** What a clerk sees and may do in each cell, as the Excel renderer left it. */
function excelCell(sheet: string, row: number, col: number) {
  const c = fake.host().cell(sheet, `${String.fromCharCode(65 + col)}${row + 1}`);
  const list = c.validation?.rule.list;
  return {
    value: text(c.value), numberFormat: c.numberFormat, locked: c.locked, fill: c.fill, bold: c.font.bold,
    list: list ? list.source : null,
    error: list ? [c.validation?.errorAlert?.title, c.validation?.errorAlert?.message] : null,
    prompt: c.validation?.prompt ? [c.validation.prompt.title, c.validation.prompt.message] : null,
  };
}

/** A cell inside a merged area but not its first: Excel shows (and keeps) only the first cell's value. */
const covered = (sheet: ExcelJS.Worksheet, row: number, col: number): boolean => {
  const c = sheet.getCell(row + 1, col + 1);
  return c.isMerged && c.master.address !== c.address;
};

/** The same, as the .xlsx renderer wrote it. */
function xlsxCell(sheet: ExcelJS.Worksheet, row: number, col: number) {
  const c = sheet.getCell(row + 1, col + 1);
  const v = c.dataValidation as (ExcelJS.DataValidation & { type?: string }) | undefined;
  const isList = v?.type === 'list';
  const fill = c.fill?.type === 'pattern' ? hex(c.fill.fgColor?.argb) : null;
  return {
    value: text(c.value), numberFormat: c.numFmt ?? 'General', locked: c.protection?.locked !== false, fill, bold: c.font?.bold === true,
    list: isList ? v!.formulae[0].replace(/^"|"$/g, '') : null,
    error: isList ? [v!.errorTitle, v!.error] : null,
    prompt: v?.showInputMessage ? [v.promptTitle, v.prompt] : null,
  };
}

describe.each([
  ['Phụ lục 01 of Sở KH&CN', () => spec('indicators', 'so-khcn')],
  ['Phụ lục 01 of a ward', () => spec('indicators', 'phuong-vinh-hung')],
  ['Phụ lục 02 of Sở KH&CN', () => spec('tasks', 'so-khcn')],
])('%s', (_name, make) => {
  let s: TemplateSpec;
  let book: ExcelJS.Workbook;
  beforeEach(async () => {
    s = make();
    expect((await excelReports.insertTemplate(s)).ok).toBe(true);
    book = await exceljsBook(s);
  });

  it('draws every cell alike', () => {
    const sheet = book.getWorksheet(s.sheetName)!;
    const differences: string[] = [];
    let lists = 0;
    let prompts = 0;
    // Down to the signature lines under the table.
    const end = Math.max(lastRow(s), ...s.signature.map((t) => t.row));
    expect(end).toBeGreaterThan(lastRow(s));
    for (let row = 0; row <= end; row++) {
      for (let col = 0; col < s.columns.length; col++) {
        const [a, b] = [excelCell(s.sheetName, row, col), xlsxCell(sheet, row, col)];
        if (covered(sheet, row, col)) continue;
        if (row < s.headerRow) { // the title block: what it says counts, not its fills or locks
          if (a.value !== b.value) differences.push(`R${row + 1}C${col + 1}: ${JSON.stringify(a.value)} ≠ ${JSON.stringify(b.value)}`);
          continue;
        }
        if (a.list) lists += 1;
        if (a.prompt) prompts += 1;
        if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`R${row + 1}C${col + 1}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
      }
    }
    expect(differences).toEqual([]);
    expect([lists > 0, prompts > 0]).toEqual([true, true]); // the comparison reached drop-downs and hints
  });

  it('freezes, protects, prints and maps alike', () => {
    const excel = fake.host().sheet(s.sheetName);
    const sheet = book.getWorksheet(s.sheetName)!;
    expect([excel.freezeRows, (sheet.views[0] as { ySplit?: number }).ySplit]).toEqual([s.freezeRows, s.freezeRows]);
    expect([excel.protection.protected, (sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet]).toEqual([true, true]);
    expect(excel.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

    // Conditional formatting of the evaluation column: the same range, words and colours.
    const excelRules = excel.conditionalFormats.map((f) => [f.address.slice(f.address.lastIndexOf('!') + 1), (f.rule as { text?: string }).text, f.fill, f.fontColor]);
    const xlsxRules = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } } }[] }[] })
      .conditionalFormattings.flatMap((f) => f.rules.map((r) => [f.ref, /="(.*)"$/.exec(r.formulae[0])?.[1], hex(r.style.fill.bgColor.argb), hex(r.style.font.color.argb)]));
    expect(excelRules.length).toBe(s.evaluationStyles.length);
    expect(xlsxRules).toEqual(excelRules);

    const name = mappingSheetName(s.sheetName);
    const map = book.getWorksheet(name)!;
    const lines = serializeMapping(s.mapping).map((l) => l.map(String));
    expect([fake.host().sheet(name).visibility, map.state]).toEqual(['VeryHidden', 'veryHidden']);
    lines.forEach((line, i) => {
      expect(line.map((_, c) => text(fake.host().cell(name, `${String.fromCharCode(65 + c)}${i + 1}`).value))).toEqual(line);
      expect(line.map((_, c) => text(map.getCell(i + 1, c + 1).value))).toEqual(line);
    });
  });
});
