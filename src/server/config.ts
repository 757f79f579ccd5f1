// The server's settings, read once from the environment. Every problem is reported at once, in
// words an operator can act on, before anything starts (a typo in PORT must not become port 0).
import path from 'node:path';
import type { DeadlineConfig } from '../core/periods';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Where the embedded SQLite file (reporting.sqlite) and other local state live. */
  readonly dataDir: string;
  /** false with HTTPS=0: plain HTTP behind a reverse proxy, and in tests. */
  readonly https: boolean;
  /** PEM files for HTTPS=1 in production (TLS_CERT_FILE, TLS_KEY_FILE); unset = the development certificate. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  /** postgres://… to use PostgreSQL; undefined = the embedded SQLite file. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema for the tables (search_path); default public. */
  readonly databaseSchema: string | undefined;
  /** PostgreSQL pool and session limits (docs/deploy.md#postgresql). */
  readonly postgres: PostgresSettings;
  /** The add-in's origin, the only one CORS lets in. */
  readonly corsOrigin: string;
  /** How much of X-Forwarded-For to believe (TRUST_PROXY): false = none (the socket's address);
   * a number = that many proxies in front of us, so the client is the entry that many from the right;
   * a list = only entries added by these proxy addresses/CIDRs. Never "all": a client could then
   * prepend its own entry and escape the per-address sign-in throttle (docs/security.md). */
  readonly trustProxy: false | number | readonly string[];
  /** Request body limit in bytes. */
  readonly bodyLimit: number;
  /** The built add-in (webpack output) served from the same origin as the API. */
  readonly distDir: string;
  /** Days after a period's cut-off within which a report is on time (set per deployment). */
  readonly deadline: DeadlineConfig;
  readonly logLevel: string;
  /** After SIGTERM, requests in flight get this long (ms) before the process exits regardless. */
  readonly shutdownGraceMs: number;
  /** METRICS_TOKEN: the bearer token of GET /metrics (Prometheus); unset = no /metrics. */
  readonly metricsToken: string | undefined;
}

/** How the server talks to PostgreSQL: a held lock or a slow query fails fast instead of stalling every request. */
export interface PostgresSettings {
  readonly poolSize: number;
  /** How long to wait for a new connection, ms. */
  readonly connectionTimeoutMs: number;
  /** statement_timeout for every session, ms (0 = none). */
  readonly statementTimeoutMs: number;
  /** lock_timeout for every session, ms (0 = none). */
  readonly lockTimeoutMs: number;
  /** application_name, shown in pg_stat_activity next to each instance's connections. */
  readonly applicationName: string;
}

export const DEFAULT_POSTGRES: PostgresSettings = {
  poolSize: 10,
  connectionTimeoutMs: 5000,
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 5000,
  applicationName: 'cds-reporting',
};

/** Shortest AUTH_SECRET / TEMPLATE_SECRET accepted, in bytes. */
export const MIN_SECRET_BYTES = 32;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid server configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name}=${JSON.stringify(raw)} must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return Number(raw);
}

/**
 * Reads the settings from an environment (process.env by default) and throws one ConfigError
 * listing every problem.
 * @example loadConfig({ PORT: '8080', HTTPS: '0' }).https === false
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);

  const httpsRaw = env.HTTPS?.trim();
  let https = true;
  if (httpsRaw === '0' || httpsRaw === 'false') https = false;
  else if (httpsRaw !== undefined && httpsRaw !== '' && httpsRaw !== '1' && httpsRaw !== 'true') {
    problems.push(`HTTPS=${JSON.stringify(httpsRaw)} must be 0 (plain HTTP) or 1 (HTTPS, the default)`);
  }

  const certFile = env.TLS_CERT_FILE?.trim() || undefined;
  const keyFile = env.TLS_KEY_FILE?.trim() || undefined;
  if ((certFile === undefined) !== (keyFile === undefined)) problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together: set both (PEM files) or neither');

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)');
  }

  const databaseSchema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push('DATABASE_SCHEMA must be a lower-case PostgreSQL identifier (letters, digits, _)');
  }

  const postgres: PostgresSettings = {
    poolSize: integer(env, 'DATABASE_POOL_SIZE', DEFAULT_POSTGRES.poolSize, 1, 200, problems),
    connectionTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_POSTGRES.connectionTimeoutMs, 100, 120_000, problems),
    statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_POSTGRES.statementTimeoutMs, 0, 3_600_000, problems),
    lockTimeoutMs: integer(env, 'DATABASE_LOCK_TIMEOUT_MS', DEFAULT_POSTGRES.lockTimeoutMs, 0, 3_600_000, problems),
    applicationName: env.DATABASE_APPLICATION_NAME?.trim() || DEFAULT_POSTGRES.applicationName,
  };
  if (!/^[\x20-\x7e]{1,63}$/.test(postgres.applicationName)) problems.push('DATABASE_APPLICATION_NAME must be 1 to 63 printable ASCII characters');

  // Several instances on one database must sign and seal with the same keys: a secret made on
  // first start in one instance's DATA_DIR would reject the other instances' tokens and templates.
  if (databaseUrl !== undefined) {
    for (const name of ['AUTH_SECRET', 'TEMPLATE_SECRET']) {
      const value = env[name]?.trim() ?? '';
      if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) {
        problems.push(`${name} must be set to at least ${MIN_SECRET_BYTES} random bytes when DATABASE_URL is set (every instance uses the same value; e.g. openssl rand -base64 48)`);
      }
    }
  }

  // The figures say how busy the server is and which routes fail: for the operator's scraper only.
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  if (metricsToken !== undefined && (Buffer.byteLength(metricsToken, 'utf8') < MIN_SECRET_BYTES || /\s/.test(metricsToken))) {
    problems.push(`METRICS_TOKEN must be at least ${MIN_SECRET_BYTES} random bytes without spaces (e.g. openssl rand -hex 32), or unset for no /metrics`);
  }

  const scheme = https ? 'https' : 'http';
  const corsOrigin = env.CORS_ORIGIN?.trim() || `${scheme}://localhost:${port}`;
  if (!/^https?:\/\/[^/\s]+$/.test(corsOrigin)) {
    problems.push(`CORS_ORIGIN=${JSON.stringify(corsOrigin)} must be an origin such as https://addin.example.vn (no path)`);
  }

  const bodyLimit = integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024, problems);
  const shutdownGraceMs = integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 100, 600_000, problems);
  const deadlineDays = integer(env, 'SUBMISSION_DEADLINE_DAYS', 5, 0, 90, problems);
  const workingRaw = env.SUBMISSION_DEADLINE_WORKING_DAYS?.trim();
  if (workingRaw !== undefined && workingRaw !== '' && workingRaw !== '0' && workingRaw !== '1') {
    problems.push('SUBMISSION_DEADLINE_WORKING_DAYS must be 1 (count working days, the default) or 0 (calendar days)');
  }

  const trustProxy = parseTrustProxy(env.TRUST_PROXY?.trim() ?? '');
  if (trustProxy === null) {
    problems.push('TRUST_PROXY must be 0 (the default), the number of reverse proxies in front of the server (1–10), or their addresses (e.g. 10.0.0.5,10.1.0.0/16)');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    https,
    tls: certFile && keyFile ? { certFile: path.resolve(cwd, certFile), keyFile: path.resolve(cwd, keyFile) } : undefined,
    databaseUrl,
    databaseSchema,
    postgres,
    corsOrigin,
    trustProxy: trustProxy ?? false,
    bodyLimit,
    distDir: path.resolve(cwd, env.DIST_DIR?.trim() || 'dist'),
    deadline: { days: deadlineDays, workingDays: workingRaw !== '0' },
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    shutdownGraceMs,
    metricsToken,
  };
}

const PROXY_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;

/** TRUST_PROXY: '' or '0' → false; '1'…'10' → a hop count; 'a,b/16' → proxy addresses; else null. */
function parseTrustProxy(raw: string): false | number | string[] | null {
  if (raw === '' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Number(raw) >= 1 && Number(raw) <= 10 ? Number(raw) : null;
  const list = raw.split(',').map((a) => a.trim());
  return list.every((a) => PROXY_ADDRESS.test(a)) ? list : null;
}

/** The trustProxy option Fastify takes (its types know no hop count; proxy-addr's "trust the first n hops"). */
export function fastifyTrustProxy(trust: ServerConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust === false ? false : [...trust];
}
