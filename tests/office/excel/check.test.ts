// "Kiểm tra" against the fake host: evaluations and remarks written, cells marked, issues ordered
// errors before warnings, two syncs, protection restored, and cell-edit mode waited out.
import { mappingSheetName, type TemplateSpec } from '../../../src/core/template';
import { excelReports, withCellEditRetry, type WaitingState } from '../../../src/office/excel';
import { AUTOFIT_HEIGHT, typeInto, type FakeExcelHost } from '../../support/fake-excel';
import { addressOf, catalogue, spec, useFakeExcel } from './helpers';

const fake = useFakeExcel();
let s: TemplateSpec;
let host: FakeExcelHost;
const ids = new Set(['ct-01', 'ct-02', 'ct-05', 'ct-11', 'ct-16', 'ct-44']);

beforeEach(async () => {
  host = fake.host();
  // The year's report: the final Đạt / Chưa đạt (earlier reports show progress, tests/core/template-read.test.ts).
  s = spec('indicators', 'so-khcn', '2026-Y', ids);
  expect((await excelReports.insertTemplate(s)).ok).toBe(true);
  host.resetCounts();
});

const at = (id: string, key: 'value' | 'numerator' | 'denominator' | 'note' | 'evaluation' | 'remarks') => addressOf(s, id, key);
const cell = (id: string, key: Parameters<typeof at>[1]) => host.cell(s.sheetName, at(id, key));
const type = (id: string, key: Parameters<typeof at>[1], text: string) =>
  expect(typeInto(host, s.sheetName, at(id, key), text)).toMatchObject({ accepted: true });

function fillIn(): void {
  type('ct-01', 'value', '72%'); // ≥ 70 % → Vượt
  type('ct-02', 'value', '0,4'); // automatic percent: 0,4 → 0.4 = 40 % against ≥ 50 % → Chưa đạt
  type('ct-05', 'value', 'Có'); // 70 % of communes is the province's target: one unit's Có is a contribution, not "Vượt"
  type('ct-16', 'numerator', '1.300');
  type('ct-16', 'denominator', '1.200'); // numerator above denominator: error
  type('ct-11', 'value', 'Hoàn thành');
}

it('writes the evaluation of every row and lists the issues, errors first, in two syncs', async () => {
  fillIn();
  const r = await excelReports.checkSheet(s.sheetName, catalogue);
  if (!r.ok) throw new Error(r.error.message);
  expect(host.syncCount).toBe(2);
  expect(s.mapping.rows.map(({ id }) => [id, cell(id, 'evaluation').value])).toEqual([
    ['ct-01', 'Vượt'], ['ct-02', 'Chưa đạt'], ['ct-05', 'Đóng góp vào số liệu toàn tỉnh'], ['ct-11', 'Đạt'], ['ct-16', 'Lỗi nhập liệu'], ['ct-44', 'Chưa có số liệu'],
  ]);
  expect(r.value.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
    ['error', 'value.numeratorAboveDenominator', at('ct-16', 'numerator')],
    ['warning', 'row.blank', at('ct-44', 'value')], // an assigned row still empty, clickable like the others
  ]);
  expect(cell('ct-16', 'numerator').fill).toBe('#FFC7CE');
  expect(cell('ct-16', 'remarks').value).toBe('Lỗi: Tử số không được lớn hơn mẫu số.');
  expect(cell('ct-01', 'value').fill).toBe('#FFF2CC');
  expect(host.sheet(s.sheetName).protection.protected).toBe(true);
  host.sheet(s.sheetName).rowHeights.clear();
  await excelReports.checkSheet(s.sheetName, catalogue);
  expect(s.mapping.rows.map(({ row }) => host.sheet(s.sheetName).rowHeights.get(row))).toEqual(s.mapping.rows.map(() => AUTOFIT_HEIGHT)); // fitted to the remarks
});

it('orders errors before warnings whatever the row order', async () => {
  host.setCell(s.sheetName, at('ct-01', 'value'), 0.9, 'General'); // a plain cell's 0.9: 90 % with a warning
  type('ct-44', 'value', 'abc');
  const r = await excelReports.checkSheet(s.sheetName, catalogue);
  expect(r.ok && r.value.issues.map((i) => [i.severity, i.rowId])).toEqual([
    ['error', 'ct-44'], ['warning', 'ct-01'], ['warning', 'ct-02'], ['warning', 'ct-05'], ['warning', 'ct-11'], ['warning', 'ct-16'],
  ]);
  expect(cell('ct-01', 'value').fill).toBe('#FFEB9C');
  expect(cell('ct-01', 'remarks').value).toMatch(/^Lưu ý: /);
});

it('a second check clears the marks the first one made', async () => {
  fillIn();
  await excelReports.checkSheet(s.sheetName, catalogue);
  type('ct-16', 'numerator', '1.100');
  const r = await excelReports.checkSheet(s.sheetName, catalogue);
  expect(r.ok && r.value.errorCount).toBe(0);
  expect(cell('ct-16', 'numerator').fill).toBe('#FFF2CC');
  expect(cell('ct-16', 'remarks').value).toBe('');
  expect(cell('ct-16', 'evaluation').value).toBe('Chưa đạt'); // 1100 of 1200 against 100 %
});

it('an unprotected sheet stays unprotected', async () => {
  host.sheet(s.sheetName).protection = { protected: false, options: null };
  expect((await excelReports.checkSheet(s.sheetName, catalogue)).ok).toBe(true);
  expect(host.sheet(s.sheetName).protection.protected).toBe(false);
});

describe('cell-edit mode', () => {
  it('waits, says so, retries, and loses nothing', async () => {
    fillIn();
    host.enterCellEditMode(2);
    const waits: (WaitingState | null)[] = [];
    const slept: number[] = [];
    const r = await withCellEditRetry(() => excelReports.checkSheet(s.sheetName, catalogue), {
      onWaiting: (w) => waits.push(w),
      sleep: async (ms) => {
        slept.push(ms);
        if (slept.length === 1) typeInto(host, s.sheetName, at('ct-44', 'value'), '12%'); // the clerk finishes the cell
      },
    });
    expect(r.ok).toBe(true);
    expect(waits.map((w) => w && w.attempt)).toEqual([1, 2, null]);
    expect(waits[0]?.message).toMatch(/^Excel đang ở chế độ sửa ô/);
    expect(slept).toEqual([500, 1000]);
    expect(host.syncCount).toBe(4); // two refused first syncs, then read + write
    expect(cell('ct-44', 'value').value).toBe(0.12);
    expect(cell('ct-44', 'evaluation').value).toBe('Chưa đạt'); // 12 % against 100 %
    expect(cell('ct-01', 'value').value).toBe(0.72);
  });

  it('gives up after the last wait with the retryable failure', async () => {
    host.enterCellEditMode(10);
    const r = await withCellEditRetry(() => excelReports.checkSheet(s.sheetName, catalogue), { delaysMs: [1, 1], sleep: async () => undefined });
    expect(r).toMatchObject({ ok: false, error: { code: 'cellEditMode', retryable: true, officeCode: 'InvalidOperationInCellEditMode' } });
    expect(cell('ct-01', 'evaluation').value).toBe('');
  });
});

describe('failures are values', () => {
  it('a sheet that is not a report sheet', async () => {
    expect(await excelReports.checkSheet('Sheet1', catalogue)).toMatchObject({ ok: false, error: { code: 'sheetNotFound' } });
  });

  it('a damaged mapping', async () => {
    host.setCell(mappingSheetName(s.sheetName), 'B3', 'other');
    expect(await excelReports.checkSheet(s.sheetName, catalogue)).toMatchObject({ ok: false, error: { code: 'sheetNotFound' } });
  });

  it('another catalogue version', async () => {
    const r = await excelReports.checkSheet(s.sheetName, { ...catalogue, catalogueVersion: catalogue.catalogueVersion + 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'catalogueMismatch' } });
    expect(host.syncCount).toBe(1);
  });

  it('a bug (not an Office error) is thrown, not turned into a value', async () => {
    await expect(excelReports.checkSheet(s.sheetName, undefined as never)).rejects.toThrow(TypeError);
  });
});
