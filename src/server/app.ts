// The reporting server as one Fastify plugin (fastify/demo): server.ts only starts it, tests build
// it and use inject(). Outside things (database, catalogues, clock) come in as options.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { version } from '../../package.json';
import type { Catalogue } from '../core/catalogue-types';
import type { Principal } from './auth/principal';
import type { CatalogueStore } from './catalogues';
import { fastifyTrustProxy, type ServerConfig } from './config';
import { connectFromConfig, type Db } from './db/connect';
import { dbPlugin } from './db/plugin';
import { installErrorHandler, type ErrorBody } from './errors';
import { metricsPlugin } from './metrics';
import { acceptanceRoutes } from './routes/acceptance';
import { assignmentOverrideRoutes } from './routes/assignment-overrides';
import { auditRoutes } from './routes/audit';
import { clientConfigRoutes } from './routes/client-config';
import { consolidationRoutes } from './routes/consolidation';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { adminRoutes } from './routes/admin';
import { checkingSerializerCompiler, plainSerializerCompiler, validatorCompiler } from './routes/contract';
import type { WorkerOptions } from './workers/pool';
import { workersPlugin } from './workers/plugin';
import { openFeedRoutes } from './routes/open-feed';
import { openapiOptions, openapiRoutes } from './routes/openapi';
import { periodRoutes } from './routes/periods';
import { planRoutes } from './routes/plans';
import { provinceReportRoutes } from './routes/province-reports';
import { reportRoutes } from './routes/report';
import { submissionRoutes } from './routes/submissions';
import { templateRoutes } from './routes/templates';
import { verifyRoutes } from './routes/verify';
import { securityHeaderList } from './security';

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
    catalogues: CatalogueStore;
    clock: () => Date;
  }
  interface FastifyRequest {
    /** Set by the auth plugin: who is calling, or null. */
    principal: Principal | null;
  }
}

export interface AppOptions {
  readonly config: ServerConfig;
  readonly catalogues: CatalogueStore;
  /** Opens the database; defaults to the one the configuration names. */
  readonly openDb?: () => Db;
  /** Close the database when the app closes (default true). */
  readonly closeDb?: boolean;
  /** The authentication plugin, which sets request.principal. */
  readonly auth: FastifyPluginAsync;
  /** The time, for deadlines (tests move it). */
  readonly clock?: () => Date;
  /** Check every JSON answer against its response schema (tests): a mismatch is a 500. */
  readonly checkResponses?: boolean;
  /** Sizes of the worker thread pools (tests make them small). */
  readonly workers?: WorkerOptions;
}

/** The app: plugins, then routes under /api, then the built files: the web app at /, the add-in's taskpane.html. Not encapsulated, so
 * whoever registers it (server.ts, tests) sees app.db, app.catalogues and app.clock. */
export const reportingApp = fp<AppOptions>(async (app, options) => {
  const { config } = options;
  installErrorHandler(app);
  // The API speaks JSON only: anything else is 415, not a string handed to the routes.
  app.removeContentTypeParser('text/plain');
  app.decorate('config', config);
  app.decorate('catalogues', options.catalogues);
  app.decorate('clock', options.clock ?? (() => new Date()));
  // Route schemas are the contract's zod schemas (src/core/api, routes/contract.ts).
  app.setValidatorCompiler(validatorCompiler);
  const serializer = options.checkResponses ? checkingSerializerCompiler : plainSerializerCompiler;
  app.setSerializerCompiler(serializer);
  app.decorate('contractSerializer', serializer);

  // helmet's headers, worked out once (security.ts): the same constant headers on every answer,
  // set on the raw response as helmet's middleware did, without rebuilding them per request.
  const securityHeaderEntries = securityHeaderList();
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of securityHeaderEntries) reply.raw.setHeader(name, value);
    done();
  });
  // Every method the API has (PUT/DELETE: assignment overrides), for the configured origin only.
  await app.register(cors, { origin: [config.corsOrigin], methods: ['GET', 'POST', 'PUT', 'DELETE'], maxAge: 600 });
  // Before any route (the auth plugin's included), so the document sees every one of them.
  await app.register(swagger, openapiOptions(options.catalogues));
  // A dropped idle connection (a failover, a restarted PostgreSQL) is logged, not fatal; so is a
  // failing WAL checkpoint thread (SQLite), whose work the connection's safety net then takes over.
  const openDb = options.openDb ?? (() => connectFromConfig(
    config,
    (error) => app.log.error({ err: error }, 'database pool error'),
    { onError: (error) => app.log.error({ err: error }, 'WAL checkpoint thread') },
  ));
  await app.register(dbPlugin, { open: openDb, closeOnExit: options.closeDb });
  await app.register(options.auth);
  // Workbooks are drawn and read in worker threads, off the event loop (workers/pool.ts).
  await app.register(workersPlugin, options.workers ?? {});
  // GET /metrics for the operator's Prometheus, when METRICS_TOKEN is set (metrics.ts).
  await app.register(metricsPlugin, { token: config.metricsToken, version });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(clientConfigRoutes);
      await api.register(planRoutes);
      await api.register(assignmentOverrideRoutes);
      await api.register(periodRoutes);
      await api.register(submissionRoutes);
      await api.register(acceptanceRoutes);
      await api.register(reportRoutes);
      await api.register(provinceReportRoutes);
      await api.register(openFeedRoutes);
      await api.register(consolidationRoutes);
      await api.register(templateRoutes);
      await api.register(importRoutes);
      await api.register(auditRoutes);
      await api.register(adminRoutes);
      await api.register(openapiRoutes);
    },
    { prefix: '/api' },
  );
  // The public verification page of printed report documents: no sign-in.
  await app.register(verifyRoutes);

  // Everything under /api is someone's data (reports, figures, who they are): never kept in a
  // shared or browser cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  if (fs.existsSync(config.distDir)) {
    await app.register(fastifyStatic, {
      root: config.distDir,
      prefix: '/',
      index: ['index.html', 'taskpane.html'],
      // dist/server/ is the compiled server itself, not something for browsers.
      allowedPath: (pathname) => isPublicAsset(pathname) && !/^\/server(\/|$)/i.test(path.posix.normalize(`/${pathname}`)),
    });
  }
}, { name: 'reporting-app' });

/** Source maps and build metadata stay on the build machine: they show the source to anyone. */
const isPublicAsset = (pathName: string): boolean => !/(\.map|\.LICENSE\.txt|(^|\/)stats\.json|(^|\/)\.[^/]*)$/i.test(pathName);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX32 = /^[0-9a-f]{32}$/i;

/**
 * The request's id: a UUID, so logs of several instances and the proxy can be joined. A trusted
 * proxy's X-Request-Id is kept when it is a UUID (or nginx's 32-hex $request_id, written as one);
 * anything else – or any header from an untrusted client – gets a fresh UUID.
 */
export function requestIdFor(trustProxy: boolean) {
  return (request: IncomingMessage): string => {
    const header = trustProxy ? request.headers['x-request-id'] : undefined;
    const given = typeof header === 'string' ? header.trim() : '';
    if (UUID.test(given)) return given.toLowerCase();
    if (HEX32.test(given)) return given.toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    return randomUUID();
  };
}

export interface BuildOptions extends AppOptions {
  readonly https?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * A Fastify instance with the server-wide options (body limit, HTTPS, logging) and the app.
 * @example const app = await buildApp({ config, catalogues, auth }); await app.listen({ port: 3000 });
 */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    logger: options.logger ?? false,
    // Behind a reverse proxy the client's address is in X-Forwarded-For; trusted only when told.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    genReqId: requestIdFor(config.trustProxy !== false),
    return503OnClosing: true,
    // A client that trickles its request (slowloris) is cut off instead of holding a socket.
    requestTimeout: 30_000,
    forceCloseConnections: 'idle',
    // A URL that cannot be decoded (/api/submissions/%c0) answers in the project's error format,
    // in Vietnamese, without echoing the URL back.
    frameworkErrors: (_error, _request, reply) => {
      const body: ErrorBody = { error: 'bad_request', message: 'Địa chỉ yêu cầu không hợp lệ.' };
      void (reply as FastifyReply).status(400).header('Cache-Control', 'no-store').send(body);
    },
    ...(options.https ? { https: { key: options.https.key, cert: options.https.cert } } : {}),
  }) as unknown as FastifyInstance;
  // The id goes back to the caller, so a clerk's "mã yêu cầu" finds the log lines.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(reportingApp, options);
  return app;
}

export type { Catalogue };
