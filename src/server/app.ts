// The reporting server as one Fastify plugin (fastify/demo): server.ts only starts it, tests build
// it and use inject(). Outside things (database, catalogues, clock) come in as options.
import fs from 'node:fs';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import type { Catalogue } from '../core/catalogue-types';
import type { Principal } from './auth/principal';
import type { CatalogueStore } from './catalogues';
import type { ServerConfig } from './config';
import { connectFromConfig, type Db } from './db/connect';
import { dbPlugin } from './db/plugin';
import { installErrorHandler } from './errors';
import { acceptanceRoutes } from './routes/acceptance';
import { assignmentOverrideRoutes } from './routes/assignment-overrides';
import { auditRoutes } from './routes/audit';
import { clientConfigRoutes } from './routes/client-config';
import { consolidationRoutes } from './routes/consolidation';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { openapiRoutes } from './routes/openapi';
import { periodRoutes } from './routes/periods';
import { planRoutes } from './routes/plans';
import { provinceReportRoutes } from './routes/province-reports';
import { reportRoutes } from './routes/report';
import { submissionRoutes } from './routes/submissions';
import { templateRoutes } from './routes/templates';
import { verifyRoutes } from './routes/verify';
import { securityHeaders } from './security';

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

  await app.register(helmet, securityHeaders);
  // Every method the API has (PUT/DELETE: assignment overrides), for the configured origin only.
  await app.register(cors, { origin: [config.corsOrigin], methods: ['GET', 'POST', 'PUT', 'DELETE'], maxAge: 600 });
  await app.register(dbPlugin, { open: options.openDb ?? (() => connectFromConfig(config)), closeOnExit: options.closeDb });
  await app.register(options.auth);

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
      await api.register(consolidationRoutes);
      await api.register(templateRoutes);
      await api.register(importRoutes);
      await api.register(auditRoutes);
      await api.register(openapiRoutes);
    },
    { prefix: '/api' },
  );
  // The public verification page of printed report documents: no sign-in.
  await app.register(verifyRoutes);

  if (fs.existsSync(config.distDir)) {
    await app.register(fastifyStatic, { root: config.distDir, prefix: '/', index: ['index.html', 'taskpane.html'] });
  }
}, { name: 'reporting-app' });

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
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A client that trickles its request (slowloris) is cut off instead of holding a socket.
    requestTimeout: 30_000,
    forceCloseConnections: 'idle',
    ...(options.https ? { https: { key: options.https.key, cert: options.https.cert } } : {}),
  }) as unknown as FastifyInstance;
  await app.register(reportingApp, options);
  return app;
}

export type { Catalogue };
