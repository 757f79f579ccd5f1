// Attack 3: the report sheet is protected without a password, so a clerk can unprotect it and sort
// or move rows; read by position only, values were then stored under the wrong indicators. Every
// mapped row's number and text must still be what the template wrote, or the upload is refused with
// the cell address.
import type ExcelJS from 'exceljs';
import { checkRowIdentity } from '../../src/core/template';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN, testCatalogue } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { as, principal } from '../server/support/test-auth';
import { download, fill, loadBook, mappingOf, upload } from '../server/support/xlsx';

const clerk = as(principal('reporter', SKHCN));

/** Edits of the report sheet a clerk can make once it is unprotected. */
type Edit = (sheet: ExcelJS.Worksheet, rows: readonly number[]) => void;
const rowValues = (sheet: ExcelJS.Worksheet, r: number) => Array.from({ length: 12 }, (_, c) => sheet.getCell(r + 1, c + 1).value);
const putRow = (sheet: ExcelJS.Worksheet, r: number, values: ExcelJS.CellValue[]) => values.forEach((v, c) => (sheet.getCell(r + 1, c + 1).value = v));

const edits: Array<[string, Edit]> = [
  ['two rows swapped', (sheet, rows) => {
    const [a, b] = [rowValues(sheet, rows[0]), rowValues(sheet, rows[1])];
    putRow(sheet, rows[0], b);
    putRow(sheet, rows[1], a);
  }],
  ['the rows sorted backwards', (sheet, rows) => {
    const all = rows.map((r) => rowValues(sheet, r));
    rows.forEach((r, i) => putRow(sheet, r, all[all.length - 1 - i]));
  }],
  ['every row moved down by one', (sheet, rows) => {
    const all = rows.map((r) => rowValues(sheet, r));
    rows.forEach((r, i) => putRow(sheet, r, i === 0 ? Array(12).fill(null) : all[i - 1]));
  }],
  ['a number changed', (sheet, rows) => {
    sheet.getCell(rows[1] + 1, 1).value = 999;
  }],
  ['a text replaced by another row’s', (sheet, rows) => {
    sheet.getCell(rows[0] + 1, 2).value = sheet.getCell(rows[1] + 1, 2).value;
  }],
  ['a number cleared', (sheet, rows) => {
    sheet.getCell(rows[0] + 1, 1).value = null;
  }],
];

describeEachDatabase('row identity of an uploaded template', (database) => {
  let t: TestApp;
  let template: Buffer;
  beforeAll(async () => {
    t = await testApp(database);
    template = (await download(t.app, 'indicators', SKHCN)).rawPayload;
  });
  afterAll(async () => t.close());

  it.each(edits)('refuses %s (400) with the cell address, and stores nothing', async (_what, edit) => {
    const mapping = mappingOf(await loadBook(template));
    const file = await fill(template, { [mapping.rows[0].id]: { value: 0.5 } }, (book) => edit(book.getWorksheet(mapping.sheetName)!, mapping.rows.map((r) => r.row)));
    const res = await upload(t.app, file, clerk);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(new RegExp(`${mapping.sheetName}![A-Z]+\\d+`));
    const count = await t.db.kysely.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('accepts the template as downloaded and filled', async () => {
    const mapping = mappingOf(await loadBook(template));
    const res = await upload(t.app, await fill(template, { [mapping.rows[0].id]: { value: 0.5 } }), clerk, 'dryRun=true');
    expect(res.statusCode).toBe(200);
  });
});

describe('checkRowIdentity', () => {
  const mapping = {
    kind: 'indicators' as const, sheetName: 'PL01', columns: { no: 0, text: 1 },
    rows: [{ row: 9, id: testCatalogue.indicators[0].id }, { row: 10, id: testCatalogue.indicators[1].id }],
  };
  const [a, b] = testCatalogue.indicators;
  const sheet = (first: (string | number)[], second: (string | number)[]) => [...Array(9).fill([]), first, second];

  it('passes rows in place, whatever the spacing or Unicode form of the text', () => {
    expect(checkRowIdentity(testCatalogue, mapping, sheet([a.no, ` ${a.text.normalize('NFD')}  `], [String(b.no), `${b.text}\n(Tử số: …)`]))).toEqual([]);
  });

  it('names the first identity cell that differs, row by row', () => {
    expect(checkRowIdentity(testCatalogue, mapping, sheet([b.no, b.text], [a.no, a.text])).map((m) => m.address)).toEqual(['PL01!A10', 'PL01!A11']);
    expect(checkRowIdentity(testCatalogue, mapping, sheet([a.no, b.text], [b.no, b.text])).map((m) => m.address)).toEqual(['PL01!B10']);
  });
});

describe('the Excel add-in’s Kiểm tra (checkSheetCells) refuses moved rows too', () => {
  it('two rows swapped: an error at each moved row’s number cell, before any other issue', async () => {
    const { checkSheetCells, rowIdentity } = await import('../../src/core/template');
    const { catalogue, spec } = await import('../office/excel/helpers');
    const s = spec('indicators', 'so-khcn', '2026-Q1', new Set(['ct-01', 'ct-02']));
    const { no, text, value } = s.mapping.columns;
    const values = Array.from({ length: 20 }, () => Array<string | number>(10).fill(''));
    const formats = Array.from({ length: 20 }, () => Array<string>(10).fill('General'));
    const [r1, r2] = s.mapping.rows;
    for (const [at, id] of [[r1.row, r2.id], [r2.row, r1.id]] as const) {
      values[at][no!] = rowIdentity(catalogue, 'indicators', id)!.no;
      values[at][text!] = rowIdentity(catalogue, 'indicators', id)!.text;
      values[at][value!] = '80%';
    }
    const out = checkSheetCells(catalogue, s.mapping, values, formats);
    expect(out.issues.slice(0, 2).map((i) => [i.code, i.address])).toEqual([['row.moved', `A${r1.row + 1}`], ['row.moved', `A${r2.row + 1}`]]);
    expect(out.errorCount).toBeGreaterThanOrEqual(2);
  });
});
