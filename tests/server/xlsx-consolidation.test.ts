// GET /api/consolidation?…&format=xlsx: the same content as the JSON consolidation, as a workbook
// with the chart of indicators met per group; a monitoring agency's workbook holds only its tasks.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildConsolidationSheet } from '../../src/core/consolidation-sheet';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, SNV } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { describeEachDatabase } from './support/databases';
import { as, principal } from './support/test-auth';

const url = (kind: string, format: string) => `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=${kind}&format=${format}`;
const consolidator = as(principal('consolidator', null));

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book.worksheets[0];
}

describeEachDatabase('consolidation as .xlsx', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
    await seedPeriod(t);
  });
  afterAll(async () => t.close());

  it('holds every block of the consolidation sheet, cell by cell, as the JSON says', async () => {
    const json = (await t.app.inject({ method: 'GET', url: url('indicators', 'json'), headers: consolidator })).json();
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('TH PL01 2026-Q1');
    const spec = buildConsolidationSheet(json, { groups: [{ id: 'I', title: 'Hạ tầng số' }, { id: 'II', title: 'Nhận thức số, nhân lực số' }] });
    for (const block of spec.blocks) {
      block.values.forEach((line, r) => line.forEach((v, c) => {
        const cell = sheet.getCell(block.row + r + 1, block.col + c + 1).value;
        expect([block.id, r, c, cell ?? null]).toEqual([block.id, r, c, v]);
      }));
    }
    const province = spec.blocks.find((b) => b.id === 'province')!;
    const ct05 = province.values.findIndex((l) => l[9] === 'ct-05');
    expect(sheet.getCell(province.row + ct05 + 1, 5).value).toBe('33,33% (1/3)');
    expect(sheet.getCell(province.row + ct05 + 1, 8).value).toBe('Chưa đạt');
    expect(sheet.getCell(province.row + ct05 + 1, 8).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('carries a stacked column chart of indicators met per group, drawn from the group table', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator });
    const zip = await JSZip.loadAsync(res.rawPayload);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain('Số chỉ tiêu đạt theo nhóm');
    expect(chart).toMatch(/<c:f>'TH PL01 2026-Q1'!\$B\$\d+<\/c:f>/);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<drawing r:id="rIdCdsChart1"/>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
  });

  it('gives a monitoring agency only the tasks it monitors', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('tasks', 'xlsx'), headers: as(principal('consolidator', SNV)) });
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    const ids: unknown[] = [];
    sheet.eachRow((row) => ids.push(row.getCell(11).value));
    expect(ids.filter((v) => typeof v === 'string' && v.startsWith('nv-'))).toEqual(['nv-01']);
  });

  it('refuses a clerk', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: as(principal('reporter', SNV)) });
    expect(res.statusCode).toBe(403);
  });
});
