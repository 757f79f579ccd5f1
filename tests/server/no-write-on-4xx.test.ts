// "Nothing is stored on any 4xx" (issue 3): every refused write leaves every table as it was – no
// submission, revision, decision, override or audit record – counted before and after, on each database.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

const clerk = as(principal('reporter', SKHCN));
const head = as(principal('approver', SKHCN));
const admin = as(principal('admin', null));
const TABLES = ['submissions', 'revisions', 'revision_cells', 'decisions', 'audit', 'assignment_overrides', 'units', 'users', 'user_roles'] as const;

interface Stored {
  readonly report: ReturnType<typeof indicatorReport>;
  readonly id: string;
  readonly contentHash: string;
}
type Send = (t: TestApp, s: Stored) => Promise<LightMyRequestResponse>;

const json = { ...clerk, 'content-type': 'application/json' };
const CASES: ReadonlyArray<readonly [string, number, Send, { approveFirst?: boolean }]> = [
  ['unknown field', 400, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: { ...indicatorReport(), extra: 1 } }), {}],
  ['malformed JSON', 400, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: json, payload: '{"a":' }), {}],
  ['not signed in', 401, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', payload: indicatorReport() }), {}],
  ['another unit', 403, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ unitId: SYT }) }), {}],
  ['same client id, other content', 409, (t, s) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: { ...s.report, rows: [{ id: 'ct-01', value: '50%' }] } }), {}],
  ['body over the limit', 413, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: json, payload: JSON.stringify({ ...indicatorReport(), note: 'x'.repeat(1024 * 1024 + 10) }) }), {}],
  ['not JSON', 415, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: { ...clerk, 'content-type': 'text/plain' }, payload: 'x' }), {}],
  ['invalid values', 422, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ rows: [{ id: 'ct-01', value: 'bảy mươi' }, { id: 'ct-16', numerator: 50, denominator: 40 }] }) }), {}],
  ['a row not assigned to the unit', 422, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ rows: [{ id: 'ct-01', value: '80%' }, { id: 'ct-05', value: 'Có' }] }) }), {}],
  ['a period already approved', 423, (t) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() }), { approveFirst: true }],
  ['approve with a stale hash', 409, (t, s) => t.app.inject({ method: 'POST', url: `/api/submissions/${s.id}/approve`, headers: head, payload: { contentHash: 'a'.repeat(64) } }), {}],
  ['approve by a clerk', 403, (t, s) => t.app.inject({ method: 'POST', url: `/api/submissions/${s.id}/approve`, headers: clerk, payload: { contentHash: s.contentHash } }), {}],
  ['approve an approved report again', 409, (t, s) => t.app.inject({ method: 'POST', url: `/api/submissions/${s.id}/approve`, headers: head, payload: { contentHash: s.contentHash } }), { approveFirst: true }],
  ['return without a comment', 400, (t, s) => t.app.inject({ method: 'POST', url: `/api/submissions/${s.id}/return`, headers: head, payload: {} }), {}],
  ['override by a clerk', 403, (t) => t.app.inject({ method: 'PUT', url: `/api/plans/${PLAN_ID}/assignment-overrides`, headers: clerk, payload: { itemId: 'ct-05', unitId: SKHCN, effect: 'include', reason: 'Thử' } }), {}],
  ['override without a reason', 400, (t) => t.app.inject({ method: 'PUT', url: `/api/plans/${PLAN_ID}/assignment-overrides`, headers: admin, payload: { itemId: 'ct-05', unitId: SKHCN, effect: 'include' } }), {}],
];

describeEachDatabase('nothing is stored on any 4xx', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      out[table] = Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    return out;
  };

  it.each(CASES)('%s → %i, every table unchanged', async (_name, status, send, options) => {
    const report = indicatorReport();
    const first = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: report });
    expect(first.statusCode).toBe(201);
    const stored: Stored = { report, id: first.json().id, contentHash: first.json().contentHash };
    if (options.approveFirst) {
      const approved = await t.app.inject({ method: 'POST', url: `/api/submissions/${stored.id}/approve`, headers: head, payload: { contentHash: stored.contentHash } });
      expect(approved.statusCode).toBe(200);
    }
    const before = await counts();
    const res = await send(t, stored);
    expect(res.statusCode).toBe(status);
    expect(await counts()).toEqual(before);
  });
});
