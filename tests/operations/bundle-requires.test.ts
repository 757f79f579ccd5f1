// The compiled server runs on Node 22 and 24 alike (engines: 22.12 or later; production images run
// 24). Node loads an ES module through require() only from 22.12 (20.19) on, and only when nothing
// in it awaits at the top level: jose and kysely 0.29 are ES modules only, so the bundle carries
// them (scripts/build-server.mjs). Here every package the compiled files still require() is loaded
// with that ability switched off – a dependency that turns ES-only, left outside the bundle, fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The packages (not node's own, not files) that a compiled file require()s. */
function requiredPackages(code: string): string[] {
  const found = new Set<string>();
  for (const [, spec] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    found.add(spec);
  }
  return [...found];
}

describe('the compiled server require()s only what CommonJS can load', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-requires-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds, and every package its files require() loads without require(esm)', () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--out', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status).toBe(0);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['server.js', 'xlsx-worker.js', 'admin-cli.js']));
    const packages = [...new Set(files.flatMap((f) => requiredPackages(fs.readFileSync(path.join(dir, f), 'utf8'))))].sort();
    // The server's own runtime dependencies are among them (the check reads the real bundle).
    expect(packages).toEqual(expect.arrayContaining(['better-sqlite3', 'fastify', 'pg']));
    expect(packages).not.toContain('kysely');
    expect(packages).not.toContain('jose');
    const script = `const failed = [];
for (const p of ${JSON.stringify(packages)}) { try { require(p); } catch (e) { failed.push(p + ': ' + (e.code || e.message)); } }
console.log(JSON.stringify(failed));`;
    const r = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('would catch an ES-only package left outside the bundle', () => {
    const r = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', "try { require('kysely'); console.log('loaded') } catch (e) { console.log(e.code) }"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('ERR_REQUIRE_ESM');
  });
});
