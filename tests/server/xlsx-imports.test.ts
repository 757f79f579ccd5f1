// POST /api/imports: a filled template read back through its sealed mapping – dry run, store,
// idempotent re-upload, and every file that must be refused (another unit's, plan's or period's,
// a tampered mapping, not one of our files, a clerk of another unit, an approved period).
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from './support/app';
import { SKHCN, SNV } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { as, principal } from './support/test-auth';
import { download, fill, upload, type Typing } from './support/xlsx';

const clerk = as(principal('reporter', SKHCN));
/** What a clerk types: 72,5 % in a percent cell is stored as 0.725; a status from the list; a count pair. */
const TYPED: Typing = {
  'ct-01': { value: 0.725 },
  'ct-11': { value: 'Đang triển khai', note: 'Đã phê duyệt chủ trương đầu tư' },
  'ct-16': { numerator: 45, denominator: 1200 },
};

describeEachDatabase('.xlsx imports', (database) => {
  let t: TestApp;
  let template: Buffer;
  beforeAll(async () => {
    t = await testApp(database);
    template = (await download(t.app, 'indicators', SKHCN)).rawPayload;
  });
  afterAll(async () => t.close());

  const latest = async () => {
    const list = (await t.app.inject({ method: 'GET', url: `/api/submissions?unitId=${SKHCN}&kind=indicators&period=2026-Q1`, headers: clerk })).json().submissions;
    return list.length === 0 ? null : (await t.app.inject({ method: 'GET', url: `/api/submissions/${list[0].id}`, headers: clerk })).json();
  };

  it('dry run: reports what would be stored, with each issue at its cell, and stores nothing', async () => {
    const file = await fill(template, { ...TYPED, 'ct-16': { numerator: 'bốn lăm', denominator: 1200 } });
    const res = await upload(t.app, file, clerk, 'dryRun=true');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, status: 'invalid', rows: 3, acceptedRows: 2, file: { unitId: SKHCN, period: '2026-Q1', kind: 'indicators' } });
    expect(body.issues).toEqual([expect.objectContaining({ severity: 'error', rowId: 'ct-16', field: 'numerator', address: expect.stringMatching(/^PL01 2026-Q1!F\d+$/) })]);
    const clean = await upload(t.app, await fill(template, TYPED), clerk, 'dryRun=true');
    expect(clean.json()).toMatchObject({ status: 'valid', acceptedRows: 3, issues: [] });
    // Q1: progress towards the year's target, not yet "Vượt"
    expect(clean.json().evaluations).toContainEqual({ id: 'ct-01', evaluation: 'exceeded', display: '72,5%', assessment: 'Đã đạt mục tiêu năm' });
    expect(clean.json().revision).toBe(1);
    expect(await latest()).toBeNull();
  });

  it('refuses an untouched template (422, in Vietnamese), and its dry run says so; a partly filled one counts its blank rows', async () => {
    const res = await upload(t.app, template, clerk);
    expect(res.statusCode).toBe(422);
    expect(res.json().issues.map((i: { code: string }) => i.code)).toEqual(['submission.empty']);
    expect(res.json().issues[0].message).toMatch(/không thể nộp báo cáo trống/u);
    expect(await latest()).toBeNull();
    expect((await upload(t.app, template, clerk, 'dryRun=true')).json()).toMatchObject({ status: 'invalid', issues: [expect.objectContaining({ code: 'submission.empty' })] });
    const partial = (await upload(t.app, await fill(template, { 'ct-01': TYPED['ct-01'] }), clerk, 'dryRun=true')).json();
    expect(partial.status).toBe('valid');
    const blanks = partial.issues.filter((i: { code: string }) => i.code === 'row.blank');
    expect(blanks.map((i: { rowId: string }) => i.rowId)).toEqual(['ct-11', 'ct-16']);
    expect(blanks[0]).toMatchObject({ severity: 'warning', address: expect.stringMatching(/^PL01 2026-Q1!E\d+$/), message: expect.stringMatching(/2\/3 dòng được giao còn trống/u) });
  });

  it('dry run: lists the rows still empty, each with the cell to fill, and none once all are filled', async () => {
    const partial = await upload(t.app, await fill(template, { 'ct-01': TYPED['ct-01'] }), clerk, 'dryRun=true');
    expect(partial.json().emptyRows).toEqual([
      { rowId: 'ct-11', address: expect.stringMatching(/^PL01 2026-Q1!E\d+$/) },
      { rowId: 'ct-16', address: expect.stringMatching(/^PL01 2026-Q1![A-Z]+\d+$/) },
    ]);
    const full = await upload(t.app, await fill(template, TYPED), clerk, 'dryRun=true');
    expect(full.json().emptyRows).toEqual([]);
  });

  it('refuses to store a file with errors (422) and says where they are', async () => {
    const res = await upload(t.app, await fill(template, { 'ct-01': { value: 'nhiều' } }), clerk);
    expect(res.statusCode).toBe(422);
    expect(res.json().issues[0]).toMatchObject({ rowId: 'ct-01', address: expect.stringMatching(/^PL01 2026-Q1!E\d+$/) });
    expect(await latest()).toBeNull();
  });

  it('stores the values as typed, as a submission of the file’s unit and period', async () => {
    const res = await upload(t.app, await fill(template, TYPED), clerk);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'created', acceptedRows: 3, submission: { revision: 1, status: 'submitted' } });
    const stored = await latest();
    const content = stored.revisions[stored.revisions.length - 1].content;
    const rows = Object.fromEntries(content.rows.map((r: { id: string }) => [r.id, r]));
    expect(rows['ct-01'].value).toEqual({ kind: 'rate', percent: 72.5 });
    expect(rows['ct-11']).toMatchObject({ value: { kind: 'status', status: 'inProgress' }, note: 'Đã phê duyệt chủ trương đầu tư' });
    expect(rows['ct-16'].value).toEqual({ kind: 'countPair', numerator: 45, denominator: 1200 });
  });

  it('treats re-uploading the very same file as a retry, and a changed file as a new revision', async () => {
    const file = await fill(template, { ...TYPED, 'ct-01': { value: 0.75 } });
    const first = await upload(t.app, file, clerk);
    expect(first.statusCode).toBe(201);
    const again = await upload(t.app, file, clerk);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'replayed', clientSubmissionId: first.json().clientSubmissionId, submission: first.json().submission });
    const changed = await upload(t.app, await fill(template, { ...TYPED, 'ct-01': { value: 0.8 } }), clerk);
    expect(changed.json().submission.revision).toBe(first.json().submission.revision + 1);
  });

  it('uses the client id the add-in stamped in the mapping; a file changed since is a new revision, not a conflict', async () => {
    const stamped = '3b241101-e2bb-4255-8caf-4136c566a962';
    const stamp = (book: ExcelJS.Workbook) => { book.worksheets.find((s) => s.name.startsWith('CDS '))!.getCell(8, 2).value = stamped; };
    const first = await upload(t.app, await fill(template, { ...TYPED, 'ct-01': { value: 0.61 } }, stamp), clerk);
    expect(first.json()).toMatchObject({ status: 'created', clientSubmissionId: stamped });
    const changed = await upload(t.app, await fill(template, { ...TYPED, 'ct-01': { value: 0.62 } }, stamp), clerk);
    expect(changed.statusCode).toBe(201);
    expect(changed.json().clientSubmissionId).not.toBe(stamped);
    expect(changed.json().submission.revision).toBe(first.json().submission.revision + 1);
  });

  it('refuses a file of another unit, plan or period than the one chosen', async () => {
    const file = await fill(template, TYPED);
    // A clerk of both units: choosing the other unit is a mistake about the file, not a lack of rights.
    const ofBoth = as({ ...principal('reporter', SKHCN), grants: [{ role: 'reporter', unitId: SKHCN }, { role: 'reporter', unitId: SNV }] });
    for (const [query, word] of [[`unitId=${SNV}`, 'đơn vị'], ['planId=ke-hoach-khac', 'kế hoạch'], ['period=2026-Q2', 'kỳ báo cáo'], ['kind=tasks', 'phụ lục']]) {
      const res = await upload(t.app, file, ofBoth, query);
      expect([query, res.statusCode]).toEqual([query, 400]);
      expect(res.json().message).toContain(word);
    }
  });

  it('refuses a clerk of another unit uploading this unit’s file', async () => {
    const res = await upload(t.app, await fill(template, TYPED), as(principal('reporter', SNV)));
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ['unit', 3, SNV],
    ['period', 5, '2026-Q2'],
    ['row id', 11, 'ct-05'],
  ])('refuses a mapping whose %s was edited', async (_what, line, value) => {
    const file = await fill(template, TYPED, (book) => {
      book.worksheets.find((s) => s.name.startsWith('CDS '))!.getCell(line + 1, 2).value = value;
    });
    const res = await upload(t.app, file, as(principal('reporter', SNV)));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/bị sửa đổi/);
  });

  it('refuses a mapping without its seal (a sheet made by the add-in, or the seal line deleted)', async () => {
    const file = await fill(template, TYPED, (book) => {
      const map = book.worksheets.find((s) => s.name.startsWith('CDS '))!;
      map.spliceRows(map.rowCount, 1);
    });
    const res = await upload(t.app, file, clerk);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/dấu xác thực/);
  });

  it('refuses a workbook that is not one of our templates, and a file that is not a workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('PL01 2026-Q1').getCell('E10').value = 0.7;
    const res = await upload(t.app, Buffer.from(await book.xlsx.writeBuffer()), clerk);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/không phải là mẫu báo cáo/);
    const junk = await upload(t.app, Buffer.from('not a spreadsheet'), clerk);
    expect(junk.statusCode).toBe(400);
    expect(junk.json().message).toMatch(/không phải là tệp Excel/);
  });

  it('answers 423 once the period is approved', async () => {
    const stored = await latest();
    const approve = await t.app.inject({ method: 'POST', url: `/api/submissions/${stored.id}/approve`, headers: as(principal('approver', SKHCN)), payload: { contentHash: stored.contentHash } });
    expect(approve.statusCode).toBe(200);
    const file = await fill(template, { ...TYPED, 'ct-01': { value: 0.9 } });
    const res = await upload(t.app, file, clerk);
    expect(res.statusCode).toBe(423);
    expect(res.json().message).toMatch(/phê duyệt/);
    expect((await upload(t.app, file, clerk, 'dryRun=true')).statusCode).toBe(423); // a dry run says so too
  });
});

describeEachDatabase('.xlsx imports: limits', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
  });
  afterAll(async () => t.close());

  it('refuses a file over 5 MB (413) and a request without a file (400)', async () => {
    const big = await upload(t.app, Buffer.alloc(5 * 1024 * 1024 + 1, 1), clerk);
    expect(big.statusCode).toBe(413);
    const none = await t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...clerk, 'content-type': 'application/json' }, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/multipart/);
  });
});
