// Reopening a workbook: report sheets found through their mapping sheets; reading for a submission
// in one sync; the client submission id kept; selecting an issue's cell.
import { mappingSheetName, submissionOf } from '../../../src/core/template';
import { SubmissionRequestSchema } from '../../../src/core/schemas';
import { excelReports } from '../../../src/office/excel';
import { fromA1 } from '../../../src/office/excel/read';
import { typeInto } from '../../support/fake-excel';
import { addressOf, spec, useFakeExcel } from './helpers';

const fake = useFakeExcel();
const pl01 = spec('indicators', 'phuong-vinh-hung', '2026-Q1');
const pl02 = spec('tasks', 'phuong-vinh-hung', '2026-Q1');

beforeEach(async () => {
  expect((await excelReports.insertTemplate(pl02)).ok).toBe(true);
  expect((await excelReports.insertTemplate(pl01)).ok).toBe(true);
  fake.host().resetCounts();
});

it('finds the report sheets with their kind, unit and period, in tab order, in two syncs', async () => {
  const r = await excelReports.findReportSheets();
  expect(r).toEqual({
    ok: true,
    value: [
      { sheetName: 'PL02 2026-Q1', kind: 'tasks', unitId: 'phuong-vinh-hung', unitName: 'Phường Vinh Hưng', period: '2026-Q1', planId: 'nghe-an-1174-2026', catalogueVersion: 2, rowCount: pl02.mapping.rows.length, clientSubmissionId: null },
      { sheetName: 'PL01 2026-Q1', kind: 'indicators', unitId: 'phuong-vinh-hung', unitName: 'Phường Vinh Hưng', period: '2026-Q1', planId: 'nghe-an-1174-2026', catalogueVersion: 2, rowCount: pl01.mapping.rows.length, clientSubmissionId: null },
    ],
  });
  expect(fake.host().syncCount).toBe(2);
});

it('leaves out a mapping whose report sheet is gone, and finds nothing in a plain workbook in one sync', async () => {
  const book = fake.host().book;
  book.sheets.splice(book.sheets.findIndex((x) => x.name === 'PL02 2026-Q1'), 1);
  const r = await excelReports.findReportSheets();
  expect(r.ok && r.value.map((x) => x.sheetName)).toEqual(['PL01 2026-Q1']);

  book.sheets.splice(1);
  fake.host().resetCounts();
  expect(await excelReports.findReportSheets()).toEqual({ ok: true, value: [] });
  expect(fake.host().syncCount).toBe(1);
});

it('reads a sheet for submission in one sync, keeps the client submission id, and the request passes the schema', async () => {
  typeInto(fake.host(), pl01.sheetName, addressOf(pl01, 'ct-05', 'value'), 'Có');
  const id = '5b7a4c1e-8f2d-4a6b-9c3e-1d2f3a4b5c6d';
  expect(await excelReports.setClientSubmissionId(pl01.sheetName, id)).toEqual({ ok: true, value: undefined });
  fake.host().resetCounts();
  const r = await excelReports.readForSubmit(pl01.sheetName);
  if (!r.ok) throw new Error(r.error.message);
  expect(fake.host().syncCount).toBe(1);
  expect(r.value.mapping.clientSubmissionId).toBe(id);
  expect(r.value.rows.rows.find((x) => x.id === 'ct-05')).toMatchObject({ value: 'Có' });
  const request = submissionOf(r.value.mapping, r.value.rows);
  expect(SubmissionRequestSchema.safeParse(request).success).toBe(true);
  expect(request).toMatchObject({ clientSubmissionId: id, unitId: 'phuong-vinh-hung', period: '2026-Q1', kind: 'indicators' });
  const found = await excelReports.findReportSheets();
  expect(found.ok && found.value.find((x) => x.sheetName === pl01.sheetName)?.clientSubmissionId).toBe(id);
});

it('selects an issue’s cell', async () => {
  expect(await excelReports.selectCell(pl01.sheetName, 'E12')).toEqual({ ok: true, value: undefined });
  expect(fake.host().selection).toEqual({ sheet: 'PL01 2026-Q1', address: "'PL01 2026-Q1'!E12" });
  expect(await excelReports.selectCell('Gone', 'A1')).toMatchObject({ ok: false, error: { code: 'sheetNotFound' } });
});

it('a report sheet whose mapping sheet is gone is not a report sheet', async () => {
  const book = fake.host().book;
  book.sheets.splice(book.sheets.findIndex((x) => x.name === mappingSheetName(pl01.sheetName)), 1);
  expect(await excelReports.readForSubmit(pl01.sheetName)).toMatchObject({ ok: false, error: { code: 'sheetNotFound' } });
});

it('places a used range that does not start at A1 at its sheet position', () => {
  expect(fromA1<number | string>("'PL01 2026-Q1'!C2:D3", [[1, 2], [3, 4]], '')).toEqual([[], ['', '', 1, 2], ['', '', 3, 4]]);
  expect(fromA1<number | string>('Sheet1!A1', [[5]], '')).toEqual([[5]]);
});
