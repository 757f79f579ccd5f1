// Starts the reporting server: configuration, catalogues, the app (database, migrations, auth,
// routes, the built add-in), the first-start bootstrap, then listens. Stops gracefully on
// SIGTERM/SIGINT: no new connections, requests in flight finish, the database closes last.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { authPlugin } from './auth/plugin';
import { bootstrap } from './bootstrap';
import { defaultSeedsDir, loadCatalogues } from './catalogues';
import { ConfigError, loadConfig, type ServerConfig } from './config';

export interface StartOptions {
  /** Runs after the bootstrap, before listening (the demo fills its database here). */
  readonly prepare?: (app: FastifyInstance) => Promise<void>;
  readonly banner?: string;
}

async function httpsFor(config: ServerConfig) {
  if (!config.https) return undefined;
  // An operator's certificate (HTTPS without a reverse proxy); re-read at every start.
  if (config.tls) return { cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) };
  // Development: office-addin-dev-certs' localhost certificate, as Office requires HTTPS (shared
  // with start.mjs). That package is a devDependency: a production install says what to do instead.
  try {
    const { httpsOptions } = await import('../../scripts/dev-certs.mjs');
    return await httpsOptions();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' && (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error('HTTPS needs a certificate: set TLS_CERT_FILE and TLS_KEY_FILE, or HTTPS=0 behind a reverse proxy that terminates TLS (docs/deploy.md).');
  }
}

export async function start(config: ServerConfig, options: StartOptions = {}): Promise<FastifyInstance> {
  const catalogues = loadCatalogues(defaultSeedsDir);
  if (catalogues.catalogues.size === 0) throw new Error(`No plan catalogue in ${defaultSeedsDir}: run npm run catalogue first.`);
  const app = await buildApp({
    config,
    catalogues,
    auth: authPlugin,
    https: await httpsFor(config),
    logger: { level: config.logLevel },
  });
  await app.ready();
  await bootstrap(app);
  if (options.prepare) await options.prepare(app);
  await app.listen({ port: config.port, host: config.host });
  const scheme = config.https ? 'https' : 'http';
  const database = app.db.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`${options.banner ?? 'Reporting server'} on ${scheme}://localhost:${config.port} (${database}). Stop with Ctrl+C.\n`);
  return app;
}

/** Closes the app on the first SIGTERM/SIGINT; a second signal, or SHUTDOWN_GRACE_MS, forces the exit. */
export function closeOnSignals(app: FastifyInstance, graceMs = app.config.shutdownGraceMs): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), graceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by scripts/start.mjs with an IPC channel: when that process is gone, so is the server.
  if (process.send) process.on('disconnect', () => stop('parent exited'));
}

/** The command-line entry: exits 1 with a readable message when the configuration is wrong. */
export async function main(env: NodeJS.ProcessEnv = process.env, options: StartOptions = {}): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    closeOnSignals(await start(config, options));
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(code === 'EADDRINUSE' ? `Port ${config.port} is in use: stop the other server or set PORT.\n` : `Could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

// Compiled, demo.js holds this module too and there `module` is the bundle's own: only the
// server's entry file (server.ts under tsx, dist/server/server.js) starts the server here.
if (require.main === module && /(^|[\\/])server\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) void main();
