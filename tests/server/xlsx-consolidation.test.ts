// GET /api/consolidation?…&format=xlsx: the same content as the JSON consolidation, as a workbook
// with the chart of indicators met per group; a monitoring agency's workbook holds only its tasks.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildConsolidationSheet, expandConsolidation, PRINTED_COLUMNS, type ConsolidationWire } from '../../src/core/consolidation-sheet';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, SNV, testCatalogue } from './support/catalogue';
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
    const json = expandConsolidation((await t.app.inject({ method: 'GET', url: url('indicators', 'json'), headers: consolidator })).json());
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const sheet = await sheetOf(res.rawPayload);
    expect(sheet.name).toBe('TH PL01 2026-Q1');
    const spec = buildConsolidationSheet(json, { groups: testCatalogue.indicatorGroups, document: testCatalogue.document });
    for (const block of spec.blocks) {
      block.values.forEach((line, r) => line.forEach((v, c) => {
        const cell = sheet.getCell(block.row + r + 1, block.col + c + 1).value;
        expect([block.id, r, c, cell ?? null]).toEqual([block.id, r, c, v]);
      }));
    }
    const province = spec.blocks.find((b) => b.id === 'province')!;
    const ct05 = province.values.findIndex((l) => l[9] === 'ct-05');
    expect(sheet.getCell(province.row + ct05 + 1, 5).value).toBe('50% (1/2)');
    // Q1: progress towards the year's target (50 % of communes against 70 %), coloured as progress, not as "Đạt"
    expect(sheet.getCell(province.row + ct05 + 1, 7).value).toBe('Đạt 71,43% mục tiêu năm');
    expect(sheet.getCell(province.row + ct05 + 1, 7).fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
  });

  it('names the plan’s document and the period with its cut-off window in the title', async () => {
    const sheet = await sheetOf((await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator })).rawPayload);
    expect(sheet.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ – QUÝ I NĂM 2026');
    expect(sheet.getCell('A2').value).toBe('Kế hoạch số 1174/KH-UBND ngày 31/12/2025 – Chuyển đổi số tỉnh Nghệ An năm 2026');
    expect(sheet.getCell('A3').value).toMatch(/^Kỳ báo cáo: Quý I năm 2026 \(số liệu từ 15\/12\/2025 đến 14\/03\/2026\)\. Số liệu tổng hợp lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/);
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.join('\n')).not.toContain(PLAN_ID);
  });

  it.each(['indicators', 'tasks'])('%s: prints on A4 landscape, one page wide, the province header atop every page, the working tables and ids outside the print area', async (kind) => {
    const json = expandConsolidation((await t.app.inject({ method: 'GET', url: url(kind, 'json'), headers: consolidator })).json() as ConsolidationWire);
    const file = (await t.app.inject({ method: 'GET', url: url(kind, 'xlsx'), headers: consolidator })).rawPayload;
    const sheet = await sheetOf(file);
    const xml = await (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
    const spec = buildConsolidationSheet(json, {});
    const province = spec.blocks.find((b) => b.id === 'province')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${province.row + 1}:${province.row + 1}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    // A manual break above the chart (the file numbers the row the break follows, 1-based).
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([spec.chart!.anchor.row - 1]);
    const lastRow = province.row + province.values.length;
    const lastCol = String.fromCharCode(64 + PRINTED_COLUMNS[kind as 'indicators' | 'tasks']);
    expect(sheet.pageSetup.printArea).toBe(`A1:${lastCol}${lastRow}`);
    // Inside the print area: no catalogue or unit id, and the header row holds the column names.
    const ids = new Set<string>([...json.units.map((u: { unitId: string }) => u.unitId), ...(json.kind === 'indicators' ? json.indicators : json.tasks).map((x: { id: string }) => x.id)]);
    for (let r = 1; r <= lastRow; r++) {
      for (let c = 1; c <= PRINTED_COLUMNS[kind as 'indicators' | 'tasks']; c++) {
        const v = sheet.getCell(r, c).value;
        expect([r, c, typeof v === 'string' && ids.has(v)]).toEqual([r, c, false]);
      }
    }
    // Table cells wrap, and a row whose text needs several lines carries the height for them.
    for (let r = 0; r < province.values.length; r++) {
      const cell = sheet.getCell(province.row + r + 1, 2);
      expect(cell.alignment?.wrapText).toBe(true);
      const want = spec.rowHeights.find((h) => h.row === province.row + r)?.points;
      expect(sheet.getRow(province.row + r + 1).height).toBe(want ?? sheet.getRow(province.row + r + 1).height);
    }
    expect(spec.rowHeights.filter((h) => h.row > province.row && h.row < lastRow).length).toBeGreaterThan(province.values.length / 2);
    for (const h of spec.rowHeights) expect(sheet.getRow(h.row + 1).height).toBe(h.points);
  });

  it('writes the print area with absolute rows, which LibreOffice needs to honour it', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator });
    const workbook = await (await JSZip.loadAsync(res.rawPayload)).file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<definedName name="_xlnm\.Print_Area" localSheetId="0">&apos;TH PL01 2026-Q1&apos;!\$A\$1:\$H\$\d+<\/definedName>/);
  });

  it('carries a stacked column chart of indicators met per group, drawn from the group table', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'xlsx'), headers: consolidator });
    const zip = await JSZip.loadAsync(res.rawPayload);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain('Số chỉ tiêu đạt theo nhóm');
    expect(chart).toMatch(/<c:f>'TH PL01 2026-Q1'!\$C\$\d+<\/c:f>/);
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
