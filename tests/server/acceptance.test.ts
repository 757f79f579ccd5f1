// Acceptance at the province (docs/province-report.md): the consolidator accepts a unit's approved
// report bound to its content hash, or sends it back with a reason (the report reopens, the unit can
// correct it, the consolidation marks it); an administrator can reopen too. On every database,
// with the audit trail.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, SNV, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport, taskReport } from './support/requests';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));
const province = as(principal('consolidator', null));
const admin = as(principal('admin', null));
const REASON = 'Chỉ tiêu 1: thiếu số liệu minh chứng, đề nghị bổ sung.';

describeEachDatabase('acceptance at the province', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  /** A report submitted by the clerk and approved by the head: what the province receives. */
  async function approved(body: Record<string, unknown> = indicatorReport(), by = head) {
    const sent = (await inject('POST', '/api/submissions', as(principal('reporter', body.unitId as string)), body)).json();
    const res = await inject('POST', `/api/submissions/${sent.id}/approve`, by, { contentHash: sent.contentHash });
    expect(res.statusCode).toBe(200);
    return sent as { id: string; contentHash: string; revision: number };
  }

  const unitOf = async (period = '2026-Q1') =>
    (await inject('GET', `/api/consolidation?planId=${PLAN_ID}&period=${period}&kind=indicators`, province)).json()
      .units.find((u: { unitId: string }) => u.unitId === SKHCN);

  it('accepts an approved report bound to its content hash, and the consolidation marks it', async () => {
    const r = await approved();
    const stale = await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: 'b'.repeat(64) });
    expect(stale.statusCode).toBe(409);
    expect((await unitOf()).provinceState).toBeNull();
    const ok = await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: r.contentHash });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', provinceState: 'accepted', revision: 1, contentHash: r.contentHash });
    expect(await unitOf()).toMatchObject({ status: 'approved', provinceState: 'accepted' });
    const twice = await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: r.contentHash });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/đã được tiếp nhận/);
  });

  it('refuses to accept or send back a report the head has not approved (409), storing nothing', async () => {
    const sent = (await inject('POST', '/api/submissions', clerk, indicatorReport())).json();
    const decisionsBefore = await count('decisions');
    const accept = await inject('POST', `/api/submissions/${sent.id}/accept`, province, { contentHash: sent.contentHash });
    const reopen = await inject('POST', `/api/submissions/${sent.id}/reopen`, province, { reason: REASON });
    expect([accept.statusCode, reopen.statusCode]).toEqual([409, 409]);
    expect(accept.json().message).toMatch(/chưa được lãnh đạo đơn vị phê duyệt/);
    expect(await count('decisions')).toBe(decisionsBefore);
  });

  it('sends an approved report back with a reason: reopened, the unit reads why and can submit a correction', async () => {
    const r = await approved();
    const noReason = await inject('POST', `/api/submissions/${r.id}/reopen`, province, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    const res = await inject('POST', `/api/submissions/${r.id}/reopen`, province, { reason: REASON });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', provinceState: 'reopened' });
    // The unit (clerk) sees the reason among the decisions of the revision it sent.
    const detail = (await inject('GET', `/api/submissions/${r.id}`, clerk)).json();
    expect(detail.status).toBe('returned');
    expect(detail.decisions.at(-1)).toMatchObject({ action: 'reopen', revision: 1, comment: REASON });
    expect(await unitOf()).toMatchObject({ status: 'returned', provinceState: 'reopened' });
    // The clerk's correction is accepted as revision 2, approved again, then accepted by the province.
    const fixed = (await inject('POST', '/api/submissions', clerk, indicatorReport({ rows: [{ id: 'ct-01', value: '75%' }] }))).json();
    expect(fixed.revision).toBe(2);
    await inject('POST', `/api/submissions/${r.id}/approve`, head, { contentHash: fixed.contentHash });
    expect(await unitOf()).toMatchObject({ status: 'approved', provinceState: 'reopened', revision: 2 });
    const accepted = await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: fixed.contentHash });
    expect(accepted.json()).toMatchObject({ provinceState: 'accepted', revision: 2 });
  });

  it('lets an administrator reopen an accepted report with a reason', async () => {
    const r = await approved();
    await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: r.contentHash });
    const res = await inject('POST', `/api/submissions/${r.id}/reopen`, admin, { reason: 'Đơn vị đề nghị mở lại để sửa số liệu.' });
    expect(res.statusCode).toBe(200);
    expect(await unitOf()).toMatchObject({ status: 'returned', provinceState: 'reopened' });
  });

  it.each([
    ['the unit’s clerk', clerk],
    ['the unit’s head', head],
    ['another unit’s head', as(principal('approver', SYT))],
    ['a monitoring agency, for an indicator report', as(principal('consolidator', SNV))],
  ])('refuses %s (403)', async (_who, who) => {
    const r = await approved();
    expect((await inject('POST', `/api/submissions/${r.id}/accept`, who, { contentHash: r.contentHash })).statusCode).toBe(403);
    expect((await inject('POST', `/api/submissions/${r.id}/reopen`, who, { reason: REASON })).statusCode).toBe(403);
  });

  it('lets a monitoring agency send back, but not accept, the task reports of the tasks it monitors (it reads only those)', async () => {
    const r = await approved(taskReport(SKHCN));
    const agency = as(principal('consolidator', SNV));
    expect((await inject('POST', `/api/submissions/${r.id}/accept`, agency, { contentHash: r.contentHash })).statusCode).toBe(403);
    expect((await inject('GET', `/api/submissions/${r.id}`, province)).json()).toMatchObject({ status: 'approved', revision: r.revision });
    const res = await inject('POST', `/api/submissions/${r.id}/reopen`, agency, { reason: REASON });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', provinceState: 'reopened' });
  });

  it('answers 404 for an unknown report', async () => {
    expect((await inject('POST', '/api/submissions/nope/accept', province, { contentHash: 'a'.repeat(64) })).statusCode).toBe(404);
  });

  it('records acceptance and reopening in the audit trail with before, after and reason', async () => {
    const r = await approved();
    await inject('POST', `/api/submissions/${r.id}/accept`, province, { contentHash: r.contentHash });
    await inject('POST', `/api/submissions/${r.id}/reopen`, admin, { reason: REASON });
    const [reopen, accept] = (await inject('GET', '/api/audit?entity=submission', admin)).json().records;
    expect(accept).toMatchObject({
      action: 'submission.accept', userId: 'consolidator-tinh', entityId: r.id,
      before: { status: 'approved', provinceState: null }, after: { status: 'approved', provinceState: 'accepted', contentHash: r.contentHash },
    });
    expect(reopen).toMatchObject({
      action: 'submission.reopen', userId: 'admin-tinh', entityId: r.id,
      before: { status: 'approved', provinceState: 'accepted' }, after: { status: 'returned', provinceState: 'reopened', reason: REASON, as: 'admin' },
    });
  });

  const count = async (table: 'decisions' | 'audit') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
});
