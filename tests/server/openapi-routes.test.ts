// The OpenAPI document against the routes the app really registers (auth plugin included): every
// /api route and method is described, and nothing is described that does not exist.
import Fastify, { type RouteOptions } from 'fastify';
import { reportingApp } from '../../src/server/app';
import { withAuthOptions } from '../../src/server/auth/plugin';
import { catalogueStore } from '../../src/server/catalogues';
import { loadConfig } from '../../src/server/config';
import { testCatalogue } from './support/catalogue';
import { sqliteTestDatabase } from './support/databases';

/** Fastify's `:param` → OpenAPI's `{param}`. */
const toOpenApi = (url: string) => url.replace(/:(\w+)/g, '{$1}');

it('the OpenAPI document lists exactly the /api routes and methods the app registers', async () => {
  const db = await sqliteTestDatabase.create();
  const app = Fastify();
  const registered: string[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS' || !route.url.startsWith('/api/')) continue;
      if (route.url === '/api/openapi.json') continue; // the document itself
      registered.push(`${m.toLowerCase()} ${toOpenApi(route.url)}`);
    }
  });
  try {
    await app.register(reportingApp, {
      config: loadConfig({ HTTPS: '0', DIST_DIR: '/nonexistent-dist', DATA_DIR: '/nonexistent-data' }),
      catalogues: catalogueStore([testCatalogue]),
      openDb: () => db,
      closeDb: false,
      auth: withAuthOptions({ env: { AUTH_SECRET: 'openapi-routes-test-secret-long-enough-123' } }),
    });
    await app.ready();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(registered.length).toBeGreaterThan(15);
    expect([...new Set(registered)].sort()).toEqual(documented.sort());
  } finally {
    await app.close();
    await db.drop();
  }
});
