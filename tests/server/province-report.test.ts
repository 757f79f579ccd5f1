// Sở KH&CN's consolidated report from the demo data (docs/province-report.md): the consolidator
// generates a snapshot (a revision; the same content is the same revision), the head of Sở KH&CN
// approves it bound to its content hash or returns it; roles and the audit trail, on every database.
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from './support/databases';
import { demoApp, type DemoApp } from './support/demo-app';

const PLAN = 'nghe-an-1174-2026';

describeEachDatabase('the consolidated report', (database) => {
  let d: DemoApp;
  let app: FastifyInstance;
  beforeEach(async () => {
    d = await demoApp(database);
    app = d.app;
  });
  afterEach(async () => d.close());

  const post = async (user: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: await d.as(user), payload });
  const get = async (user: string, url: string) => app.inject({ method: 'GET', url, headers: await d.as(user) });
  const generate = (period = '2026-Y', user = 'demo.tonghop', extra: object = {}) => post(user, '/api/province-reports', { planId: PLAN, period, ...extra });

  it('is a snapshot: generated once as revision 1, the same content again is the same revision', async () => {
    const first = await generate();
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ planId: PLAN, period: '2026-Y', status: 'draft', revision: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(body.content.reporting.indicators).toMatchObject({ received: 2 });
    expect(body.content.indicators).toHaveLength(51);
    expect(body.content.difficulties.length).toBeGreaterThan(0);
    expect(body.content.difficulties[0]).toMatchObject({ unit: 'Sở Khoa học và Công nghệ', text: expect.stringContaining('Kinh phí') });
    const again = await generate();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: body.id, revision: 1, contentHash: body.contentHash });
    // Other priorities are other content: revision 2.
    const edited = await generate('2026-Y', 'demo.tonghop', { priorities: ['Hoàn thành chỉ tiêu 1 trong quý tới.'] });
    expect(edited.json()).toMatchObject({ id: body.id, revision: 2 });
    expect(edited.json().content.priorities).toEqual(['Hoàn thành chỉ tiêu 1 trong quý tới.']);
  });

  it('is approved by the head of Sở KH&CN, bound to the content hash, and then locked', async () => {
    const r = (await generate()).json();
    expect((await post('demo.lanhdao', `/api/province-reports/${r.id}/approve`, { contentHash: 'c'.repeat(64) })).statusCode).toBe(409);
    expect((await post('demo.tonghop', `/api/province-reports/${r.id}/approve`, { contentHash: r.contentHash })).statusCode).toBe(403);
    expect((await post('demo.xa.lanhdao', `/api/province-reports/${r.id}/approve`, { contentHash: r.contentHash })).statusCode).toBe(403);
    const ok = await post('demo.lanhdao', `/api/province-reports/${r.id}/approve`, { contentHash: r.contentHash });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedRevision: 1, approvedHash: r.contentHash });
    const regenerate = await generate();
    expect(regenerate.statusCode).toBe(409);
    expect(regenerate.json().message).toMatch(/đã được phê duyệt/);
    const audit = (await get('demo.quantri', `/api/audit?entity=provinceReport&entityId=${r.id}`)).json().records;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['provinceReport.approve', 'provinceReport.create']);
    expect(audit[0]).toMatchObject({ after: { status: 'approved', revision: 1, contentHash: r.contentHash } });
  });

  it('returned with a comment, it is generated again as a new revision for approval', async () => {
    const r = (await generate()).json();
    expect((await post('demo.lanhdao', `/api/province-reports/${r.id}/return`, { comment: ' ' })).statusCode).toBe(400);
    const back = await post('demo.lanhdao', `/api/province-reports/${r.id}/return`, { comment: 'Bổ sung phân tích nguyên nhân chỉ tiêu chưa đạt.' });
    expect(back.json()).toMatchObject({ status: 'returned', comment: 'Bổ sung phân tích nguyên nhân chỉ tiêu chưa đạt.' });
    const again = await generate();
    expect(again.json()).toMatchObject({ status: 'draft', revision: 2 });
    expect((await get('demo.lanhdao', `/api/province-reports/${r.id}`)).json().revisions).toHaveLength(2);
  });

  it('is generated and read only by Sở KH&CN (province consolidator, its head) and the administrator', async () => {
    const r = (await generate()).json();
    for (const user of ['demo.chuyenvien', 'demo.xa', 'demo.xa.lanhdao', 'demo.theodoi']) {
      expect({ user, code: (await generate('2026-Y', user)).statusCode }).toEqual({ user, code: 403 });
      expect({ user, code: (await get(user, `/api/province-reports/${r.id}`)).statusCode }).toEqual({ user, code: 403 });
    }
    for (const user of ['demo.tonghop', 'demo.lanhdao', 'demo.quantri']) {
      expect({ user, code: (await get(user, `/api/province-reports/${r.id}/report.docx`)).statusCode }).toEqual({ user, code: 200 });
    }
    expect((await get('demo.tonghop', '/api/province-reports?planId=nghe-an-1174-2026')).json().reports).toHaveLength(1);
    expect((await generate('2026-Q5')).statusCode).toBe(400);
    expect((await generate('2026-Q2')).json().message).toMatch(/không có kỳ báo cáo Quý II/);
    expect((await post('demo.tonghop', '/api/province-reports', { planId: 'khac', period: '2026-Q1' })).statusCode).toBe(404);
  });
});
