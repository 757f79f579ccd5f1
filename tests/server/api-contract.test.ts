// The contract (src/core/api) against the server: every endpoint is a registered route and every
// /api route is an endpoint; the OpenAPI document carries each endpoint's statuses; and the checking
// serializer the server tests run with (tests/server/support/app.ts) really turns an answer that
// does not match its schema into a failure – so every JSON answer in the server tests is checked.
import Fastify, { type RouteOptions } from 'fastify';
import { z } from 'zod';
import { API, endpoint, errors, type Endpoint } from '../../src/core/api';
import { reportingApp } from '../../src/server/app';
import { withAuthOptions } from '../../src/server/auth/plugin';
import { catalogueStore } from '../../src/server/catalogues';
import { loadConfig } from '../../src/server/config';
import { installErrorHandler } from '../../src/server/errors';
import { checkingSerializerCompiler, route, validatorCompiler } from '../../src/server/routes/contract';
import { testCatalogue } from './support/catalogue';
import { sqliteTestDatabase } from './support/databases';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

it('registers exactly the contract’s endpoints, and documents each with its statuses', async () => {
  const db = await sqliteTestDatabase.create();
  const app = Fastify();
  const registered: string[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
      if (m !== 'HEAD' && m !== 'OPTIONS' && r.url.startsWith('/api/') && r.url !== '/api/openapi.json') registered.push(key(m, r.url));
    }
  });
  try {
    await app.register(reportingApp, {
      config: loadConfig({ HTTPS: '0', DIST_DIR: '/nonexistent-dist', DATA_DIR: '/nonexistent-data' }),
      catalogues: catalogueStore([testCatalogue]), openDb: () => db, closeDb: false,
      auth: withAuthOptions({ env: { AUTH_SECRET: 'api-contract-test-secret-long-enough-1234' } }),
    });
    await app.ready();
    expect([...new Set(registered)].sort()).toEqual(Object.values(API).map((e) => key(e.method, e.path)).sort());
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>> };
    for (const e of Object.values(API) as Endpoint[]) {
      const op = doc.paths[e.path.replace(/:(\w+)/g, '{$1}')]?.[e.method.toLowerCase()];
      const statuses = [...Object.keys(e.responses), ...(e.file ? ['200'] : []), ...(e.etag ? ['304'] : [])];
      expect(`${e.method} ${e.path}: ${Object.keys(op?.responses ?? {}).sort()}`).toBe(`${e.method} ${e.path}: ${[...new Set(statuses)].sort()}`);
      if (!e.etag) continue;
      // 304 is its own response: described, no body, the ETag header named.
      const notModified = op!.responses['304'];
      expect(notModified).toEqual({ description: expect.stringMatching(/^Not Modified/), headers: { ETag: expect.objectContaining({ schema: { type: 'string' } }) } });
      expect(notModified).not.toHaveProperty('content');
    }
    // The open feed's GET routes are the ones that answer 304 (routes/open-feed.ts withEtag): each says so.
    expect(Object.values(API).filter((e) => (e as Endpoint).etag).map((e) => e.path).sort())
      .toEqual(Object.values(API).filter((e) => e.path.startsWith('/api/open/') && e.method === 'GET').map((e) => e.path).sort());
  } finally {
    await app.close();
    await db.drop();
  }
});

describe('the checking serializer', () => {
  const probe = endpoint({
    method: 'GET', path: '/api/probe', tag: 'test', access: 'public', summary: 'probe',
    query: z.strictObject({ answer: z.enum(['good', 'extra', 'wrong']) }),
    responses: { 200: z.strictObject({ n: z.number() }), ...errors(400) },
  });
  const app = Fastify();
  beforeAll(async () => {
    installErrorHandler(app);
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(checkingSerializerCompiler);
    await app.register(async (api) => {
      route(api, probe, async (request) => (request.query.answer === 'good' ? { n: 1 } : request.query.answer === 'extra' ? { n: 1, secret: 'x' } : { n: 'one' }));
    }, { prefix: '/api' });
    await app.ready();
  });
  afterAll(() => app.close());

  it.each([['good', 200], ['extra', 500], ['wrong', 500]] as const)('answer %s → %i', async (answer, status) => {
    expect((await app.inject({ method: 'GET', url: `/api/probe?answer=${answer}` })).statusCode).toBe(status);
  });

  it('a request the schema refuses is the project’s Vietnamese 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe?answer=maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: 'Tham số truy vấn không hợp lệ.', issues: [{ code: 'request.invalid', field: 'answer' }] });
  });
});
