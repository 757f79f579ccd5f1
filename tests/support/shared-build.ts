// One production build of the add-in and web app for every browser suite of a test run: the build
// goes to a directory named after a hash of its inputs (sources, assets, webpack and lock files), so
// the first suite that needs it builds it and the others – in other jest workers too – reuse it.
// Concurrent builders each build to their own temporary directory and the first rename wins.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser';

const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json', 'tsconfig.json', 'scripts/manifest-origin.js'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  // The server's sources are not in the bundles.
  if (path === 'src/server') return [];
  return readdirSync(full).sort().flatMap((name) => files(`${path}/${name}`));
}

/** A hash of everything the bundles are made from. */
export function buildInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The production bundles (the server's CSP forbids eval, which development builds use) in
 * $TMPDIR/cds-build-<hash>/, built on first use. Not removed after the run: the next run with the
 * same sources reuses it (a changed source gives a new hash and a new build).
 */
export function sharedProductionBuild(): string {
  const dir = join(tmpdir(), `cds-build-${buildInputsHash()}`);
  if (existsSync(join(dir, 'build-info.json'))) return dir;
  const work = mkdtempSync(join(tmpdir(), 'cds-build-work-'));
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', work], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`webpack failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  try {
    renameSync(work, dir);
  } catch {
    // Another worker finished first: theirs is the same build.
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}
