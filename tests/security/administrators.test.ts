// Attack 6: an administrator with no unit role submitted and approved any unit's report, locking
// its period. Administration is not reporting: an administrator reads everything, but submits,
// approves or returns only where granted a role for that unit.
import type { Principal } from '../../src/server/auth/principal';
import { can } from '../../src/server/auth/roles';
import { testApp, type TestApp } from '../server/support/app';
import { SKHCN, SNV } from '../server/support/catalogue';
import { describeEachDatabase } from '../server/support/databases';
import { indicatorReport } from '../server/support/requests';
import { as, principal } from '../server/support/test-auth';
import { download, upload } from '../server/support/xlsx';

const admin = principal('admin', null);
const adminWhoReports: Principal = { ...admin, grants: [{ role: 'admin', unitId: null }, { role: 'reporter', unitId: SKHCN }, { role: 'approver', unitId: SKHCN }] };

describe('administrators in can()', () => {
  it.each(['submission.create', 'submission.approve', 'submission.return'] as const)('an administrator alone may not %s for any unit', (capability) => {
    for (const unitId of [SKHCN, SNV, 'xa-bat-ky']) {
      for (const kind of ['indicators', 'tasks'] as const) expect(can(admin, capability, { unitId, kind })).toBe(false);
    }
    expect(can(admin, capability)).toBe(false);
  });

  it.each(['submission.read', 'consolidation.read', 'audit.read', 'units.manage', 'users.manage'] as const)('an administrator still may %s everywhere', (capability) => {
    expect(can(admin, capability, { unitId: SNV, kind: 'tasks' })).toBe(true);
  });

  it('an administrator granted a unit role acts for that unit only', () => {
    expect(can(adminWhoReports, 'submission.create', { unitId: SKHCN })).toBe(true);
    expect(can(adminWhoReports, 'submission.approve', { unitId: SKHCN })).toBe(true);
    expect(can(adminWhoReports, 'submission.create', { unitId: SNV })).toBe(false);
  });
});

describeEachDatabase('administrators over HTTP', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  it('cannot submit, upload, approve or return a unit’s report, and nothing is written or locked', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(admin), payload: indicatorReport() })).statusCode).toBe(403);
    const template = (await download(t.app, 'indicators', SKHCN)).rawPayload;
    expect((await upload(t.app, template, as(admin))).statusCode).toBe(403);
    const clerk = as(principal('reporter', SKHCN));
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() })).json();
    const approve = await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(admin), payload: { contentHash: sent.contentHash } });
    expect(approve.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/return`, headers: as(admin), payload: { comment: 'Trả lại' } })).statusCode).toBe(403);
    // The period is not locked: the clerk can still send a new revision.
    const next = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ rows: [{ id: 'ct-01', value: '90%' }] }) });
    expect(next.statusCode).toBe(201);
    expect((await t.app.inject({ url: `/api/submissions/${sent.id}`, headers: as(admin) })).statusCode).toBe(200);
  });

  it('an administrator granted the approver role of the unit approves there', async () => {
    const sent = (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(adminWhoReports), payload: indicatorReport() })).json();
    const approve = await t.app.inject({ method: 'POST', url: `/api/submissions/${sent.id}/approve`, headers: as(adminWhoReports), payload: { contentHash: sent.contentHash } });
    expect(approve.statusCode).toBe(200);
  });
});
