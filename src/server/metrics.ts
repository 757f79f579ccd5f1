// GET /metrics: the instance's figures in Prometheus' text format, for the operator's monitoring
// (docs/deploy.md "Monitoring"). Off unless METRICS_TOKEN is set; then only a scraper presenting
// that token reads them. Labels never carry a user, a unit or an id from a URL: a route is named by
// its template (/api/submissions/:id), so the series stay few and say nothing about anyone.
// prom-client keeps the figures; each app has its own registry (tests build many apps in one process).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { HttpError } from './errors';

/** What a submission came to, as counted (a dry run is not counted). */
export type SubmissionOutcome = 'created' | 'replayed' | 'invalid' | 'conflict' | 'locked' | 'not_found';

/** What the routes report to the figures; does nothing when metrics are off. */
export interface ServerMetrics {
  submission(kind: 'indicators' | 'tasks', outcome: SubmissionOutcome): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServerMetrics;
  }
}

export interface MetricsOptions {
  /** METRICS_TOKEN: the bearer token a scraper presents; undefined = no /metrics. */
  readonly token: string | undefined;
  /** For cds_build_info. */
  readonly version: string;
}

export const METRICS_PATH = '/metrics';
/** Seconds: from a quick read to an .xlsx export of many units. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The token in `Authorization: Bearer …`, compared in constant time (as digests: equal lengths). */
function tokenMatches(header: string | undefined, expected: Buffer): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), expected);
}

const off: ServerMetrics = { submission: () => {} };

/** The figures kept for one app: the runtime's, its requests', and the database's and threads' read when scraped. */
function figures(app: FastifyInstance, version: string) {
  const registry = new Registry();
  // Process and runtime: CPU, memory, event loop delay, garbage collection, handles – the usual names.
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time to answer a request, by method, route template and status.',
    labelNames: ['method', 'route', 'status_code'] as const, buckets: DURATION_BUCKETS, registers: [registry],
  });
  const submissions = new Counter({
    name: 'cds_submissions_total', help: 'Reports received (add-in and uploaded workbooks), by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const, registers: [registry],
  });
  new Gauge({
    name: 'cds_build_info', help: 'This server: its version, Node.js and database.',
    labelNames: ['version', 'node', 'database'] as const, registers: [registry],
    collect() {
      this.set({ version, node: process.version, database: app.db.dialect }, 1);
    },
  });
  const pool = app.db.pool;
  if (pool) {
    new Gauge({
      name: 'cds_database_connections', help: 'PostgreSQL pool: connections open, idle, and requests waiting for one.',
      labelNames: ['state'] as const, registers: [registry],
      collect() {
        this.set({ state: 'open' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
  const groups = app.db.groupCommit?.stats;
  if (groups) {
    new Counter({
      name: 'cds_sqlite_commits_total', help: 'SQLite group commits (several write transactions in one commit).', registers: [registry],
      collect() {
        this.reset();
        this.inc(groups.groups);
      },
    });
    new Counter({
      name: 'cds_sqlite_grouped_transactions_total', help: 'Write transactions carried by the group commits.', registers: [registry],
      collect() {
        this.reset();
        this.inc(groups.transactions);
      },
    });
  }
  new Gauge({
    name: 'cds_worker_tasks', help: 'Workbook worker threads, by pool: threads alive, and tasks waiting for one.',
    labelNames: ['pool', 'state'] as const, registers: [registry],
    collect() {
      for (const [name, p] of Object.entries(app.workers.pools)) {
        this.set({ pool: name, state: 'waiting' }, p.queueSize);
        this.set({ pool: name, state: 'threads' }, p.threads.length);
      }
    },
  });
  return { registry, requests, submissions };
}

const plugin: FastifyPluginAsync<MetricsOptions> = async (app, options) => {
  if (options.token === undefined) {
    app.decorate('metrics', off);
    return;
  }
  const expected = digest(options.token);
  const { registry, requests, submissions } = figures(app, options.version);
  app.decorate('metrics', { submission: (kind, outcome) => submissions.inc({ kind, outcome }) } satisfies ServerMetrics);

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    // The scrapes themselves are left out: they would be most of the requests of a quiet server.
    if (route !== METRICS_PATH) {
      requests.observe({ method: request.method, route: route ?? 'unmatched', status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    }
    done();
  });

  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!tokenMatches(request.headers.authorization, expected)) {
      throw new HttpError(401, 'unauthorized', 'Cần mã truy cập số liệu giám sát (METRICS_TOKEN) hợp lệ.');
    }
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
};

export const metricsPlugin = fp(plugin, { name: 'metrics', dependencies: ['db', 'workers'] });
