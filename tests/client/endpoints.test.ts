// The typed client: each function calls its endpoint's method and path (parameters encoded, query
// without undefined values), sends the body as JSON or the file as multipart, and every endpoint of
// the contract has a function.
import * as fs from 'node:fs';
import { createApiClient } from '../../src/client/api';
import * as endpoints from '../../src/client/endpoints';
import { API } from '../../src/core/api';

interface Seen { url: string; method: string; body: unknown }

function client(status = 200, answer: unknown = {}) {
  const seen: Seen[] = [];
  const api = createApiClient({
    baseUrl: 'https://srv', token: () => 't',
    fetch: (async (url: string, init: RequestInit) => {
      seen.push({ url, method: String(init.method), body: init.body });
      return new Response(JSON.stringify(answer), { status, headers: { 'content-disposition': 'attachment; filename="mau.xlsx"' } });
    }) as typeof fetch,
  });
  return { api, seen };
}

const HASH = 'a'.repeat(64);
const CASES: [string, (api: ReturnType<typeof client>['api']) => Promise<unknown>, string, string, unknown][] = [
  ['health', (a) => endpoints.health(a), 'GET', '/api/health', undefined],
  ['login', (a) => endpoints.login(a, { username: 'u', password: 'p' }), 'POST', '/api/auth/login', { username: 'u', password: 'p' }],
  ['plan', (a) => endpoints.plan(a, 'kế hoạch/1'), 'GET', '/api/plans/k%E1%BA%BF%20ho%E1%BA%A1ch%2F1', undefined],
  ['periods', (a) => endpoints.periods(a, 'p-1'), 'GET', '/api/periods?planId=p-1', undefined],
  ['listSubmissions', (a) => endpoints.listSubmissions(a, { unitId: 'so-a', kind: undefined }), 'GET', '/api/submissions?unitId=so-a', undefined],
  ['approve', (a) => endpoints.approve(a, 's1', { contentHash: HASH }), 'POST', '/api/submissions/s1/approve', { contentHash: HASH }],
  ['returnSubmission', (a) => endpoints.returnSubmission(a, 's1', { comment: 'Sửa' }), 'POST', '/api/submissions/s1/return', { comment: 'Sửa' }],
  ['consolidation', (a) => endpoints.consolidation(a, { planId: 'p', period: '2026-Q1', kind: 'tasks' }), 'GET', '/api/consolidation?planId=p&period=2026-Q1&kind=tasks&format=json', undefined],
  ['template', (a) => endpoints.template(a, 'tasks', { planId: 'p', unitId: 'u', period: '2026-Q1' }), 'GET', '/api/templates/tasks.xlsx?planId=p&unitId=u&period=2026-Q1', undefined],
  ['createUser', (a) => endpoints.createUser(a, { username: 'cb.a', displayName: 'A' }), 'POST', '/api/admin/users', { username: 'cb.a', displayName: 'A' }],
  ['resetPassword', (a) => endpoints.resetPassword(a, 'cb.a'), 'POST', '/api/admin/users/cb.a/password-reset', {}],
  ['grantRole', (a) => endpoints.grantRole(a, 'cb.a', { role: 'reporter', unitId: 'so-a' }), 'PUT', '/api/admin/users/cb.a/roles', { role: 'reporter', unitId: 'so-a' }],
  ['revokeRole', (a) => endpoints.revokeRole(a, 'cb.a', { role: 'admin' }), 'DELETE', '/api/admin/users/cb.a/roles?role=admin', undefined],
  ['importUnits', (a) => endpoints.importUnits(a, 'id,name', { dryRun: true }), 'POST', '/api/admin/units/import?dryRun=true', { csv: 'id,name' }],
  ['clearOverride', (a) => endpoints.clearOverride(a, 'p', { itemId: 'ct-01', unitId: 'u' }), 'DELETE', '/api/plans/p/assignment-overrides?itemId=ct-01&unitId=u', undefined],
  ['audit', (a) => endpoints.audit(a, { actor: 'cli:root', from: '2026-01-01', limit: 20 }), 'GET', '/api/audit?actor=cli%3Aroot&from=2026-01-01&limit=20', undefined],
];

it.each(CASES)('%s', async (_name, fn, method, path, body) => {
  const { api, seen } = client();
  await fn(api);
  expect(seen).toHaveLength(1);
  expect(seen[0].method).toBe(method);
  expect(seen[0].url).toBe(`https://srv${path}`);
  expect(seen[0].body === undefined ? undefined : JSON.parse(String(seen[0].body))).toEqual(body);
});

it('a file answer comes back as a Blob with its file name', async () => {
  const { api } = client();
  const file = await endpoints.template(api, 'indicators', { planId: 'p', unitId: 'u', period: '2026-Q1' });
  expect(file.blob).toBeInstanceOf(Blob);
  expect(file.fileName).toBe('mau.xlsx');
});

it('an upload is multipart, and a file with errors (422) is an answer, not a failure', async () => {
  const invalid = { status: 'invalid', message: 'Tệp có lỗi, chưa được lưu.', issues: [] };
  const { api, seen } = client(422, invalid);
  await expect(endpoints.importFile(api, new Blob(['x']), 'bao-cao.xlsx', { dryRun: 'false' })).resolves.toEqual(invalid);
  expect(seen[0].body).toBeInstanceOf(FormData);
  expect(seen[0].url).toBe('https://srv/api/imports?dryRun=false');
  const refused = client(403, { error: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' });
  await expect(endpoints.importFile(refused.api, new Blob(['x']), 'a.xlsx')).rejects.toMatchObject({ status: 403 });
});

it('every endpoint of the contract has a client function that uses it', () => {
  const source = fs.readFileSync(require.resolve('../../src/client/endpoints.ts'), 'utf8');
  const used = new Set([...source.matchAll(/API\.(\w+)/g)].map((m) => m[1]));
  expect(Object.keys(API).filter((name) => !used.has(name))).toEqual([]);
});
