// `npm start`: builds the add-in (development) when dist/ is missing or older than its sources,
// then starts the reporting server (src/server/server.ts), which serves dist/ and the API from one
// origin, https://localhost:PORT (default 3000), with the office-addin-dev-certs certificate
// (scripts/dev-certs.mjs). `npm run demo` (--demo) starts src/server/demo.ts on data-demo/ instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.PORT) || 3000;

/** What the web app and taskpane bundles are built from (the server's sources are not part of it). */
const INPUTS = ['src', 'seeds', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/manifest-origin.js', 'tsconfig.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path === join(ROOT, 'src', 'server')) return 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
function staleness() {
  const infoFile = join(DIST, 'build-info.json');
  if (!existsSync(infoFile) || !existsSync(join(DIST, 'taskpane.html')) || !existsSync(join(DIST, 'index.html'))) return 'dist/ has no build yet';
  const builtAt = Date.parse(JSON.parse(readFileSync(infoFile, 'utf8')).builtAt);
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > builtAt);
  return changed && `${changed} changed since the last build`;
}

function build(reason) {
  console.log(`Building the web app and the add-in (development): ${reason}…`);
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed: see the errors above.');
    process.exit(result.status ?? 1);
  }
}

const reason = staleness();
if (reason) build(reason);
else console.log('dist/ is up to date with the sources.');

const origin = `${process.env.HTTPS === '0' ? 'http' : 'https'}://localhost:${PORT}`;
const manifest =
  PORT === 3000
    ? 'manifest.xml'
    : `a manifest for this port: ADDIN_ORIGIN=${origin} npm run build, then dist/manifest.xml (manifest.xml points at port 3000)`;
console.log(`
The web app will be at ${origin}/ (open it in a browser and sign in)
The add-in's taskpane at ${origin}/taskpane.html, the API at ${origin}/api
To use the add-in, sideload ${manifest}:
  Excel or Word on Windows/macOS:  npm run sideload:excel   |   npm run sideload:word
  Excel or Word on the web:        Insert › Add-ins › More Add-ins › Upload My Add-in › manifest.xml
`);

// The server runs TypeScript through tsx; it handles SIGINT/SIGTERM itself (graceful shutdown).
const entry = join(ROOT, 'src', 'server', process.argv.includes('--demo') ? 'demo.ts' : 'server.ts');
const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
