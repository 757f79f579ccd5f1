// Proves the compiled server runs on production dependencies alone: copies what a release holds
// (package.json, package-lock.json, seeds/, the compiled dist/ – compiled here when missing) into
// a temporary directory, installs with `npm ci --omit=dev`, starts `node dist/server/server.js`
// and checks /api/health and /api/health/ready, then downloads a consolidation .xlsx (drawn in a
// worker thread, whose bundle must run on production dependencies too). No tsx, TypeScript or
// webpack is present there, so any run-time use of a devDependency fails the start. Run by tests/operations/production.test.ts
// and by .ci/run; `node scripts/check-production.mjs [port]` by hand.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from './node-flags.js';
import { buildServer } from './build-server.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DEV_ONLY = ['tsx', 'typescript', 'webpack', 'esbuild', 'jest', 'ts-jest', 'eslint', 'office-addin-dev-certs'];

async function waitFor(url, child, output, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      return { status: res.status, body: await res.json() };
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url}:\n${output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * The work done in worker threads runs from the compiled bundle too (dist/server/xlsx-worker.js, no
 * tsx): signs in as the first-start administrator (its one-time password is printed once), sets a
 * password, and downloads a consolidation .xlsx, which is drawn in a worker thread.
 */
async function checkExport(base, output) {
  const oneTime = /Mật khẩu dùng một lần: (\S+)/.exec(output())?.[1];
  if (!oneTime) throw new Error(`no one-time administrator password printed:\n${output()}`);
  const post = async (path, body, token) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const first = await post('/api/auth/login', { username: 'admin', password: oneTime });
  const session = await post('/api/auth/password', { currentPassword: oneTime, newPassword: `Kiem-tra-ban-phat-hanh-${Date.now()}!` }, first.token);
  const { planId } = JSON.parse(readFileSync(join(ROOT, 'seeds', 'nghe-an-1174-2026.json'), 'utf8'));
  const res = await fetch(`${base}/api/consolidation?planId=${planId}&period=2026-Q1&kind=indicators&format=xlsx`, { headers: { authorization: `Bearer ${session.token}` } });
  const file = new Uint8Array(await res.arrayBuffer());
  const zip = file[0] === 0x50 && file[1] === 0x4b; // "PK": an .xlsx is a zip package
  if (res.status !== 200 || !zip) throw new Error(`consolidation .xlsx: ${res.status}, ${file.length} bytes, not a zip\n${output()}`);
  return `consolidation .xlsx drawn in a worker thread: ${res.status}, ${file.length} bytes`;
}

/**
 * The production install for this lock file, Node version and platform, kept in .cache/ after the
 * first run: CI runs this check and then the test suite runs it again, and the install (a native
 * build of better-sqlite3 where no prebuilt binary can be downloaded) was two of its minutes. The
 * same lock file gives the same tree, so the second run proves the same thing.
 */
function installKey() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(ROOT, file)));
  hash.update(`${process.version} ${process.platform} ${process.arch}`);
  return hash.digest('hex').slice(0, 16);
}

function productionInstall(dir, log) {
  const cached = join(ROOT, '.cache', 'production-install', installKey());
  if (existsSync(join(cached, 'node_modules'))) {
    log(`production dependencies from ${cached} (npm ci --omit=dev, same lock file and Node)`);
    symlinkSync(join(cached, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return;
  }
  log(`npm ci --omit=dev in ${dir}`);
  const npm = spawnSync('npm', ['ci', '--omit=dev', '--strict-allow-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  if (npm.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${npm.stderr}`);
  // Kept for the next run: copied whole, then renamed into place, so a half-copied tree is never used.
  const partial = `${cached}.partial-${process.pid}`;
  try {
    cpSync(join(dir, 'node_modules'), join(partial, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    mkdirSync(join(cached, '..'), { recursive: true });
    renameSync(partial, cached);
  } catch (error) {
    log(`the install is not kept for the next run: ${error.message}`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

export async function checkProduction({ port = 41290, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cds-production-'));
  try {
    for (const file of ['package.json', 'package-lock.json', 'seeds']) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
    if (['server.js', 'xlsx-worker.js'].every((f) => existsSync(join(ROOT, 'dist', 'server', f)))) cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    else await buildServer(join(dir, 'dist', 'server'));
    productionInstall(dir, log);
    const present = DEV_ONLY.filter((name) => existsSync(join(dir, 'node_modules', name)));
    if (present.length > 0) throw new Error(`development packages installed in production: ${present.join(', ')}`);

    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HTTPS: '0', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/server/server.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor(`${base}/api/health`, child, () => out);
      const ready = await waitFor(`${base}/api/health/ready`, child, () => out);
      if (health.status !== 200 || ready.status !== 200) throw new Error(`health ${health.status}, ready ${ready.status}:\n${out}`);
      log(`compiled server on production dependencies: /api/health ${health.status}, /api/health/ready ${ready.status} (${ready.body.database})`);
      log(await checkExport(base, () => out));
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the server exited with ${code} after SIGTERM:\n${out}`);
      return { health: health.body, ready: ready.body, output: out };
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await checkProduction({ port: Number(process.argv[2]) || 41290 }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
