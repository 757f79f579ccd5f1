// `npm start`: the one-command development start. Builds the add-in (development) when dist/ is
// missing or older than its sources – but never over a production build (`npm run build`), which
// is served as it is – then compiles the server (esbuild, under a second) into .cache/server and
// runs it with plain node, as production does: no TypeScript loader in the server process.
// `npm run demo` (--demo) starts the demo (src/server/demo.ts) on data-demo/ instead.
// Stopping: SIGINT/SIGTERM are passed to the server, which shuts down gracefully. npm runs a script
// through `sh -c`, and that shell keeps a SIGINT for itself until its child ends: package.json says
// `exec node scripts/start.mjs || node …` so that on POSIX the shell is replaced by this process and
// npm's forwarded signals reach it (cmd.exe on Windows has no exec, prints that it does not know it,
// and runs the second half). This script also stops the server when its parent goes away.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server.mjs';
import { NODE_FLAGS } from './node-flags.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = resolve(ROOT, process.env.DIST_DIR?.trim() || 'dist');
const PORT = Number(process.env.PORT) || 3000;
/** Two levels below the root, as src/server and dist/server: the server finds seeds/ from there. */
const DEV_SERVER = join(ROOT, '.cache', 'server');

/** What the web app and taskpane bundles are built from (the server's sources are not part of it). */
const INPUTS = ['src', 'seeds', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/manifest-origin.js', 'tsconfig.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path === join(ROOT, 'src', 'server')) return 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildInfo() {
  const infoFile = join(DIST, 'build-info.json');
  if (!existsSync(infoFile) || !existsSync(join(DIST, 'taskpane.html'))) return undefined;
  return JSON.parse(readFileSync(infoFile, 'utf8'));
}

/** Why dist/ must be rebuilt, or undefined when it is up to date or a production build. */
function staleness(info) {
  if (!info) return 'dist/ has no build yet';
  if (info.mode === 'production') return undefined;
  if (!existsSync(join(DIST, 'index.html'))) return 'dist/ has no web app yet';
  const builtAt = Date.parse(info.builtAt);
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > builtAt);
  return changed && `${changed} changed since the last build`;
}

function buildAddin(reason) {
  console.log(`Building the web app and the add-in (development): ${reason}…`);
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed: see the errors above.');
    process.exit(result.status ?? 1);
  }
}

const info = buildInfo();
const reason = staleness(info);
if (reason) buildAddin(reason);
else if (info?.mode === 'production') {
  console.log(`dist/ holds a production build (${info.origin ?? ''}, ${info.builtAt}): served as it is, not rebuilt. npm run build:dev replaces it with a development build.`);
} else console.log('dist/ is up to date with the sources.');

try {
  await buildServer(DEV_SERVER);
} catch {
  console.error('The server does not compile: see the errors above.');
  process.exit(1);
}

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

const entry = join(DEV_SERVER, process.argv.includes('--demo') ? 'demo.js' : 'server.js');
// The IPC channel tells the server when this script is gone, however it went (even SIGKILL).
const child = spawn(process.execPath, ['--enable-source-maps', ...NODE_FLAGS, entry], { cwd: ROOT, stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: process.env });
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// Should a shell still stand between npm and this script (a script-shell without exec), a SIGTERM
// to npm ends that shell without passing the signal on, and this process is re-parented: then the
// server is stopped all the same.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
