// Dates and percentages typed under other regional settings, on Excel on the web's profile: a date
// typed "03/04/2026" on English (US) settings is 3 April (the cell is text, read as typed), and every
// date and percentage is echoed, as read, in the remarks beside it – so "70" typed with automatic
// percent entry turned off (7 000 %) shows at once, and is refused, not sent.
import { cellToRaw, mappingSheetName } from '../../../src/core/template';
import { excelReports } from '../../../src/office/excel';
import { officeSupport } from '../../../src/text/office-support';
import { typeInto, type FakeExcelHost } from '../../support/fake-excel';
import { addressOf, catalogue, spec, useFakeExcel } from './helpers';

const fake = useFakeExcel({ profile: 'web' });
// The marks need the sheet unprotected for a moment; these tests are about reading, not issue 6784.
beforeEach(() => { fake.host().control.unprotectDenied = false; });
const pl01 = spec('indicators', 'so-khcn', '2026-Q1', new Set(catalogue.indicators.map((i) => i.id)));
const pl02 = spec('tasks', 'so-khcn', '2026-Q1', new Set(catalogue.tasks.map((t) => t.id)));
const remarksOf = (host: FakeExcelHost, s: typeof pl01, id: string) => String(host.cell(s.sheetName, addressOf(s, id, 'remarks')).value);

it.each(['vi-VN', 'en-US'] as const)('reads a completion date typed on %s settings as the clerk typed it, dd/mm/yyyy', async (locale) => {
  const host = fake.host();
  expect((await excelReports.insertTemplate(pl02)).ok).toBe(true);
  const task = pl02.mapping.rows[0].id;
  expect(typeInto(host, pl02.sheetName, addressOf(pl02, task, 'completedOn'), '03/04/2026', { locale })).toMatchObject({ accepted: true, value: '03/04/2026' });
  const r = await excelReports.readForSubmit(pl02.sheetName);
  expect(r.ok && r.value.rows.kind === 'tasks' && r.value.rows.rows[0].completedOn).toBe('2026-04-03');
  expect(host.sheet(mappingSheetName(pl02.sheetName))).toBeDefined();
});

it('echoes a date Excel holds as a date (pasted) beside it, as read', async () => {
  const host = fake.host();
  await excelReports.insertTemplate(pl02);
  const task = pl02.mapping.rows[0].id;
  host.setCell(pl02.sheetName, addressOf(pl02, task, 'completedOn'), 46085, 'm/d/yyyy'); // 4 March 2026, pasted from an en-US sheet
  const r = await excelReports.checkSheet(pl02.sheetName, catalogue);
  expect(r.ok).toBe(true);
  expect(remarksOf(host, pl02, task)).toContain(officeSupport.readAs('04/03/2026'));
});

it.each([
  ['automatic percent entry on', true, '70'],
  ['automatic percent entry off', false, '70'],
  ['a fraction typed', true, '0,7'],
])('echoes a percentage as read beside it (%s)', async (_name, autoPercent, typed) => {
  const host = fake.host();
  await excelReports.insertTemplate(pl01);
  const address = addressOf(pl01, 'ct-01', 'value');
  typeInto(host, pl01.sheetName, address, typed, { autoPercent });
  const cell = host.cell(pl01.sheetName, address);
  const read = cellToRaw(cell.value, cell.numberFormat) as string;
  const r = await excelReports.checkSheet(pl01.sheetName, catalogue);
  expect(r.ok).toBe(true);
  expect(remarksOf(host, pl01, 'ct-01')).toContain(officeSupport.readAs(read));
  if (!autoPercent) {
    expect(read).toMatch(/^7\.?000%$/);
    expect(r.ok && r.value.issues.some((i) => i.address === address && i.severity === 'error')).toBe(true);
  }
});
