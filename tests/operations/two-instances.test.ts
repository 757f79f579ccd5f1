// Two server processes on one PostgreSQL database, as behind a load balancer (docs/deploy.md#several-instances):
// a token signed by one is accepted by the other, a report sent through one is approved through
// the other, and both consolidate the same figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../../src/server/auth/passwords';
import { assignedIds } from '../../src/server/assignments';
import { defaultSeedsDir, loadCatalogues } from '../../src/server/catalogues';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { indicatorRows } from '../../src/server/demo';
import { effectiveAssignments } from '../../src/server/effective-assignments';
import { createUser, grant } from '../../src/server/repositories/users';
import { listUnits } from '../../src/server/repositories/units';
import { postgresUrl } from '../server/support/databases';

const ROOT = path.resolve(__dirname, '../..');
const BUILT = path.join(ROOT, '.cache', `two-instances-${process.pid}`);
const PASSWORD = 'Hai máy chủ một cơ sở dữ liệu!';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

(postgresUrl ? describe : describe.skip)('two instances on one PostgreSQL', () => {
  const schema = `t_two_${randomBytes(4).toString('hex')}`;
  const servers: ChildProcess[] = [];
  const bases = ['http://127.0.0.1:41221', 'http://127.0.0.1:41222'];
  const dataDirs: string[] = [];
  const output: string[] = ['', ''];

  beforeAll(async () => {
    const r = spawnSync(process.execPath, ['scripts/build-server.mjs', '--out', BUILT], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    await admin(`create schema ${schema}`);
    // The users, made before the servers start (the administrator's work).
    const db = connect({ databaseUrl: postgresUrl!, schema });
    await migrateToLatest(db);
    const hash = await hashPassword(PASSWORD);
    for (const [username, role, unit] of [['nv.khcn', 'reporter', 'so-khcn'], ['ld.khcn', 'approver', 'so-khcn'], ['th.tinh', 'consolidator', null]] as const) {
      if (unit) await db.kysely.insertInto('units').values({ id: unit, name: 'Sở Khoa học và Công nghệ', level: 'province', classes: '[]', source: 'catalogue', updated_at: new Date().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
      const user = await createUser(db.kysely, { username, passwordHash: hash }, 'test');
      if (!user.ok) throw new Error(user.message);
      const g = await grant(db.kysely, user.value.id, role, unit, 'test');
      if (!g.ok) throw new Error(g.message);
    }
    await db.close();

    const env = {
      ...process.env, HTTPS: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: postgresUrl!, DATABASE_SCHEMA: schema,
      AUTH_SECRET: randomBytes(48).toString('base64'), TEMPLATE_SECRET: randomBytes(48).toString('base64'),
    };
    for (const [i, base] of bases.entries()) {
      dataDirs.push(mkdtempSync(path.join(os.tmpdir(), `cds-two-${i}-`)));
      const child = spawn(process.execPath, [path.join(BUILT, 'server.js')], {
        cwd: ROOT,
        env: { ...env, PORT: new URL(base).port, DATA_DIR: dataDirs[i], DATABASE_APPLICATION_NAME: `cds-test-${i}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (output[i] += d));
      child.stderr!.on('data', (d) => (output[i] += d));
      servers.push(child);
    }
    for (const [i, base] of bases.entries()) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (servers[i].exitCode !== null) throw new Error(`instance ${i} exited:\n${output[i]}`);
        const ok = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`instance ${i} not ready:\n${output[i]}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => (s.exitCode !== null || s.signalCode !== null ? undefined : new Promise((r) => s.once('exit', r)))));
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    rmSync(BUILT, { recursive: true, force: true });
    await admin(`drop schema if exists ${schema} cascade`);
  });

  const login = async (base: string, username: string) => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${((await res.json()) as { token: string }).token}`, 'content-type': 'application/json' };
  };

  it('accepts on one instance the token signed by the other', async () => {
    const headers = await login(bases[0], 'nv.khcn');
    const me = await fetch(`${bases[1]}/api/auth/me`, { headers });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('"username":"nv.khcn"');
  });

  it('approves through one instance a report sent through the other, and both consolidate the same figures', async () => {
    const catalogue = [...loadCatalogues(defaultSeedsDir).catalogues.values()][0];
    const db = connect({ databaseUrl: postgresUrl!, schema });
    const assigned = assignedIds(await effectiveAssignments(db.kysely, catalogue, await listUnits(db.kysely)), 'indicators', 'so-khcn');
    await db.close();
    const period = `${catalogue.document.planYear}-Q1`;
    const body = { clientSubmissionId: randomUUID(), planId: catalogue.planId, unitId: 'so-khcn', period, kind: 'indicators', rows: indicatorRows(catalogue, assigned, period, 7) };

    const sent = await fetch(`${bases[0]}/api/submissions`, { method: 'POST', headers: await login(bases[0], 'nv.khcn'), body: JSON.stringify(body) });
    expect(sent.status).toBe(201);
    const { id, contentHash } = (await sent.json()) as { id: string; contentHash: string };

    const approved = await fetch(`${bases[1]}/api/submissions/${id}/approve`, { method: 'POST', headers: await login(bases[1], 'ld.khcn'), body: JSON.stringify({ contentHash, comment: 'Đồng ý' }) });
    expect(approved.status).toBe(200);
    // Approving again through the first instance: it sees the decision the second one stored.
    const again = await fetch(`${bases[0]}/api/submissions/${id}/approve`, { method: 'POST', headers: await login(bases[0], 'ld.khcn'), body: JSON.stringify({ contentHash }) });
    expect(again.status).toBe(409);

    const query = `planId=${encodeURIComponent(catalogue.planId)}&period=${period}&kind=indicators`;
    const [a, b] = await Promise.all(
      bases.map(async (base) => {
        const { generatedAt, ...figures } = (await (await fetch(`${base}/api/consolidation?${query}`, { headers: await login(base, 'th.tinh') })).json()) as Record<string, unknown>;
        expect(typeof generatedAt).toBe('string'); // the moment each instance answered
        return figures;
      }),
    );
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toContain('so-khcn');
  }, 120_000);

  it('throttles failed sign-ins spread over both instances together (the count is in the database)', async () => {
    const attempt = (base: string) =>
      fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ke.doan.mo', password: 'đoán sai lần nữa' }) });
    // Five failures for one account from one address, alternating instances: each instance alone saw at most three.
    for (let i = 0; i < 5; i++) expect((await attempt(bases[i % 2])).status).toBe(401);
    for (const base of bases) {
      const refused = await attempt(base);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  }, 60_000);
});
