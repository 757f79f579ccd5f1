// GET /metrics (docs/deploy.md "Monitoring"): off unless METRICS_TOKEN is set; then only that bearer
// token reads it; the figures count what happened (requests by route template and status, reports
// by kind and outcome, the database's pool or group commits), and no label names a user, a unit or
// an id taken from a URL.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN, SNV } from './support/catalogue';
import { describeEachDatabase, sqliteTestDatabase } from './support/databases';
import { indicatorReport, taskReport } from './support/requests';
import { as, principal } from './support/test-auth';
import { ConfigError, loadConfig } from '../../src/server/config';

const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';
const clerk = as(principal('reporter', SKHCN));
const taskClerk = as(principal('reporter', SNV));

/** The value of one series in Prometheus' text format (0 when absent: a counter not yet incremented). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = new Map([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (want.every(([k, v]) => has.get(k) === v)) return Number(m[3]);
  }
  return 0;
}

describe('without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(sqliteTestDatabase);
  });
  afterAll(async () => t.close());

  it('has no /metrics at all, with or without a token', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/process_cpu|http_request/);
    }
  });

  it('still stores reports (the counters are a no-op)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() })).statusCode).toBe(201);
  });
});

describe('METRICS_TOKEN in the configuration', () => {
  it.each([
    ['too short', 'short-token'],
    ['with a space', `${TOKEN} ${TOKEN}`],
  ])('is refused when %s', (_why, token) => {
    expect(() => loadConfig({ METRICS_TOKEN: token })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: token })).toThrow(/METRICS_TOKEN/);
  });

  it('is optional, and taken as given', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: ` ${TOKEN} ` }).metricsToken).toBe(TOKEN);
  });
});

describeEachDatabase('GET /metrics', (database) => {
  let t: TestApp;
  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  beforeEach(async () => {
    t = await testApp(database, { env: { METRICS_TOKEN: TOKEN } });
  });
  afterEach(async () => t.close());

  it.each([
    ['no token', {}],
    ['another token', { authorization: `Bearer ${TOKEN.replace(/.$/, 'x')}` }],
    ['the token without Bearer', { authorization: TOKEN }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['a session cookie instead', { cookie: 'session=x', ...clerk }],
  ])('refuses a scrape with %s: 401 in Vietnamese, no figures', async (_why, headers) => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/giám sát/) });
    expect(res.body).not.toMatch(/process_cpu|http_request/);
  });

  it("serves Prometheus' text format: the runtime's figures and the build", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(res.body).toMatch(new RegExp(`^${name} `, 'm'));
    }
    expect(sample(res.body, 'cds_build_info', { node: process.version, database: database.kind })).toBe(1);
    expect(res.body).toMatch(/cds_build_info\{version="\d+\.\d+\.\d+"/);
    // The workbook pools, started lazily: no thread and nothing waiting yet.
    expect(sample(res.body, 'cds_worker_tasks', { pool: 'exports', state: 'waiting' })).toBe(0);
  });

  it('counts requests by method, route template and status, never by the URL itself, and leaves its own scrapes out', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/health' });
    const created = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    await t.app.inject({ method: 'GET', url: `/api/submissions/${id}`, headers: clerk });
    await t.app.inject({ method: 'GET', url: '/api/submissions/khong-co-bao-cao-nay', headers: clerk });
    await t.app.inject({ method: 'GET', url: '/api/khong-co-duong-dan-nay/so-khoa-hoc-va-cong-nghe' });
    const after = await scrape();
    const count = (labels: Record<string, string>) => sample(after, 'http_request_duration_seconds_count', labels) - sample(before, 'http_request_duration_seconds_count', labels);

    expect(count({ method: 'GET', route: '/api/health', status_code: '200' })).toBe(3);
    expect(count({ method: 'POST', route: '/api/submissions', status_code: '201' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/submissions/:id', status_code: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/submissions/:id', status_code: '404' })).toBe(1);
    expect(count({ method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(count({ route: '/metrics' })).toBe(0);
    // The time is counted in seconds, in the buckets.
    expect(sample(after, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/api/health', status_code: '200', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    // Nothing of the URLs, the user or the unit reaches a label.
    for (const secret of [id, 'khong-co-bao-cao-nay', 'khong-co-duong-dan-nay', SKHCN, 'reporter-']) expect(after).not.toContain(secret);
  });

  it('counts reports by kind and outcome: stored, sent again, refused', async () => {
    const report = indicatorReport();
    const statuses = [
      (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: report })).statusCode,
      (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: report })).statusCode,
      (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: { ...report, rows: [{ id: 'ct-01', value: '50%' }] } })).statusCode,
      (await t.app.inject({ method: 'POST', url: '/api/submissions', headers: taskClerk, payload: taskReport(SNV) })).statusCode,
    ];
    expect(statuses).toEqual([201, 200, 409, 201]);
    const invalid = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ rows: [{ id: 'ct-01', value: 'nhiều lắm' }] }) });
    expect(invalid.statusCode).toBe(422);
    const text = await scrape();
    expect(sample(text, 'cds_submissions_total', { kind: 'indicators', outcome: 'created' })).toBe(1);
    expect(sample(text, 'cds_submissions_total', { kind: 'indicators', outcome: 'replayed' })).toBe(1);
    expect(sample(text, 'cds_submissions_total', { kind: 'indicators', outcome: 'conflict' })).toBe(1);
    expect(sample(text, 'cds_submissions_total', { kind: 'indicators', outcome: 'invalid' })).toBe(1);
    expect(sample(text, 'cds_submissions_total', { kind: 'tasks', outcome: 'created' })).toBe(1);
  });

  it("shows the database's own figures", async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', headers: taskClerk, payload: taskReport(SNV) })).statusCode).toBe(201);
    const text = await scrape();
    if (database.kind === 'postgres') {
      expect(sample(text, 'cds_database_connections', { state: 'open' })).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^cds_database_connections\{state="waiting"\} \d+$/m);
      expect(text).not.toMatch(/cds_sqlite_/);
    } else {
      expect(sample(text, 'cds_sqlite_grouped_transactions_total')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'cds_sqlite_commits_total')).toBeGreaterThanOrEqual(1);
      expect(text).not.toMatch(/cds_database_connections/);
    }
  });
});
