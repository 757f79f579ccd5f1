// Every role × own unit / other unit × every route, with the real sign-in (auth plugin, tokens,
// can()): a clerk of unit A can never write for unit B (docs/domain.md §5, phân cấp, phân quyền).
import { randomUUID } from 'node:crypto';
import { withAuthOptions } from '../../src/server/auth/plugin';
import { hashPassword } from '../../src/server/auth/passwords';
import type { SubmissionRequest } from '../../src/core/schemas';
import { createRevision } from '../../src/server/repositories/submissions';
import { storeSubmission } from '../../src/server/store-submission';
import { createUser, grant } from '../../src/server/repositories/users';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { download, multipartBody } from './support/xlsx';

type Who = 'anonymous' | 'reporter' | 'approver' | 'consolidator' | 'admin';
type Route =
  | 'health' | 'openapi' | 'authConfig' | 'me' | 'plans' | 'plan' | 'periods' | 'list' | 'create' | 'read' | 'report' | 'verification' | 'approve' | 'return'
  | 'consolidation' | 'template' | 'import' | 'overrides' | 'overridePut' | 'overrideDelete' | 'audit'
  | 'users' | 'userCreate' | 'userReset' | 'userGrant' | 'userRevoke' | 'userDisable' | 'userEnable' | 'units' | 'unitsImport';

const OWN = SKHCN; // the unit the reporter and the approver belong to
const OTHER = SYT;
const PASSWORD = 'Mat-khau-thu-nghiem-2026';

/** The expected status per route for each caller, on their own unit and on another unit. */
const EXPECTED: Record<Route, Record<Who, [own: number, other: number]>> = {
  health: { anonymous: [200, 200], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  openapi: { anonymous: [200, 200], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  authConfig: { anonymous: [200, 200], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  me: { anonymous: [401, 401], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  plans: { anonymous: [401, 401], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  plan: { anonymous: [401, 401], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  periods: { anonymous: [401, 401], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  list: { anonymous: [401, 401], reporter: [200, 200], approver: [200, 200], consolidator: [200, 200], admin: [200, 200] },
  create: { anonymous: [401, 401], reporter: [201, 403], approver: [403, 403], consolidator: [403, 403], admin: [403, 403] },
  read: { anonymous: [401, 401], reporter: [200, 403], approver: [200, 403], consolidator: [200, 200], admin: [200, 200] },
  report: { anonymous: [401, 401], reporter: [200, 403], approver: [200, 403], consolidator: [200, 200], admin: [200, 200] },
  verification: { anonymous: [401, 401], reporter: [200, 403], approver: [200, 403], consolidator: [200, 200], admin: [200, 200] },
  approve: { anonymous: [401, 401], reporter: [403, 403], approver: [200, 403], consolidator: [403, 403], admin: [403, 403] },
  return: { anonymous: [401, 401], reporter: [403, 403], approver: [200, 403], consolidator: [403, 403], admin: [403, 403] },
  consolidation: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [200, 200], admin: [200, 200] },
  template: { anonymous: [401, 401], reporter: [200, 403], approver: [200, 403], consolidator: [200, 200], admin: [200, 200] },
  import: { anonymous: [401, 401], reporter: [200, 403], approver: [403, 403], consolidator: [403, 403], admin: [403, 403] },
  overrides: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  overridePut: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  overrideDelete: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  audit: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  users: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  userCreate: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [201, 201] },
  userReset: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  userGrant: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  userRevoke: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  userDisable: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  userEnable: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  units: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
  unitsImport: { anonymous: [401, 401], reporter: [403, 403], approver: [403, 403], consolidator: [403, 403], admin: [200, 200] },
};

const CASES = (Object.keys(EXPECTED) as Route[]).flatMap((route) =>
  (Object.keys(EXPECTED[route]) as Who[]).flatMap((who) =>
    (['own', 'other'] as const).map((scope) => [route, who, scope, EXPECTED[route][who][scope === 'own' ? 0 : 1]] as const),
  ),
);

describeEachDatabase('authorization matrix', (database) => {
  let t: TestApp;
  const tokens = new Map<Who, string>();
  let n = 0;

  beforeAll(async () => {
    t = await testApp(database, { auth: withAuthOptions({ env: { AUTH_SECRET: 'matrix-test-secret-that-is-long-enough-123' } }) });
    const grants: Record<Exclude<Who, 'anonymous'>, string | null> = { reporter: OWN, approver: OWN, consolidator: null, admin: null };
    const hash = await hashPassword(PASSWORD);
    for (const [role, unitId] of Object.entries(grants)) {
      const user = await createUser(t.db.kysely, { username: `nd-${role}`, passwordHash: hash }, 'test');
      if (!user.ok) throw new Error(user.message);
      const g = await grant(t.db.kysely, user.value.id, role, unitId, 'test');
      if (!g.ok) throw new Error(g.message);
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nd-${role}`, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(login.body);
      tokens.set(role as Who, login.json().token);
    }
  });
  afterAll(async () => t.close());

  const adminHeaders = () => ({ authorization: `Bearer ${tokens.get('admin')}` });

  /** A pending submission of the unit, stored directly (each case gets its own period, so none is locked). */
  async function pending(unitId: string) {
    const period = `2026-Q${(n++ % 4) + 1}-${n}`;
    const outcome = await createRevision(t.db.kysely, {
      clientSubmissionId: randomUUID(), planId: PLAN_ID, unitId, period, kind: 'indicators', contentHash: 'f'.repeat(64),
      rows: '{"rows":[]}', cells: null, evaluations: [], warnings: [], late: false, userId: 'setup', now: new Date().toISOString(),
    });
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    return outcome.response;
  }

  /** A reporter of the unit, made by the administrator, for the routes about one user. */
  async function someone(unitId: string): Promise<string> {
    const username = `nd-dich-${n++}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: adminHeaders(), payload: { username, displayName: 'Người được quản trị', grants: [{ role: 'reporter', unitId }] } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return username;
  }

  it.each(CASES)('%s by %s on %s unit → %i', async (route, who, scope, expected) => {
    const unitId = scope === 'own' ? OWN : OTHER;
    const token = tokens.get(who);
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
    let res;
    switch (route) {
      case 'health': res = await get('/api/health'); break;
      case 'openapi': res = await get('/api/openapi.json'); break;
      case 'authConfig': res = await get('/api/auth/config'); break;
      case 'me': res = await get('/api/auth/me'); break;
      case 'plans': res = await get('/api/plans'); break;
      case 'plan': res = await get(`/api/plans/${PLAN_ID}`); break;
      case 'periods': res = await get(`/api/periods?planId=${PLAN_ID}`); break;
      case 'list': res = await get(`/api/submissions?unitId=${unitId}`); break;
      case 'create': {
        const rows = unitId === OWN ? indicatorReport().rows : [{ id: 'ct-16', numerator: 10, denominator: 20 }];
        res = await post('/api/submissions', indicatorReport({ unitId, rows, period: `2026-${['Q1', 'H1', '9M', 'Y'][n++ % 4]}` }));
        break;
      }
      case 'read': res = await get(`/api/submissions/${(await pending(unitId)).id}`); break;
      case 'report':
      case 'verification': {
        // A real report (the .docx reads its rows), stored directly for either unit (an administrator
        // does not submit for units); its verification code has the same reader as its .docx.
        const rows = unitId === OWN ? indicatorReport().rows : [{ id: 'ct-16', numerator: 10, denominator: 20 }];
        const stored = await storeSubmission(t.app, indicatorReport({ unitId, rows, period: `2026-${['Q1', 'H1', '9M', 'Y'][n++ % 4]}` }) as SubmissionRequest, 'setup');
        if (stored.kind !== 'created' && stored.kind !== 'replayed') throw new Error(stored.kind);
        res = await get(`/api/submissions/${stored.response.id}/${route === 'report' ? 'report.docx' : 'verification'}`);
        break;
      }
      case 'approve': {
        const s = await pending(unitId);
        res = await post(`/api/submissions/${s.id}/approve`, { contentHash: s.contentHash });
        break;
      }
      case 'return': res = await post(`/api/submissions/${(await pending(unitId)).id}/return`, { comment: 'Bổ sung số liệu' }); break;
      case 'consolidation': res = await get(`/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=indicators`); break;
      case 'template': res = await download(t.app, 'indicators', unitId, '2026-Q1', headers); break;
      case 'import': {
        const file = (await download(t.app, 'indicators', unitId, '2026-H1', adminHeaders())).rawPayload;
        const { payload, headers: multipart } = multipartBody(file);
        res = await t.app.inject({ method: 'POST', url: '/api/imports?dryRun=true', headers: { ...headers, ...multipart }, payload });
        break;
      }
      case 'overrides': res = await get(`/api/plans/${PLAN_ID}/assignment-overrides`); break;
      case 'overridePut': {
        const payload = { itemId: 'ct-05', unitId, effect: 'include', reason: 'Kiểm tra phân quyền' };
        res = await t.app.inject({ method: 'PUT', url: `/api/plans/${PLAN_ID}/assignment-overrides`, headers, payload });
        break;
      }
      case 'overrideDelete':
        res = await t.app.inject({ method: 'DELETE', url: `/api/plans/${PLAN_ID}/assignment-overrides?itemId=ct-05&unitId=${unitId}`, headers });
        break;
      case 'audit': res = await get('/api/audit'); break;
      case 'users': res = await get('/api/admin/users'); break;
      case 'userCreate': res = await post('/api/admin/users', { username: `nd-moi-${n++}`, displayName: 'Người mới', grants: [{ role: 'reporter', unitId }] }); break;
      case 'userReset': res = await post(`/api/admin/users/${await someone(unitId)}/password-reset`, {}); break;
      case 'userGrant': res = await t.app.inject({ method: 'PUT', url: `/api/admin/users/${await someone(unitId)}/roles`, headers, payload: { role: 'approver', unitId } }); break;
      case 'userRevoke': res = await t.app.inject({ method: 'DELETE', url: `/api/admin/users/${await someone(unitId)}/roles?role=reporter&unitId=${unitId}`, headers }); break;
      case 'userDisable': res = await post(`/api/admin/users/${await someone(unitId)}/disable`, {}); break;
      case 'userEnable': res = await post(`/api/admin/users/${await someone(unitId)}/enable`, {}); break;
      case 'units': res = await get('/api/admin/units'); break;
      case 'unitsImport': res = await post('/api/admin/units/import?dryRun=true', { csv: `id,name,level,classes\nxa-moi-${n++},Xã Mới,xã,cap-xa` }); break;
    }
    expect(`${route}/${who}/${scope}: ${res.statusCode}`).toBe(`${route}/${who}/${scope}: ${expected}`);
  });

  it('a list shows a clerk only the own unit’s submissions', async () => {
    await pending(OWN);
    await pending(OTHER);
    const res = await t.app.inject({ method: 'GET', url: '/api/submissions', headers: { authorization: `Bearer ${tokens.get('reporter')}` } });
    const units = new Set(res.json().submissions.map((s: { unitId: string }) => s.unitId));
    expect([...units]).toEqual([OWN]);
  });
});
