// The reporting server as a child process on loopback (plain HTTP), for the crash test and the
// benchmark: the database is prepared beforehand with one signed-in user who may submit anywhere.
// The child runs the server compiled by scripts/build-server.mjs with plain node, as production
// does (npm start, dist/server): a TypeScript loader in the process would be measured too.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { NODE_FLAGS } from '../scripts/node-flags';
import { hashPassword } from '../src/server/auth/passwords';
import { sessionStamp } from '../src/server/auth/sessions';
import { signToken } from '../src/server/auth/tokens';
import { connect, type Db } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { createUser, findByUsername, grant } from '../src/server/repositories/users';
import { syncCatalogueUnits } from '../src/server/repositories/units';
import type { Catalogue } from '../src/core/catalogue-types';

const ROOT = path.resolve(__dirname, '..');
export const BENCH_USER = 'bench.admin';
export const BENCH_PASSWORD = 'Bench-password-2026!';
/** The child's AUTH_SECRET (startServer), so the bench can hand its clerks their tokens without signing each in. */
const AUTH_SECRET = 'child-server-secret-long-enough-0123456789';

export type Target = { readonly kind: 'sqlite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Opens the target's database (the schema is created on PostgreSQL). */
export async function openTarget(target: Target): Promise<Db> {
  if (target.kind === 'sqlite') return connect({ sqliteFile: path.join(target.dataDir, 'reporting.sqlite') });
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(`create schema if not exists ${target.schema}`);
  await client.end();
  return connect({ databaseUrl: target.url, schema: target.schema });
}

export async function dropTarget(target: Target): Promise<void> {
  if (target.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(`drop schema if exists ${target.schema} cascade`);
  await client.end();
}

/** Migrates the database and adds the bench user: an administrator who is also the reporter of every
 * unit of the plan (administration alone does not submit), and of `extraUnits` once they exist. */
export async function prepareTarget(target: Target): Promise<void> {
  const db = await openTarget(target);
  try {
    await migrateToLatest(db);
    await syncCatalogueUnits(db.kysely, seedCatalogue(), new Date().toISOString());
    const user = await createUser(db.kysely, { username: BENCH_USER, passwordHash: await hashPassword(BENCH_PASSWORD) }, 'bench');
    if (!user.ok) throw new Error(user.message);
    const granted = await grant(db.kysely, user.value.id, 'admin', null, 'bench');
    if (!granted.ok) throw new Error(granted.message);
    await grantReporterEverywhere(db);
  } finally {
    await db.close();
  }
}

/** The bench user becomes the reporter of every unit in the directory (after a CSV import, say). */
export async function grantReporterEverywhere(db: Db): Promise<void> {
  const user = await findByUsername(db.kysely, BENCH_USER);
  if (!user) throw new Error('bench user missing');
  for (const unit of await db.kysely.selectFrom('units').select('id').execute()) {
    const r = await grant(db.kysely, user.id, 'reporter', unit.id, 'bench');
    if (!r.ok) throw new Error(r.message);
  }
}

/**
 * One clerk per unit (bench.clerk.<n>, the reporter of that unit only, as in the province) and the
 * token each would get from POST /api/auth/login: the same claims, signed with the child's secret
 * (signing in 160 times would only measure scrypt). Returns unit id → token.
 */
export async function clerkTokens(db: Db, unitIds: readonly string[]): Promise<Map<string, string>> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const tokens = new Map<string, string>();
  for (const [n, unitId] of unitIds.entries()) {
    const user = await createUser(db.kysely, { username: `bench.clerk.${n}`, passwordHash }, 'bench');
    if (!user.ok) throw new Error(user.message);
    const granted = await grant(db.kysely, user.value.id, 'reporter', unitId, 'bench');
    if (!granted.ok) throw new Error(granted.message);
    tokens.set(unitId, (await signToken(Buffer.from(AUTH_SECRET, 'utf8'), { sub: user.value.id, pwd: sessionStamp(user.value) })).token);
  }
  return tokens;
}

const seedCatalogue = (): Catalogue => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;

export interface ChildServer {
  readonly url: string;
  readonly process: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a power cut of the process. */
  kill9(): Promise<void>;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
}

let compiled: string | undefined;

/** The server compiled once per process into .cache/child-server-<pid>/ (esbuild, under a second), removed at exit. */
export function compiledServer(): string {
  if (compiled) return compiled;
  // Another build of the server (an older commit's, to compare): BENCH_SERVER=/path/to/server.js.
  if (process.env.BENCH_SERVER) return (compiled = path.resolve(process.env.BENCH_SERVER));
  const dir = path.join(ROOT, '.cache', `child-server-${process.pid}`);
  // BENCH_WITHOUT=domain,store: a measuring build with those parts of a submission taken out (bench/build-without.mjs).
  const without = process.env.BENCH_WITHOUT;
  if (without && process.env.JEST_WORKER_ID) throw new Error('BENCH_WITHOUT is set: the tests need the whole server (unset it)');
  const r = without
    ? spawnSync(process.execPath, ['bench/build-without.mjs', dir, without], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, ['scripts/build-server.mjs', '--out', dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the server does not compile: ${r.stderr}`);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  compiled = path.join(dir, 'server.js');
  return compiled;
}

/**
 * Starts the compiled server. `nodeArgs` go to node before the entry (BENCH_NODE_ARGS in the bench:
 * `--cpu-prof --cpu-prof-dir=…` profiles the server under load).
 */
export async function startServer(target: Target, port?: number, extraEnv: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<ChildServer> {
  const p = port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HTTPS: '0', PORT: String(p), HOST: '127.0.0.1', LOG_LEVEL: 'error',
    AUTH_SECRET,
    TEMPLATE_SECRET: 'child-server-template-secret-long-enough-0123',
    DATA_DIR: target.kind === 'sqlite' ? target.dataDir : path.join(ROOT, 'data-bench'),
    DATABASE_URL: target.kind === 'postgres' ? target.url : '',
    DATABASE_SCHEMA: target.kind === 'postgres' ? target.schema : '',
    ...extraEnv,
  };
  // As production starts it (scripts/node-flags.js), then the bench's own (profiling).
  const child = spawn(process.execPath, [...NODE_FLAGS, ...nodeArgs, compiledServer()], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => out,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
