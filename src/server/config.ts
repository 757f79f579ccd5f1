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
  /** postgres://… to use PostgreSQL; undefined = the embedded SQLite file. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema for the tables (search_path); default public. */
  readonly databaseSchema: string | undefined;
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
}

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

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)');
  }

  const databaseSchema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push('DATABASE_SCHEMA must be a lower-case PostgreSQL identifier (letters, digits, _)');
  }

  const scheme = https ? 'https' : 'http';
  const corsOrigin = env.CORS_ORIGIN?.trim() || `${scheme}://localhost:${port}`;
  if (!/^https?:\/\/[^/\s]+$/.test(corsOrigin)) {
    problems.push(`CORS_ORIGIN=${JSON.stringify(corsOrigin)} must be an origin such as https://addin.example.vn (no path)`);
  }

  const bodyLimit = integer(env, 'BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024, problems);
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
    databaseUrl,
    databaseSchema,
    corsOrigin,
    trustProxy: trustProxy ?? false,
    bodyLimit,
    distDir: path.resolve(cwd, env.DIST_DIR?.trim() || 'dist'),
    deadline: { days: deadlineDays, workingDays: workingRaw !== '0' },
    logLevel: env.LOG_LEVEL?.trim() || 'info',
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
