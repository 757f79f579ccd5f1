// Dependencies' install scripts are reviewed in package.json's `allowScripts`: npm 11.16+ warns about
// the others and npm 12 skips them, which for better-sqlite3 would mean a server without its SQLite
// binding – one that installs cleanly and fails at its first query. Every installed package with an
// install script (or a binding.gyp, which npm builds with `node-gyp rebuild` when no script says
// otherwise) must have a decision, and the production dependencies' native module must be allowed.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
  dependencies: Record<string, string>;
};
const INSTALL_EVENTS = ['preinstall', 'install', 'postinstall'];

/** Every installed package (nested ones included) as [name, its directory]. */
function installedPackages(dir = path.join(ROOT, 'node_modules')): Array<[string, string]> {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    if (!entry.isDirectory() || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) return installedPackages(full).map(([name, at]) => [`${entry.name}/${name}`, at]);
    return [[entry.name, full], ...installedPackages(path.join(full, 'node_modules'))];
  });
}

/** The packages npm would run an install script for. */
function withInstallScripts(): Set<string> {
  const found = new Set<string>();
  for (const [name, dir] of installedPackages()) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const scripts = (JSON.parse(fs.readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    if (INSTALL_EVENTS.some((event) => scripts[event]) || fs.existsSync(path.join(dir, 'binding.gyp'))) found.add(name);
  }
  return found;
}

describe('install scripts', () => {
  const decided = pkg.allowScripts ?? {};

  it('every installed package with an install script has a decision in allowScripts', () => {
    const scripts = withInstallScripts();
    expect(scripts.size).toBeGreaterThan(0);
    expect([...scripts].filter((name) => !(name in decided)).sort()).toEqual([]);
  });

  it('the production dependencies\' native module may build: better-sqlite3 is allowed', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(decided['better-sqlite3']).toBe(true);
  });

  it('decisions go by name, so that an upgrade in the lock file does not silently lose one', () => {
    // A pinned entry ("better-sqlite3@12.11.1") no longer matches after an upgrade: npm 12 would skip
    // the build and the server would start without SQLite.
    expect(Object.keys(decided).filter((key) => /.@/.test(key))).toEqual([]);
  });

  it('CI, the production check and the Docker image refuse an unreviewed install script', () => {
    const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(read('.ci/run')).toMatch(/^npm ci [^\n]*--strict-allow-scripts/m);
    expect(read('scripts/check-production.mjs')).toMatch(/\['ci', [^\]]*'--strict-allow-scripts'/);
    const installs = [...read('deploy/Dockerfile').matchAll(/^RUN npm ci[^\n]*/gm)].map((m) => m[0]);
    expect(installs).toHaveLength(2);
    for (const line of installs) expect(line).toMatch(/--strict-allow-scripts/);
  });
});
