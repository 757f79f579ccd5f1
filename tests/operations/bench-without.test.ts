// bench:server's measuring builds (BENCH_WITHOUT, bench/build-without.mjs) replace lines of
// store-submission.ts by text. If the source moves on, the build must fail rather than quietly
// measure the whole server under a "without" label: here the lines are checked against today's
// source, each part builds, an unknown part is refused, and the tests' own child servers refuse it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledServer } from '../../bench/child-server';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'src/server/store-submission.ts'), 'utf8');

function parts(): Record<string, { from: string; marker: string }> {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./bench/build-without.mjs'); console.log(JSON.stringify(m.PARTS));"], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, { from: string; marker: string }>;
}

const build = (dir: string, without: string) => spawnSync(process.execPath, ['bench/build-without.mjs', dir, without], { cwd: ROOT, encoding: 'utf8' });

describe('the benchmark builds without a part of a submission', () => {
  const known = parts();

  it.each(Object.keys(known))('the line "%s" replaces is in store-submission.ts, once', (name) => {
    expect(SOURCE.split(known[name].from)).toHaveLength(2);
  });

  it('each part, and both, build; the bundle holds the replacement of each part taken out, and only those', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-without-'));
    try {
      for (const names of [...Object.keys(known).map((n) => [n]), Object.keys(known)]) {
        const r = build(dir, names.join(','));
        expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
        const bundle = fs.readFileSync(path.join(dir, 'server.js'), 'utf8');
        for (const name of Object.keys(known)) expect([name, bundle.includes(known[name].marker)]).toEqual([name, names.includes(name)]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a server the tests start is never such a build: BENCH_WITHOUT set under jest is refused', () => {
    const saved = { without: process.env.BENCH_WITHOUT, server: process.env.BENCH_SERVER };
    process.env.BENCH_WITHOUT = 'domain';
    delete process.env.BENCH_SERVER;
    try {
      expect(() => compiledServer()).toThrow('BENCH_WITHOUT is set');
    } finally {
      if (saved.without === undefined) delete process.env.BENCH_WITHOUT;
      else process.env.BENCH_WITHOUT = saved.without;
      if (saved.server !== undefined) process.env.BENCH_SERVER = saved.server;
    }
  });

  it('an unknown part is refused, naming the known ones', () => {
    const r = build(path.join(os.tmpdir(), 'bench-without-unused'), 'domain,auth');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('unknown part "auth"');
    expect(r.stderr).toContain('domain, store');
  });
});
