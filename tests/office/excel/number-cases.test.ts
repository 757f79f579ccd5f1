// What the clerk meant, case by case: text typed (or pasted) into the template's cells on a
// Vietnamese- or English-locale Excel, through what Excel stores (the fake's typing model), the
// number formats the template set, readForSubmit and the core parser. The design: rate and progress
// cells are percent-formatted and hold fractions; the reader hands a percent cell's number to the
// core as the percentage shown ("70,5%"), any other number as itself, text as typed.
import { parseIndicatorValue, parseRate } from '../../../src/core/values';
import { excelReports } from '../../../src/office/excel';
import { typeInto, type TypeOptions } from '../../support/fake-excel';
import { addressOf, catalogue, spec, useFakeExcel } from './helpers';

const fake = useFakeExcel();
const pl01 = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01', 'ct-05', 'ct-11', 'ct-16']));
const pl02 = spec('tasks', 'so-khcn', '2026-Q1', new Set(['nv-07']));

type Entry = { type: string; options?: TypeOptions } | { set: string | number; format: string };
const enter = (sheet: string, address: string, e: Entry) => {
  if ('type' in e) expect(typeInto(fake.host(), sheet, address, e.type, e.options)).toMatchObject({ accepted: true });
  else fake.host().setCell(sheet, address, e.set, e.format);
};
const form = (id: string) => catalogue.indicators.find((i) => i.id === id)!.form;
const en = { locale: 'en-US' } as const;

async function readIndicator(id: string) {
  const r = await excelReports.readForSubmit(pl01.sheetName);
  if (!r.ok || r.value.rows.kind !== 'indicators') throw new Error('read');
  return parseIndicatorValue(form(id), r.value.rows.rows.find((x) => x.id === id)!, id);
}

beforeEach(async () => {
  expect((await excelReports.insertTemplate(pl01)).ok).toBe(true);
  expect((await excelReports.insertTemplate(pl02)).ok).toBe(true);
});

describe('a rate (ct-01, percent-formatted cell)', () => {
  it.each<[string, Entry, number, string[]]>([
    ['"70%" typed: Excel stores 0.7', { type: '70%' }, 70, []],
    ['"70" typed: automatic percent entry stores 0.7', { type: '70' }, 70, []],
    ['"70,5" typed on vi-VN: 0.705', { type: '70,5' }, 70.5, []],
    ['"70.5" typed on en-US: 0.705', { type: '70.5', options: en }, 70.5, []],
    ['"0,705" typed on vi-VN: below 1 kept, shown 70,5%', { type: '0,705' }, 70.5, []],
    ['"0,5%" typed: a small percentage, not a fraction', { type: '0,5%' }, 0.5, []],
    ['"70,5%" on en-US Excel stays text: the core reads it', { type: '70,5%', options: en }, 70.5, []],
    ['" 70 % " with spaces stays text: the core reads it', { type: ' 70 % ' }, 70, []],
    ['70.5 in a cell whose format was cleared to General', { set: 70.5, format: 'General' }, 70.5, []],
    ['0.705 in a plain cell: read as a fraction, with a warning', { set: 0.705, format: 'General' }, 70.5, ['value.readAsFraction']],
    ['"70%" pasted into a plain cell: Excel makes it 0.7 with format 0%', { set: 0.7, format: '0%' }, 70, []],
    ['text "70,5%" in a Text cell', { set: '70,5%', format: '@' }, 70.5, []],
  ])('%s → %p %%', async (_, entry, percent, warnings) => {
    enter(pl01.sheetName, addressOf(pl01, 'ct-01', 'value'), entry);
    const parsed = await readIndicator('ct-01');
    expect(parsed.ok && [parsed.value, parsed.warnings.map((w) => w.code)]).toEqual([{ kind: 'rate', percent }, warnings]);
  });

  it('"120%" is refused as out of range, not clipped', async () => {
    enter(pl01.sheetName, addressOf(pl01, 'ct-01', 'value'), { type: '120%' });
    const parsed = await readIndicator('ct-01');
    expect(parsed.ok ? null : parsed.issues.map((i) => i.code)).toEqual(['value.percentOutOfRange']);
  });
});

describe('a count pair (ct-16, "#,##0" cells)', () => {
  it.each<[string, Entry, number | string]>([
    ['"1.234" typed on vi-VN: Excel stores 1234', { type: '1.234' }, 1234],
    ['"1,234" typed on en-US: 1234', { type: '1,234', options: en }, 1234],
    ['1234 as a number', { set: 1234, format: '#,##0' }, 1234],
    ['"1.234" as text (pasted into a Text cell): the core reads the thousands dot', { set: '1.234', format: '@' }, 1234],
    ['"1 234" with a grouping space, as text', { set: '1 234', format: 'General' }, 1234],
    ['"50%" typed: the cell keeps "#,##0" and holds 0.5, not a whole count', { type: '50%' }, 'value.fractionalCount'],
    ['0.5 shown as "50%" (a percent-formatted count cell): a percentage is not a count', { set: 0.5, format: '0%' }, 'value.notNumber'],
    ['"12,5" typed on vi-VN: 12.5 is not a whole count', { type: '12,5' }, 'value.fractionalCount'],
  ])('%s', async (_, entry, expected) => {
    enter(pl01.sheetName, addressOf(pl01, 'ct-16', 'denominator'), { type: '10.000' });
    enter(pl01.sheetName, addressOf(pl01, 'ct-16', 'numerator'), entry);
    const parsed = await readIndicator('ct-16');
    if (typeof expected === 'number') expect(parsed.ok && parsed.value).toEqual({ kind: 'countPair', numerator: expected, denominator: 10000 });
    else expect(parsed.ok ? null : parsed.issues.map((i) => i.code)).toEqual([expected]);
  });
});

describe('words from the drop-downs', () => {
  it.each<[string, string, Entry, unknown]>([
    ['"có" typed (Excel’s list check ignores case)', 'ct-05', { type: 'có' }, { kind: 'yesNo', yes: true }],
    ['"Có" in NFD pasted from a Mac', 'ct-05', { type: 'Co\u0301', options: { paste: true } }, { kind: 'yesNo', yes: true }],
    ['"Không"', 'ct-05', { type: 'Không' }, { kind: 'yesNo', yes: false }],
    ['"hoàn thành" in lower case', 'ct-11', { type: 'hoàn thành' }, { kind: 'status', status: 'done' }],
  ])('%s', async (_, id, entry, expected) => {
    enter(pl01.sheetName, addressOf(pl01, id, 'value'), entry);
    const parsed = await readIndicator(id);
    expect(parsed.ok && parsed.value).toEqual(expected);
  });

  it('TRUE typed in a yes/no cell (Excel stores a boolean) is Có', async () => {
    fake.host().setCell(pl01.sheetName, addressOf(pl01, 'ct-05', 'value'), true);
    const parsed = await readIndicator('ct-05');
    expect(parsed.ok && parsed.value).toEqual({ kind: 'yesNo', yes: true });
  });
});

describe('a task (progress in a percent cell, completion date in a date cell)', () => {
  const read = async () => {
    const r = await excelReports.readForSubmit(pl02.sheetName);
    if (!r.ok || r.value.rows.kind !== 'tasks') throw new Error('read');
    return r.value.rows.rows[0];
  };
  it.each<[string, Entry, number]>([
    ['"60" typed', { type: '60' }, 60],
    ['"60%" typed', { type: '60%' }, 60],
    ['"62,5" typed', { type: '62,5' }, 62.5],
    ['100 in a General cell', { set: 100, format: 'General' }, 100],
  ])('progress %s → %p %%', async (_, entry, percent) => {
    enter(pl02.sheetName, addressOf(pl02, 'nv-07', 'progress'), entry);
    const parsed = parseRate((await read()).progress, 'progress');
    expect(parsed.ok && parsed.value).toBe(percent);
  });

  it.each<[string, Entry, string]>([
    ['"14/03/2026" typed on vi-VN (day first)', { type: '14/03/2026' }, '2026-03-14'],
    // Date inputs are text cells: read as typed, dd/mm/yyyy, whatever the regional settings.
    ['"03/04/2026" typed on en-US: 3 April, not 4 March', { type: '03/04/2026', options: en }, '2026-04-03'],
    ['"3/14/2026" typed on en-US (month first): not a dd/mm/yyyy date, left for the core to refuse', { type: '3/14/2026', options: en }, '2026-14-03'],
    ['"5/3/2026" as text', { set: '5/3/2026', format: '@' }, '2026-03-05'],
    ['an ISO date as text', { set: '2026-03-05', format: '@' }, '2026-03-05'],
  ])('completion date %s → %s', async (_, entry, iso) => {
    enter(pl02.sheetName, addressOf(pl02, 'nv-07', 'completedOn'), entry);
    expect((await read()).completedOn).toBe(iso);
  });
});
