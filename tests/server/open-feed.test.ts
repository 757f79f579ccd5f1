// The open feed for the IOC (docs/province-report.md): read with an administrator-issued API key
// (hashed, revocable, audited), approved reports only, ETag / If-None-Match, JSON and CSV, and
// the DHIS2 dataValueSet export. On every database.
import { parsePeriod } from '../../src/core/periods';
import { dhis2Period } from '../../src/server/open-feed';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';

const admin = as(principal('admin', null));
const FEED = `/api/open/v1/indicators?planId=${PLAN_ID}&period=2026-Q1`;

describeEachDatabase('the open feed', (database) => {
  let t: TestApp;
  let key: string;
  let keyId: string;
  beforeEach(async () => {
    t = await testApp(database);
    const issued = await t.app.inject({ method: 'POST', url: '/api/api-keys', headers: admin, payload: { name: 'IOC Nghệ An' } });
    expect(issued.statusCode).toBe(201);
    ({ key, id: keyId } = issued.json());
  });
  afterEach(async () => t.close());

  const feed = (headers: Record<string, string> = { 'x-api-key': key }, url = FEED) => t.app.inject({ method: 'GET', url, headers });
  const ct01 = async () => (await feed()).json().indicators.find((i: { id: string }) => i.id === 'ct-01');

  it('is read with an issued key only: none, a wrong one or a user’s sign-in is 401', async () => {
    expect((await feed({})).statusCode).toBe(401);
    expect((await feed({ 'x-api-key': `${key}x` })).statusCode).toBe(401);
    expect((await feed(as(principal('consolidator', null)))).statusCode).toBe(401);
    const res = await feed();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ schemaVersion: 1, planId: PLAN_ID, period: '2026-Q1', source: 'approvedReports' });
  });

  it('stores only the key’s hash, lists keys without them, and only an administrator issues or revokes', async () => {
    const rows = await t.db.kysely.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(key);
    expect((await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: admin })).json().keys).toEqual([expect.objectContaining({ id: keyId, name: 'IOC Nghệ An', revokedAt: null })]);
    for (const who of [as(principal('consolidator', null)), as(principal('approver', SKHCN))]) {
      expect((await t.app.inject({ method: 'POST', url: '/api/api-keys', headers: who, payload: { name: 'x' } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `/api/api-keys/${keyId}/revoke`, headers: who })).statusCode).toBe(403);
    }
  });

  it('counts approved reports only, and marks those the province accepted', async () => {
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SKHCN)), payload: indicatorReport() })).json();
    expect(await ct01()).toMatchObject({ value: null, reported: 0, accepted: 0 });
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(principal('approver', SKHCN)), payload: { contentHash: sent.contentHash } });
    expect(await ct01()).toMatchObject({ value: 72.5, valueText: '72,5%', reported: 1, expected: 1, provisional: false, accepted: 0 });
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/accept`, headers: as(principal('consolidator', null)), payload: { contentHash: sent.contentHash } });
    expect(await ct01()).toMatchObject({ accepted: 1 });
  });

  it('answers 304 to an unchanged ETag, and a new body when a report is approved', async () => {
    const first = await feed();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await feed({ 'x-api-key': key, 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SKHCN)), payload: indicatorReport() })).json();
    expect((await feed({ 'x-api-key': key, 'if-none-match': etag })).statusCode).toBe(304); // submitted, not approved: nothing changes
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(principal('approver', SKHCN)), payload: { contentHash: sent.contentHash } });
    const changed = await feed({ 'x-api-key': key, 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('gives the same figures as CSV with a header row', async () => {
    const res = await feed({ 'x-api-key': key }, `${FEED}&format=csv`);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,no,group,text,target,value,valueText,evaluation,evaluationLabel,reported,expected,provisional,accepted');
    expect(lines.length).toBe((await feed()).json().indicators.length + 1);
  });

  it('refuses a revoked key, and audits issuing and revoking without the key', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/api-keys/${keyId}/revoke`, headers: admin })).statusCode).toBe(200);
    expect((await feed()).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/api-keys/${keyId}/revoke`, headers: admin })).statusCode).toBe(404);
    const records = (await t.app.inject({ method: 'GET', url: '/api/audit?entity=apiKey', headers: admin })).json().records;
    expect(records.map((r: { action: string }) => r.action)).toEqual(['apiKey.revoke', 'apiKey.issue']);
    expect(JSON.stringify(records)).not.toContain(key);
  });

  it('exports approved unit values as a DHIS2 dataValueSet', async () => {
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SKHCN)), payload: indicatorReport() })).json();
    await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(principal('approver', SKHCN)), payload: { contentHash: sent.contentHash } });
    const res = await feed({ 'x-api-key': key }, `/api/open/v1/dataValueSets?planId=${PLAN_ID}&period=2026-Q1`);
    expect(res.statusCode).toBe(200);
    expect(res.json().dataValues).toEqual(expect.arrayContaining([
      { dataElement: 'ct-01', orgUnit: SKHCN, period: '2026Q1', value: '72.5' },
      { dataElement: 'ct-16', orgUnit: SKHCN, period: '2026Q1', value: '3.75' },
    ]));
    expect((await feed({}, `/api/open/v1/dataValueSets?planId=${PLAN_ID}&period=2026-Q1`)).statusCode).toBe(401);
  });
});

describe('DHIS2 period codes', () => {
  it.each([['2026-Q1', '2026Q1'], ['2026-H1', '2026S1'], ['2026-Y', '2026'], ['2027-Q3', '2027Q3'], ['2026-9M', null]])('%s → %s', (id, code) => {
    const p = parsePeriod(id);
    expect(p.ok && dhis2Period(p.value)).toBe(code);
  });
});
