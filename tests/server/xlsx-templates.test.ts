// GET /api/templates/{kind}.xlsx: the add-in's template spec as a file – protected without a password,
// input cells unlocked with their drop-down lists, the mapping in a very hidden, sealed sheet.
import JSZip from 'jszip';
import { testApp, type TestApp } from './support/app';
import { SKHCN, SNV } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { as, principal } from './support/test-auth';
import { download, loadBook, mappingOf } from './support/xlsx';

describeEachDatabase('.xlsx templates', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
  });
  afterAll(async () => t.close());

  it('gives the unit its rows, in the add-in’s layout, with the mapping very hidden', async () => {
    const res = await download(t.app, 'indicators', SKHCN);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('PL01-2026-Q1-so-khoa-hoc-va-cong-nghe.xlsx');
    const book = await loadBook(res.rawPayload);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([['PL01 2026-Q1', 'visible'], ['CDS PL01 2026-Q1', 'veryHidden']]);
    const mapping = mappingOf(book);
    expect(mapping).toMatchObject({ unitId: SKHCN, period: '2026-Q1', kind: 'indicators', clientSubmissionId: null });
    expect(mapping.rows.map((r) => r.id)).toEqual(['ct-01', 'ct-11', 'ct-16']);
    const sheet = book.getWorksheet('PL01 2026-Q1')!;
    expect(sheet.getCell(mapping.headerRow + 1, 2).value).toBe('Chỉ tiêu');
    const ct01 = mapping.rows[0].row + 1;
    expect(sheet.getCell(ct01, mapping.columns.target! + 1).value).toBe('≥ 70%');
  });

  it('protects the sheet without a password and unlocks only the input cells', async () => {
    const res = await download(t.app, 'indicators', SKHCN);
    const book = await loadBook(res.rawPayload);
    const mapping = mappingOf(book);
    const sheet = book.getWorksheet(mapping.sheetName)!;
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).not.toMatch(/<sheetProtection [^>]*(hashValue|password)=/);
    const ct01 = mapping.rows.find((r) => r.id === 'ct-01')!.row + 1;
    expect(sheet.getCell(ct01, mapping.columns.value! + 1).protection).toMatchObject({ locked: false });
    expect(sheet.getCell(ct01, mapping.columns.value! + 1).numFmt).toBe('0.0%');
    expect(sheet.getCell(ct01, mapping.columns.text! + 1).protection?.locked).not.toBe(false);
  });

  it('carries row heights that show each row’s wrapped text (a file keeps them; LibreOffice does not fit rows on opening)', async () => {
    const book = await loadBook((await download(t.app, 'indicators', SKHCN)).rawPayload);
    const mapping = mappingOf(book);
    const sheet = book.getWorksheet(mapping.sheetName)!;
    const height = (id: string) => sheet.getRow(mapping.rows.find((r) => r.id === id)!.row + 1).height;
    expect(sheet.getRow(mapping.headerRow + 1).height).toBeGreaterThan(15);
    for (const { row } of mapping.rows) expect(sheet.getRow(row + 1).height).toBeGreaterThan(15);
    // ct-16's long text (cán bộ … được đào tạo …) needs more lines than ct-01's "Tỷ lệ phủ sóng 5G trên địa bàn tỉnh".
    expect(height('ct-16')).toBeGreaterThan(2 * height('ct-01'));
  });

  it.each(['indicators', 'tasks'] as const)('%s: prints on A4 landscape one page wide, its header row on every page, text wrapped, and ends with the signature lines', async (kind) => {
    const book = await loadBook((await download(t.app, kind, SKHCN)).rawPayload);
    const mapping = mappingOf(book);
    const sheet = book.getWorksheet(mapping.sheetName)!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${mapping.headerRow + 1}:${mapping.headerRow + 1}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    for (const { row } of mapping.rows) expect(sheet.getCell(row + 1, mapping.columns.text! + 1).alignment?.wrapText).toBe(true);
    expect(String(sheet.getCell(5, 1).value)).toMatch(/^\(Thực hiện Kế hoạch số 1174\/KH-UBND ngày 31\/12\/2025 của /);
    // Under the table, past the last mapped row: who drew it up (left) and the head of the unit (right).
    const last = Math.max(...mapping.rows.map((r) => r.row)) + 1;
    const below: string[] = [];
    for (let r = last + 1; r <= last + 6; r++) sheet.getRow(r).eachCell((c) => below.push(String(c.value)));
    expect(below).toEqual(expect.arrayContaining(['Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)']));
    expect(sheet.getCell(last + 3, 1).value).toBe('Người lập biểu'); // two rows below the table, 1-based
  });

  it('offers the plan’s words in drop-down lists', async () => {
    const book = await loadBook((await download(t.app, 'indicators', SKHCN)).rawPayload);
    const mapping = mappingOf(book);
    const sheet = book.getWorksheet(mapping.sheetName)!;
    const ct11 = mapping.rows.find((r) => r.id === 'ct-11')!.row + 1;
    expect(sheet.getCell(ct11, mapping.columns.value! + 1).dataValidation).toMatchObject({
      type: 'list', formulae: ['"Hoàn thành,Đang triển khai,Chưa triển khai"'], showErrorMessage: true,
    });
    const tasks = await loadBook((await download(t.app, 'tasks', SKHCN)).rawPayload);
    const tm = mappingOf(tasks);
    const status = tasks.getWorksheet(tm.sheetName)!.getCell(tm.rows[0].row + 1, tm.columns.status! + 1);
    expect(status.dataValidation.formulae).toEqual(['"Hoàn thành,Đang triển khai (đúng tiến độ),Chậm tiến độ,Chưa triển khai"']);
  });

  it('seals the mapping with a checksum line', async () => {
    const book = await loadBook((await download(t.app, 'indicators', SKHCN)).rawPayload);
    const map = book.getWorksheet('CDS PL01 2026-Q1')!;
    const last = map.getRow(map.rowCount);
    expect(last.getCell(1).value).toBe('cds-seal');
    expect(String(last.getCell(2).value)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a clerk of another unit, an unknown kind and a period outside the plan year', async () => {
    expect((await download(t.app, 'indicators', SKHCN, '2026-Q1', as(principal('reporter', SNV)))).statusCode).toBe(403);
    const odd = await t.app.inject({ method: 'GET', url: `/api/templates/other.xlsx?planId=nghe-an-1174-2026&unitId=${SKHCN}&period=2026-Q1`, headers: as(principal('reporter', SKHCN)) });
    expect(odd.statusCode).toBe(404);
    expect((await download(t.app, 'indicators', SKHCN, '2027-Q1')).statusCode).toBe(400);
  });
});
