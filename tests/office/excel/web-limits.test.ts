// Excel on the web's limits, on its host profile: a request over 5 MB is refused whole, and a range
// of more than five million cells reads back without values. The consolidation of 3,400 units goes
// in blocks well under the limit; a report sheet whose columns were formatted to the last row still
// checks, reading only the template's rows.
import { buildConsolidationSheet } from '../../../src/core/consolidation-sheet';
import { excelReports } from '../../../src/office/excel';
import { WRITE_BUDGET_BYTES } from '../../../src/office/excel/consolidate';
import { excelConsolidation } from '../../../src/office/excel/consolidation-index';
import { typeInto } from '../../support/fake-excel';
import { withCharts } from '../../support/fake-excel-charts';
import { realCatalogue, syntheticConsolidation } from '../../support/synthetic-consolidation';
import { addressOf, catalogue, spec, useFakeExcel } from './helpers';

const fake = useFakeExcel({ profile: 'web' });
beforeEach(() => withCharts());

it.each(['indicators', 'tasks'] as const)('draws the %s consolidation of 3,400 units in requests of at most about 1 MB', async (kind) => {
  const data = syntheticConsolidation(kind, { units: 3400 });
  const sheet = buildConsolidationSheet(data, { groups: kind === 'indicators' ? realCatalogue.indicatorGroups : realCatalogue.taskGroups });
  const host = fake.host();
  const r = await excelConsolidation.writeConsolidation(sheet);
  expect(r.ok).toBe(true);
  expect(host.control.largestPayloadBytes).toBeLessThanOrEqual(WRITE_BUDGET_BYTES * 1.1);
  expect(host.control.largestPayloadBytes).toBeLessThan(5 * 1024 * 1024 / 4);
  const matrix = sheet.blocks.find((b) => b.id === 'matrix')!;
  const last = matrix.values.at(-1)!;
  expect(host.sheet(sheet.sheetName).cells.get(`${matrix.row + matrix.values.length - 1},${matrix.col}`)?.value).toBe(last[0] ?? '');
});

it('refuses a request over 5 MB whole, as Excel on the web does', async () => {
  const host = fake.host();
  const big = Array.from({ length: 4000 }, () => Array.from({ length: 26 }, () => 'Nội dung dài để vượt giới hạn năm megabyte của Excel trên web'));
  const r = await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 4000, 26).values = big;
    await context.sync();
  }).then(() => 'sent', (e: { code: string }) => e.code);
  expect(r).toBe('RequestPayloadSizeLimitExceeded');
  expect(host.cell('Sheet1', 'A1').value).toBe('');
});

it('checks a sheet whose columns a clerk formatted down to the last row (a used range of millions of cells)', async () => {
  const host = fake.host();
  const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(catalogue.indicators.map((i) => i.id)));
  expect((await excelReports.insertTemplate(s)).ok).toBe(true);
  typeInto(host, s.sheetName, addressOf(s, 'ct-05', 'value'), 'Có');
  // Unprotected, whole columns A:J filled yellow: Excel's used range now ends at row 1,048,576.
  host.sheet(s.sheetName).protection = { protected: false, options: null };
  for (let col = 0; col < 10; col++) host.setCell(s.sheetName, `${String.fromCharCode(65 + col)}1048576`, '', 'General');
  const used = host.sheet(s.sheetName).cells.get(`1048575,9`)!;
  used.fill = '#FFFF00';
  const r = await excelReports.checkSheet(s.sheetName, catalogue);
  expect(r).toMatchObject({ ok: true, value: { sheetName: s.sheetName } });
  if (r.ok) expect(r.value.issues.some((i) => i.address === addressOf(s, 'ct-05', 'value'))).toBe(false);
});
