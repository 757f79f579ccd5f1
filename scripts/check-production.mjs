// Proves the compiled server runs on production dependencies alone: copies what a release holds
// (package.json, package-lock.json, seeds/, the compiled dist/ – compiled here when missing) into
// a temporary directory, installs with `npm ci --omit=dev`, starts `node dist/server/server.js`
// and checks /api/health and /api/health/ready. No tsx, TypeScript or webpack is present there,
// so any run-time use of a devDependency fails the start. Run by tests/server/production.test.ts
// and by .ci/run; `node scripts/check-production.mjs [port]` by hand.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export async function checkProduction({ port = 41290, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cds-production-'));
  try {
    for (const file of ['package.json', 'package-lock.json', 'seeds']) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
    if (existsSync(join(ROOT, 'dist', 'server', 'server.js'))) cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    else await buildServer(join(dir, 'dist', 'server'));
    log(`npm ci --omit=dev in ${dir}`);
    const npm = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
    if (npm.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${npm.stderr}`);
    const present = DEV_ONLY.filter((name) => existsSync(join(dir, 'node_modules', name)));
    if (present.length > 0) throw new Error(`development packages installed in production: ${present.join(', ')}`);

    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HTTPS: '0', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, ['dist/server/server.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const base = `http://127.0.0.1:${port}`;
      const health = await waitFor(`${base}/api/health`, child, () => out);
      const ready = await waitFor(`${base}/api/health/ready`, child, () => out);
      if (health.status !== 200 || ready.status !== 200) throw new Error(`health ${health.status}, ready ${ready.status}:\n${out}`);
      log(`compiled server on production dependencies: /api/health ${health.status}, /api/health/ready ${ready.status} (${ready.body.database})`);
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
