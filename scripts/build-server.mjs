// Compiles the reporting server into plain JavaScript for `node`: one CommonJS file per entry
// (server, demo, admin command line, the worker threads' xlsx-worker) with esbuild. Packages in node_modules stay outside the
// bundle (installed by `npm ci --omit=dev`); the plan catalogues stay in seeds/, found from
// dist/server/ exactly as from src/server/ (both are two levels below the project root).
//   node scripts/build-server.mjs            → dist/server/ (production: `npm run build`)
//   node scripts/build-server.mjs --out DIR  → DIR (npm start compiles the development server there)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const outIndex = process.argv.indexOf('--out');
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : join(ROOT, 'dist', 'server');
const ENTRIES = ['server', 'demo', 'admin-cli'].map((name) => ({ in: `src/server/${name}.ts`, out: name }));
// The worker threads' entry (src/server/workers/pool.ts looks for xlsx-worker.js beside the bundle
// that runs it; without it, it would fall back to the TypeScript sources and tsx, absent in production).
ENTRIES.push({ in: 'src/server/workers/xlsx-worker.ts', out: 'xlsx-worker' });

/** Builds the server; resolves with the output directory. `plugins`: esbuild's (the benchmark's measuring builds only). */
export async function buildServer(dir = outdir, plugins = []) {
  rmSync(dir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: dir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    // Dependencies are loaded from node_modules at run time, as the tests load them; jose and
    // kysely (0.29 on) are ESM-only, so they are bundled rather than require()d (Node 22 before
    // 22.12 cannot without a flag).
    external: [...Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).filter((name) => name !== 'jose' && name !== 'kysely'), '../../scripts/dev-certs.mjs'],
    logLevel: 'warning',
    // `module` in an ES module is the real CommonJS module of the bundle: require.main === module holds.
    logOverride: { 'commonjs-variable-in-esm': 'silent' },
    plugins,
  });
  // The compiled files are CommonJS whatever package.json says.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  return dir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildServer();
  console.log(`Server compiled into ${dir}`);
}
