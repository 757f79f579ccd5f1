// "Chèn Phụ lục 01 / 02" against the fake host: the sheet's content, formats, protection, validation,
// conditional formats, print setup, the very hidden mapping sheet – in two syncs, a third for the print setup.
import { buildTemplateSpec, mappingSheetName, parseMapping, type TemplateSpec } from '../../../src/core/template';
import { excelReports } from '../../../src/office/excel';
import { AUTOFIT_HEIGHT, typeInto, type FakeExcelHost } from '../../support/fake-excel';
import { addressOf, catalogue, directory, spec, unit, useFakeExcel } from './helpers';
import { syntheticCatalogue } from '../../support/synthetic-catalogue';

const fake = useFakeExcel();
const all = new Set(catalogue.indicators.map((i) => i.id));
const table = (host: FakeExcelHost, name: string, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => host.cell(name, `${String.fromCharCode(65 + c)}${r + 1}`).value));

describe('insertTemplate', () => {
  let s: TemplateSpec;
  let host: FakeExcelHost;
  beforeEach(async () => {
    host = fake.host();
    s = spec('indicators', 'so-khcn', '2026-Q1', all);
    expect(await excelReports.insertTemplate(s)).toEqual({ ok: true, value: { sheetName: 'PL01 2026-Q1', rows: 48, pageLayoutApplied: true, notes: [] } });
  });

  it('uses two syncs for the sheet and one more, in its own Excel.run, for the print setup', () => {
    expect([host.control.runCount, host.syncCount]).toEqual([2, 3]);
  });

  it('writes the title block, the header and one row per indicator', () => {
    const name = s.sheetName;
    expect(host.cell(name, 'A1').value).toBe('UBND TỈNH NGHỆ AN');
    expect(host.cell(name, 'D1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(host.cell(name, 'A4').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026');
    expect(host.cell(name, 'A7').value).toBe('(Chỉ tiêu đếm số hiện có: tính đến ngày 14/03/2026; chỉ tiêu đếm số phát sinh: từ ngày 15/12/2025 đến ngày 14/03/2026)');
    expect(table(host, name, 9, 10)[8]).toEqual(s.columns.map((c) => c.header));
    expect(host.cell(name, 'A10').value).toBe('I. Hạ tầng số');
    expect(host.cell(name, 'B11').value).toBe('Tỷ lệ phủ sóng 5G trên địa bàn tỉnh\n(Số liệu tính đến ngày 14/03/2026)');
    expect(host.cell(name, 'C11').value).toBe('≥ 70%');
    expect(host.cell(name, addressOf(s, 'ct-03', 'target')).value).toBe('100%'); // text, not Excel's 1
    const ids = s.mapping.rows.map((r) => host.cell(name, `A${r.row + 1}`).value);
    expect(ids).toEqual(catalogue.indicators.filter((i) => !i.yearlyOnly).map((i) => i.no)); // Q1: yearly-only indicators wait for the year
    const sheet = host.sheet(name);
    expect(sheet.merges).toEqual(expect.arrayContaining(["'PL01 2026-Q1'!A1:C1", "'PL01 2026-Q1'!D2:J2", "'PL01 2026-Q1'!A4:J4", "'PL01 2026-Q1'!A10:J10"]));
    expect(host.cell(name, 'A4').font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman' });
    // The signature lines under the table, each merged over its three columns.
    for (const t of s.signature) {
      expect([t.text, host.cell(name, `${String.fromCharCode(65 + t.col)}${t.row + 1}`).value]).toEqual([t.text, t.text]);
      expect(host.cell(name, `${String.fromCharCode(65 + t.col)}${t.row + 1}`).font).toMatchObject({ bold: t.bold, italic: t.italic, name: 'Times New Roman' });
    }
    expect(s.signature.map((t) => t.text)).toEqual(expect.arrayContaining(['Người lập biểu', 'Thủ trưởng đơn vị']));
  });

  it('unlocks and tints input cells only, with the number format of their form', () => {
    const at = (id: string, key: 'value' | 'numerator' | 'note' | 'text' | 'evaluation') => host.cell(s.sheetName, addressOf(s, id, key));
    expect(at('ct-01', 'value')).toMatchObject({ locked: false, numberFormat: '0.0%', fill: '#FFF2CC' }); // rate
    expect(at('ct-16', 'numerator')).toMatchObject({ locked: false, numberFormat: '#,##0' }); // count pair
    expect(at('ct-16', 'value')).toMatchObject({ locked: true }); // a count pair has no value cell
    expect(at('ct-01', 'note')).toMatchObject({ locked: false, numberFormat: '@' });
    expect(at('ct-01', 'text').locked).toBe(true);
    expect(at('ct-01', 'evaluation').locked).toBe(true);
    expect(host.sheet(s.sheetName).protection).toMatchObject({ protected: true, options: { allowFormatColumns: true, allowFormatRows: true } });
  });

  it('gives yes/no, status and applied cells their drop-down lists', () => {
    const rule = (id: string) => host.cell(s.sheetName, addressOf(s, id, 'value')).validation?.rule.list;
    expect(rule('ct-05')).toEqual({ inCellDropDown: true, source: 'Có,Không' });
    expect(rule('ct-11')).toEqual({ inCellDropDown: true, source: 'Hoàn thành,Đang triển khai,Chưa triển khai' });
    expect(rule('ct-01')).toBeUndefined();
    expect(host.cell(s.sheetName, addressOf(s, 'ct-16', 'numerator')).validation?.prompt?.message).toMatch(/^Tử số: /);
  });

  it('colours the evaluation column by outcome, freezes the header and sets up A4 landscape', () => {
    const sheet = host.sheet(s.sheetName);
    const first = s.rows[0].row + 1;
    const last = s.rows[s.rows.length - 1].row + 1;
    expect(sheet.conditionalFormats.map((c) => [c.address, (c.rule as { text: string }).text, c.fill])).toEqual([
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Đạt ', '#DDEBF7'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Vượt', '#C6EFCE'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Đạt', '#C6EFCE'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Chưa đạt', '#FFC7CE'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Chưa có số liệu', '#EDEDED'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Đã đạt mục tiêu năm', '#C6EFCE'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Đóng góp vào số liệu toàn tỉnh', '#EDEDED'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Quá hạn', '#FFC7CE'],
      [`'PL01 2026-Q1'!I${first}:I${last}`, 'Lỗi nhập liệu', '#FFEB9C'],
    ]);
    expect(sheet.freezeRows).toBe(9);
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true, printTitleRows: '$9:$9',
      leftMargin: 36, rightMargin: 28.8, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6,
      footers: { centerFooter: 'Trang &P/&N' },
    });
    expect(sheet.columnWidths.get(1)).toBeGreaterThan(sheet.columnWidths.get(0)!);
  });

  it('fits every body row to its wrapped text (long indicator texts stay readable)', () => {
    const sheet = host.sheet(s.sheetName);
    expect(s.rows.map((r) => sheet.rowHeights.get(r.row))).toEqual(s.rows.map(() => AUTOFIT_HEIGHT));
  });

  it('keeps the mapping in a very hidden sheet', () => {
    const map = host.sheet(mappingSheetName(s.sheetName));
    expect(map.visibility).toBe('VeryHidden');
    const lines = Array.from({ length: 11 + 51 }, (_, r) => [host.cell(map.name, `A${r + 1}`).value, host.cell(map.name, `B${r + 1}`).value]);
    expect(parseMapping(lines)).toEqual(s.mapping);
  });

  it('lets the clerk type into input cells and nowhere else', () => {
    expect(typeInto(host, s.sheetName, addressOf(s, 'ct-01', 'value'), '72%')).toMatchObject({ accepted: true, value: 0.72 });
    expect(typeInto(host, s.sheetName, addressOf(s, 'ct-01', 'text'), 'x')).toEqual({ accepted: false, reason: 'locked' });
    expect(typeInto(host, s.sheetName, addressOf(s, 'ct-05', 'value'), 'Chắc có')).toEqual({ accepted: false, reason: 'validation' });
  });

  it('never overwrites an existing sheet without being asked', async () => {
    typeInto(host, s.sheetName, addressOf(s, 'ct-01', 'value'), '72%');
    host.resetCounts();
    const again = await excelReports.insertTemplate(s);
    expect(again).toMatchObject({ ok: false, error: { code: 'sheetExists', retryable: false } });
    expect(host.syncCount).toBe(1);
    expect(host.cell(s.sheetName, addressOf(s, 'ct-01', 'value')).value).toBe(0.72);

    const replaced = await excelReports.insertTemplate(s, { overwrite: true });
    expect(replaced.ok).toBe(true);
    expect(host.cell(s.sheetName, addressOf(s, 'ct-01', 'value')).value).toBe('');
    expect(host.book.sheets.map((x) => [x.name, x.visibility])).toEqual([['Sheet1', 'Visible'], ['PL01 2026-Q1', 'Visible'], ['CDS PL01 2026-Q1', 'VeryHidden']]);
  });
});

describe('insertTemplate limits', () => {
  it.each([51, 500])('inserts %i rows with at most three syncs', async (n) => {
    const synthetic = syntheticCatalogue(catalogue, n);
    const r = buildTemplateSpec(synthetic, { kind: 'indicators', unit: unit('so-khcn'), period: '2026-Y', directory, assignedIds: new Set(synthetic.indicators.map((i) => i.id)) });
    if (!r.ok) throw new Error('spec');
    const host = fake.host();
    expect((await excelReports.insertTemplate(r.value)).ok).toBe(true);
    expect(host.syncCount).toBeLessThanOrEqual(3);
    const lastOne = synthetic.indicators[n - 1];
    expect(String(host.cell(r.value.sheetName, addressOf(r.value, lastOne.id, 'text')).value).startsWith(lastOne.text)).toBe(true);
    expect(r.value.mapping.rows).toHaveLength(n);
  });

  it('a unit with nothing assigned gets no sheet, and Excel is not touched', async () => {
    const r = await excelReports.insertTemplate(spec('indicators', 'so-y-te', '2026-Q1', new Set()));
    expect(r).toMatchObject({ ok: false, error: { code: 'nothingAssigned' } });
    expect(fake.host().syncCount).toBe(0);
  });

  it('tasks: status lists, percent progress and date cells', async () => {
    const t = spec('tasks', 'so-khcn');
    expect((await excelReports.insertTemplate(t)).ok).toBe(true);
    const id = t.mapping.rows[0].id;
    expect(fake.host().cell(t.sheetName, addressOf(t, id, 'status')).validation?.rule.list?.source).toBe('Hoàn thành,Đang triển khai (đúng tiến độ),Chậm tiến độ,Chưa triển khai');
    expect(fake.host().cell(t.sheetName, addressOf(t, id, 'progress')).numberFormat).toBe('0.0%');
    expect(fake.host().cell(t.sheetName, addressOf(t, id, 'completedOn')).numberFormat).toBe('@'); // text: read as typed in every locale
  });
});

describe('insertTemplate on an older Excel', () => {
  const old = useFakeExcel({ requirementSets: { ExcelApi: '1.8' } });
  it('skips the page layout (ExcelApi 1.9) with a note instead of failing', async () => {
    const r = await excelReports.insertTemplate(spec('indicators', 'phuong-vinh-hung'));
    expect(r).toMatchObject({ ok: true, value: { pageLayoutApplied: false, notes: [expect.stringContaining('Bố trí trang')] } });
    expect(old.host().sheet('PL01 2026-Q1').pageLayout).toEqual({});
  });
});
