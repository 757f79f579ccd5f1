// End to end, as the head of a unit works in Word: a clerk submits through the API; the head
// writes the report into Word (fake host) from the API's data, reads the binding back and approves
// that hash through the API; the submission is then locked and the audit names who approved what.
// And: a newer revision after the document was made makes approval with the old hash fail (409),
// which the flow reports as "changed", offering the new revision.
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { createApiClient, type ApiClient } from '../../src/client/api';
import { wordReportHost } from '../../src/office/word';
import { approveShownReport, generateReport, pendingByPeriod, returnShownReport } from '../../src/taskpane/views/word-flow';
import { installFakeWord, savedDocx, type FakeWord } from '../support/fake-word';
import { allParagraphs } from '../support/fake-word/model';
import { verifyMultipart } from './support/verify';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';
import type { Principal } from '../../src/server/auth/principal';

const clerk = principal('reporter', SKHCN, 'chuyenvien-skhcn');
const head = principal('approver', SKHCN, 'lanhdao-skhcn');
const admin = principal('admin', null);

/** An ApiClient whose fetch goes through app.inject as the given principal. */
function clientAs(app: FastifyInstance, who: Principal): ApiClient {
  return createApiClient({
    token: () => 'test',
    fetch: (async (url: string, init: RequestInit) => {
      const res = await app.inject({
        method: init.method as 'GET' | 'POST', url,
        headers: { ...(init.headers as Record<string, string>), ...as(who) },
        ...(init.body ? { payload: init.body as string } : {}),
      });
      return new Response(res.body === '' ? null : res.body, { status: res.statusCode });
    }) as typeof fetch,
  });
}

describeEachDatabase('the Word sign-off flow', (database) => {
  let t: TestApp;
  let word: FakeWord;
  let reporter: ApiClient;
  let approver: ApiClient;
  beforeEach(async () => {
    t = await testApp(database);
    t.setNow('2026-03-18T02:00:00.000Z');
    word = installFakeWord();
    reporter = clientAs(t.app, clerk);
    approver = clientAs(t.app, head);
  });
  afterEach(async () => {
    word.uninstall();
    await t.close();
  });

  // The taskpane's clock is an hour off the server's: the document must record the server's time.
  const deps = () => ({ api: approver, word: wordReportHost, now: () => new Date('2026-03-18T03:00:00.000Z') });

  it('reporter submits → head approves the shown hash in Word → locked (423) and audited', async () => {
    const submitted = await reporter.post<{ id: string; contentHash: string }>('/api/submissions', indicatorReport());
    const pending = await pendingByPeriod(approver);
    expect(pending).toEqual([['2026-Q1', [expect.objectContaining({ id: submitted.id, status: 'submitted' })]]]);

    const syncsBefore = word.host.syncCount;
    const binding = await generateReport(deps(), submitted.id);
    expect(word.host.syncCount - syncsBefore).toBe(1);
    expect(binding).toMatchObject({ submissionId: submitted.id, revision: 1, contentHash: submitted.contentHash });
    expect(word.lines()).toContain('Nghệ An, ngày 18 tháng 3 năm 2026');
    // Q1: progress towards the year's target, the stock worded at the cut-off (docs/figures.md)
    expect(word.tableValues(word.tables()[1])[1]).toEqual(['1', 'Tỷ lệ phủ sóng 5G trên địa bàn tỉnh (số liệu tính đến ngày 14/03/2026)', '≥ 70%', '72,5%', 'Đã đạt mục tiêu năm']);
    expect(await wordReportHost.readReportBinding()).toEqual({ submissionId: submitted.id, revision: 1, contentHash: submitted.contentHash });

    // The document carries its verification code and QR code; /verify/{code} names this revision,
    // and the document as Word saves it is the text the code was issued for.
    const code = /^Mã xác thực: ([0-9A-Z]{4}-[0-9A-Z]{4})\. Kiểm tra tại (\S+)$/u.exec(word.lines().find((l) => l.startsWith('Mã xác thực')) ?? '');
    expect(code).not.toBeNull();
    expect(code![2]).toMatch(new RegExp(`/verify/${code![1]}$`, 'u'));
    const qr = allParagraphs(word.doc).flatMap((p) => p.pictures ?? []); // under the signer, in the signature row
    expect(qr).toEqual([expect.objectContaining({ width: 57, height: 57, altTextDescription: code![2] })]);
    expect(Buffer.from(qr[0].base64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    const page = await t.app.inject({ method: 'GET', url: `/verify/${code![1]}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chưa được phê duyệt');
    const check = async () => (await t.app.inject({ method: 'POST', url: `/verify/${code![1]}`, ...verifyMultipart(await savedDocx(word.doc)) })).body;
    expect(await check()).toContain('Nội dung tệp khớp');
    // The same options make the same document: the server's .docx of that day carries the same code.
    const docx = await t.app.inject({ method: 'GET', url: `/api/submissions/${submitted.id}/report.docx?date=2026-03-18`, headers: as(head) });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Mã xác thực: ${code![1]}.`);

    const outcome = await approveShownReport(deps(), 'Lãnh đạo SKHCN');
    expect(outcome).toEqual({ kind: 'approved', submissionId: submitted.id, revision: 1, contentHash: submitted.contentHash });
    // The record of approval comes after the verification block: the document still matches, and the page says approved.
    expect(await check()).toContain('Nội dung tệp khớp');
    expect((await t.app.inject({ method: 'GET', url: `/verify/${code![1]}` })).body).toContain('Đã được phê duyệt');
    // A word changed in the document after it was written no longer matches.
    const row = word.tables()[1].cells[1][3].paragraphs[0];
    row.text = row.text.replace('72,5%', '92,5%');
    expect(await check()).toContain('KHÔNG khớp');
    expect(word.controls('cds-approval')[0].text).toBe(`Đã ký duyệt: Lãnh đạo SKHCN | Lúc: 2026-03-18T02:00:00.000Z | Mã nội dung (SHA-256): ${submitted.contentHash}`);

    const again = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(clerk), payload: indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }] }) });
    expect(again.statusCode).toBe(423);
    expect(await pendingByPeriod(approver)).toEqual([]);

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?entity=submission', headers: as(admin) });
    const approval = audit.json().records.find((r: { action: string }) => r.action === 'submission.approve');
    expect(approval).toMatchObject({ userId: 'lanhdao-skhcn', entityId: submitted.id, after: { status: 'approved', revision: 1, contentHash: submitted.contentHash } });
  });

  it('refuses to approve a document made before the unit resubmitted, and offers the new revision', async () => {
    const first = await reporter.post<{ id: string; contentHash: string }>('/api/submissions', indicatorReport());
    await generateReport(deps(), first.id);
    const second = await reporter.post<{ id: string; revision: number; contentHash: string }>('/api/submissions', indicatorReport({ rows: [{ id: 'ct-01', value: '65%' }] }));
    expect(second).toMatchObject({ id: first.id, revision: 2 });

    // The server itself refuses the old hash …
    const direct = await t.app.inject({ method: 'POST', url: `/api/submissions/${first.id}/approve`, headers: as(head), payload: { contentHash: first.contentHash } });
    expect(direct.statusCode).toBe(409);
    // … and the flow tells the head why, offering revision 2; nothing is recorded in the document.
    const outcome = await approveShownReport(deps(), 'Lãnh đạo SKHCN');
    expect(outcome).toMatchObject({ kind: 'changed', submissionId: first.id, shownRevision: 1, latestRevision: 2, message: expect.stringContaining('nộp lại (lần 2)') });
    expect(word.controls('cds-approval')).toHaveLength(0);

    const binding = await generateReport(deps(), first.id, outcome.kind === 'changed' ? outcome.latestRevision : undefined);
    expect(binding).toMatchObject({ revision: 2, contentHash: second.contentHash });
    expect(await approveShownReport(deps(), 'Lãnh đạo SKHCN')).toMatchObject({ kind: 'approved', revision: 2, contentHash: second.contentHash });
  });

  it('returns the shown revision with a required comment', async () => {
    const submitted = await reporter.post<{ id: string; contentHash: string }>('/api/submissions', indicatorReport());
    await generateReport(deps(), submitted.id);
    expect(await returnShownReport(deps(), '   ')).toEqual({ kind: 'commentRequired' });
    expect(await returnShownReport(deps(), 'Bổ sung minh chứng chỉ tiêu 11')).toMatchObject({ kind: 'returned', revision: 1 });
    const detail = await approver.get<{ status: string; decisions: { action: string; comment: string }[] }>(`/api/submissions/${submitted.id}`);
    expect(detail).toMatchObject({ status: 'returned', decisions: [{ action: 'return', comment: 'Bổ sung minh chứng chỉ tiêu 11' }] });
    // A decided submission is no longer pending: approving now is refused with the server's reason.
    expect(await approveShownReport(deps(), 'Lãnh đạo SKHCN')).toEqual({ kind: 'refused', message: expect.stringContaining('trả lại') });
  });

  it('says there is no report when the document has none', async () => {
    expect(await approveShownReport(deps(), 'Lãnh đạo SKHCN')).toEqual({ kind: 'noReport' });
  });
});
