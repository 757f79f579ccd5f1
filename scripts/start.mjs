// `npm start`: builds the add-in (development) when dist/ is missing or older than its sources,
// then serves dist/ over https://localhost:PORT (default 3000) for Excel and Word to load.
// The reporting server (src/server/) will take this over and serve dist/ itself.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { httpsOptions } from './dev-certs.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.PORT) || 3000;

/** What the taskpane bundle is built from (the server's sources are not part of it). */
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
  if (!existsSync(infoFile) || !existsSync(join(DIST, 'taskpane.html'))) return 'dist/ has no build yet';
  const builtAt = Date.parse(JSON.parse(readFileSync(infoFile, 'utf8')).builtAt);
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > builtAt);
  return changed && `${changed} changed since the last build`;
}

function build(reason) {
  console.log(`Building the add-in (development): ${reason}…`);
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed: see the errors above.');
    process.exit(result.status ?? 1);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(req, res) {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path === '/') {
    res.writeHead(302, { location: '/taskpane.html' }).end();
    return;
  }
  const file = normalize(join(DIST, path));
  if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy (404)');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  // Bundles carry a content hash in their names; pages and the manifest must be re-read.
  const cache = /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
  createReadStream(file).pipe(res);
}

const reason = staleness();
if (reason) build(reason);
else console.log('dist/ is up to date with the sources.');

const server = createServer(await httpsOptions(), serve);
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${PORT} is in use: stop the other server or set PORT.` : error);
  process.exit(1);
});
server.listen(PORT, () => {
  const origin = `https://localhost:${PORT}`;
  const manifest =
    PORT === 3000
      ? 'manifest.xml'
      : `a manifest for this port: ADDIN_ORIGIN=${origin} npm run build, then dist/manifest.xml (manifest.xml points at port 3000)`;
  console.log(`
The taskpane is served at ${origin}/taskpane.html
Sideload ${manifest}:
  Excel or Word on Windows/macOS:  npm run sideload:excel   |   npm run sideload:word
  Excel or Word on the web:        Insert › Add-ins › More Add-ins › Upload My Add-in › manifest.xml
Stop with Ctrl+C.`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
