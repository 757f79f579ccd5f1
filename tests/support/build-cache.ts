// One webpack build per mode and source state, shared by every browser suite (and by repeated runs):
// a build takes about a minute on two cores, and four suites each building their own cost CI four.
// The key is a hash of everything the bundle is made from; a changed source makes a new build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type BuildMode = 'development' | 'production';

/** Files and folders a bundle is made from (relative to the project's root). */
const INPUTS = ['src', 'assets', 'webpack.config.js', 'package-lock.json', 'manifest.xml', 'tsconfig.json', 'scripts/manifest-origin.js'];
const DONE = '.complete';

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  // The server's sources are not in the bundles.
  if (path === join('src', 'server')) return [];
  return readdirSync(full).sort().flatMap((name) => filesUnder(root, join(path, name)));
}

/** The hash of the sources, the mode and the environment that webpack reads. */
export function buildKey(root: string, mode: BuildMode): string {
  const hash = createHash('sha256').update(`${mode}\n${process.env.ADDIN_ORIGIN ?? ''}\n`);
  for (const file of INPUTS.flatMap((p) => filesUnder(root, p))) {
    hash.update(`${relative(root, join(root, file))}\n`).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * The folder holding the build of `root` in `mode`, made when missing. Written under a temporary
 * name and renamed when complete, so a suite never serves half a build.
 */
export function cachedBuild(root: string, mode: BuildMode): string {
  const cache = join(root, 'node_modules', '.cache', 'cds-builds');
  const dir = join(cache, `${mode}-${buildKey(root, mode)}`);
  if (existsSync(join(dir, DONE))) return dir;
  mkdirSync(cache, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  const result = spawnSync(process.execPath, [cli, '--mode', mode, '--output-path', tmp], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`webpack failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(join(tmp, DONE), new Date().toISOString());
  // Older builds of the same mode are stale: keep the cache to one per mode.
  for (const name of readdirSync(cache)) {
    if (name.startsWith(`${mode}-`) && join(cache, name) !== tmp) rmSync(join(cache, name), { recursive: true, force: true });
  }
  if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, dir);
  return dir;
}
