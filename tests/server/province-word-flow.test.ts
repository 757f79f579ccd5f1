// End to end in Word (fake host) as Sở KH&CN works: the consolidator's "Tạo báo cáo tổng hợp"
// writes the period's consolidated report into the document from the server's snapshot; the head
// of Sở KH&CN opens it and approves exactly the revision shown; another unit's head cannot.
import type { FastifyInstance } from 'fastify';
import { createApiClient, type ApiClient } from '../../src/client/api';
import type { Principal } from '../../src/server/auth/principal';
import { wordReportHost, writeProvinceReport } from '../../src/office/word';
import { approveProvinceReport, createProvinceReport, openProvinceReport } from '../../src/taskpane/views/province/province-flow';
import { installFakeWord, savedDocx, type FakeWord } from '../support/fake-word';
import { allParagraphs } from '../support/fake-word/model';
import { verifyMultipart } from './support/verify';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, SKHCN, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

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

describeEachDatabase('the consolidated report in Word', (database) => {
  let t: TestApp;
  let word: FakeWord;
  beforeEach(async () => {
    t = await testApp(database);
    word = installFakeWord();
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SKHCN)), payload: indicatorReport() })).json();
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(principal('approver', SKHCN)), payload: { contentHash: sent.contentHash } });
  });
  afterEach(async () => {
    word.uninstall();
    await t.close();
  });

  it('is written by the consolidator in one sync, opened and approved by the head of Sở KH&CN', async () => {
    const consolidator = clientAs(t.app, principal('consolidator', null));
    const syncs = word.host.syncCount;
    const made = await createProvinceReport({ api: consolidator, write: writeProvinceReport, now: () => new Date('2026-04-02T03:00:00Z') }, PLAN_ID, '2026-Q1');
    expect(word.host.syncCount - syncs).toBe(1);
    expect(made).toMatchObject({ planId: PLAN_ID, period: '2026-Q1', status: 'draft', revision: 1, created: true });
    const lines = word.lines();
    expect(lines).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(lines).toContain('Tổng hợp kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I');
    expect(lines).toContain('Nghệ An, ngày 02 tháng 4 năm 2026');
    expect(lines).toContain('VII. NHIỆM VỤ TRỌNG TÂM KỲ TỚI');
    // The document carries the code the server issued for these words; /verify answers for it and
    // the document as Word saves it matches.
    const code = /^Mã xác thực: ([0-9A-Z]{4}-[0-9A-Z]{4})\. Kiểm tra tại \S+\/verify\/\1$/u.exec(lines.find((l) => l.startsWith('Mã xác thực')) ?? '')?.[1];
    expect(code).toBeDefined();
    expect(allParagraphs(word.doc).filter((p) => (p.pictures ?? []).length === 1)).toHaveLength(1);
    const page = await t.app.inject({ method: 'GET', url: `/verify/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sở Khoa học và Công nghệ');
    const check = await t.app.inject({ method: 'POST', url: `/verify/${code}`, ...verifyMultipart(await savedDocx(word.doc)) });
    expect(check.body).toContain('Nội dung tệp khớp');
    // The document is bound to the consolidated report's revision and content hash.
    expect(await wordReportHost.readReportBinding()).toEqual({ submissionId: made.id, revision: 1, contentHash: made.contentHash });

    const head = clientAs(t.app, principal('approver', SKHCN));
    word.uninstall();
    word = installFakeWord();
    const opened = await openProvinceReport({ api: head, write: writeProvinceReport }, PLAN_ID, '2026-Q1');
    expect(opened).toMatchObject({ id: made.id, revision: 1, contentHash: made.contentHash });
    await expect(approveProvinceReport(clientAs(t.app, principal('approver', SYT)), opened!)).rejects.toThrow(/lãnh đạo Sở Khoa học và Công nghệ/);
    expect(await approveProvinceReport(head, opened!)).toMatchObject({ status: 'approved', approvedRevision: 1, approvedHash: made.contentHash });
  });

  it('tells the head when the period has no consolidated report yet', async () => {
    expect(await openProvinceReport({ api: clientAs(t.app, principal('approver', SKHCN)), write: writeProvinceReport }, PLAN_ID, '2026-H1')).toBeNull();
  });
});
