// A real Prometheus (Debian's package) scrapes the compiled server's /metrics with the token, as
// docs/deploy.md#monitoring configures it, and evaluates deploy/prometheus-rules.yml: the rules are
// valid (promtool), every rule evaluates without error on the scraped data, every series a rule
// uses is one the server serves on that database, and a scraper with another token gets nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { dropTarget, freePort, prepareTarget, signIn, startServer, uniqueName, type ChildServer, type Target } from '../../bench/child-server';
import { describeEachDatabase, postgresUrl } from '../server/support/databases';

const ROOT = path.resolve(__dirname, '../..');
const RULES = path.join(ROOT, 'deploy/prometheus-rules.yml');
const TOKEN = 'prometheus-test-token-0123456789abcdef0123456789';
/** Series of PostgreSQL's pool, absent on SQLite (and the other way round). */
const ONLY_ON = { postgres: ['cds_database_connections'], sqlite: ['cds_sqlite_commits_total', 'cds_sqlite_grouped_transactions_total'] };

type Rule = { alert: string; expr: string };
const rules = (): Rule[] => (YAML.parse(fs.readFileSync(RULES, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

/** The metric names an expression reads: identifiers followed by a selector or a range, minus PromQL's own words. */
function seriesOf(expr: string): string[] {
  const words = new Set(['sum', 'by', 'rate', 'histogram_quantile', 'min_over_time', 'max_over_time', 'and', 'or', 'unless', 'on', 'without']);
  const names = [...expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{[]/g)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !words.has(n) && n !== 'up'))];
}

/** Debian's prometheus package (prometheus and promtool): on CI its absence fails, elsewhere the suite is skipped loudly. */
const installed = ['prometheus', 'promtool'].every((tool) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0);
if (!installed && process.env.CI) {
  it('needs Prometheus – install the prometheus package', () => {
    throw new Error('prometheus or promtool not found on CI');
  });
} else if (!installed) {
  console.warn('\n*** Prometheus checks: SKIPPED – prometheus/promtool are not installed. Install the prometheus package to run them. ***\n');
}
const whenInstalled = installed ? describe : describe.skip;

whenInstalled('the alerting rules', () => it('promtool finds them valid', () => {
  const r = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  expect(`${r.stdout}${r.stderr}`).toMatch(/SUCCESS: \d+ rules found/);
  expect(r.status).toBe(0);
}));

whenInstalled('Prometheus', () => describeEachDatabase('scraping the server', (database) => {
  let target: Target;
  let server: ChildServer;
  let prometheus: ChildProcess;
  let promOut = '';
  let promUrl: string;
  let dir: string;

  const query = async (q: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> => {
    const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] }; error?: string };
    if (body.status !== 'success') throw new Error(`${q}: ${body.error}`);
    return body.data.result;
  };
  /** Polls until `check` holds (Prometheus scrapes and evaluates every second here). */
  const eventually = async <T>(what: string, get: () => Promise<T>, check: (v: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const v = await get().catch(() => undefined);
      if (v !== undefined && check(v)) return v;
      if (prometheus.exitCode !== null || Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(v)}\n${promOut}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prometheus-'));
    target = database.kind === 'sqlite'
      ? { kind: 'sqlite', dataDir: path.join(dir, 'data') }
      : { kind: 'postgres', url: postgresUrl as string, schema: uniqueName('prom') };
    await prepareTarget(target);
    server = await startServer(target, undefined, { METRICS_TOKEN: TOKEN });
    const address = new URL(server.url).host;
    fs.writeFileSync(path.join(dir, 'token'), TOKEN, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'wrong-token'), TOKEN.replace(/.$/, 'x'), { mode: 0o600 });
    // As docs/deploy.md#monitoring configures it, scraping every second for the test.
    const config = {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [RULES],
      scrape_configs: [
        { job_name: 'cds-reporting', authorization: { credentials_file: path.join(dir, 'token') }, static_configs: [{ targets: [address] }] },
        { job_name: 'another-token', authorization: { credentials_file: path.join(dir, 'wrong-token') }, static_configs: [{ targets: [address] }] },
      ],
    };
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), YAML.stringify(config));
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn('prometheus', [
      `--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    prometheus.stdout!.on('data', (d) => (promOut += d));
    prometheus.stderr!.on('data', (d) => (promOut += d));

    // Traffic for the series to exist: reports stored, a sign-in refused, a few reads.
    const token = await signIn(server.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bad = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'khong-co', password: 'sai mật khẩu rồi' }) });
    expect(bad.status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/api/plans`, { headers })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await new Promise((r) => prometheus.once('exit', r));
    }
    await server?.stop();
    if (target) await dropTarget(target);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes the instance with the token, and nothing with another one', async () => {
    const up = await eventually('both jobs scraped', () => query('up'), (r) => r.length === 2);
    const byJob = Object.fromEntries(up.map((r) => [r.metric.job, r.value[1]]));
    expect(byJob).toEqual({ 'cds-reporting': '1', 'another-token': '0' });
    expect(await query('count({job="another-token", __name__=~"http_.*|cds_.*|process_.*"})')).toEqual([]);
  }, 60_000);

  it('has every series the alerting rules read, on this database', async () => {
    await eventually('requests counted', () => query('http_request_duration_seconds_count{job="cds-reporting", route="/api/plans"}'), (r) => r.length === 1 && Number(r[0].value[1]) >= 3);
    const used = [...new Set(rules().flatMap((r) => seriesOf(r.expr)))];
    expect(used).toEqual(expect.arrayContaining(['http_request_duration_seconds_count', 'http_request_duration_seconds_bucket', 'nodejs_eventloop_lag_p99_seconds', 'cds_database_connections', 'cds_worker_tasks', 'process_resident_memory_bytes']));
    const other = database.kind === 'sqlite' ? ONLY_ON.postgres : ONLY_ON.sqlite;
    for (const name of used.filter((n) => !other.includes(n))) {
      expect([name, (await query(`count({job="cds-reporting", __name__="${name}"})`)).length]).toEqual([name, 1]);
    }
    for (const name of ONLY_ON[database.kind]) expect([name, (await query(`count(${name}{job="cds-reporting"})`)).length]).toEqual([name, 1]);
    // The refused sign-in, by its route and status, as CdsSignInFailures reads it.
    expect(await query('http_request_duration_seconds_count{job="cds-reporting", route="/api/auth/login", status_code="401"}')).toHaveLength(1);
  }, 60_000);

  it('evaluates every rule without an error, and none fires on a healthy server', async () => {
    type Rules = { data: { groups: { rules: { name: string; health: string; lastError?: string; state: string; lastEvaluation: string }[] }[] } };
    const evaluated = await eventually(
      'every rule evaluated',
      async () => ((await (await fetch(`${promUrl}/api/v1/rules`)).json()) as Rules).data.groups.flatMap((g) => g.rules),
      (list) => list.length === rules().length && list.every((r) => r.health !== 'unknown' && !r.lastEvaluation.startsWith('0001')),
    );
    expect(evaluated.map((r) => [r.name, r.health, r.lastError ?? ''])).toEqual(rules().map((r) => [r.alert, 'ok', '']));
    expect(evaluated.filter((r) => r.state !== 'inactive').map((r) => r.name)).toEqual([]);
  }, 60_000);
}));
