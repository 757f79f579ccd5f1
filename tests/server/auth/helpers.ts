// A small Fastify app with only the auth plugin and two guarded routes, on a fresh migrated database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../../../src/server/db/connect';
import { hashPassword } from '../../../src/server/auth/passwords';
import { authPlugin, requireCapability, type AuthSettings } from '../../../src/server/auth/plugin';
import { createUser, grant } from '../../../src/server/repositories/users';

export async function addUnits(db: Db, ids: readonly string[]): Promise<void> {
  const at = new Date().toISOString();
  await db.kysely
    .insertInto('units')
    .values(ids.map((id) => ({ id, name: `Đơn vị ${id}`, level: 'province', classes: '[]', source: 'csv', updated_at: at })))
    .execute();
}

/** Creates a local user with a password and grants; returns its id. */
export async function addUser(
  db: Db,
  username: string,
  password: string,
  grants: ReadonlyArray<[string, string | null]> = [],
  extra: { mustChangePassword?: boolean; entraOid?: string; entraUpn?: string } = {},
): Promise<string> {
  const created = await createUser(db.kysely, { username, passwordHash: await hashPassword(password), ...extra }, 'test');
  if (!created.ok) throw new Error(created.message);
  for (const [role, unitId] of grants) {
    const r = await grant(db.kysely, created.value.id, role, unitId, 'test');
    if (!r.ok) throw new Error(r.message);
  }
  return created.value.id;
}

export async function buildAuthApp(db: Db, auth: Partial<AuthSettings> = {}, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(authPlugin, { db, config: { dataDir: mkdtempSync(join(tmpdir(), 'auth-app-')) }, auth, env });
  app.get<{ Params: { unitId: string } }>(
    '/api/units/:unitId/submissions',
    { preHandler: requireCapability('submission.read', (r) => ({ unitId: (r.params as { unitId: string }).unitId, kind: 'indicators' })) },
    async (request) => ({ ok: true, user: request.principal?.username }),
  );
  app.get('/api/audit', { preHandler: requireCapability('audit.read') }, async () => ({ ok: true }));
  app.get('/api/submissions', { preHandler: requireCapability('submission.read', 'someUnit') }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

/** One request through app.inject(), with the client address the throttle sees. */
export function call(
  app: FastifyInstance,
  req: { method?: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: object; remoteAddress?: string },
) {
  return app.inject({ method: req.method ?? 'GET', url: req.url, headers: req.headers, payload: req.payload, remoteAddress: req.remoteAddress ?? '10.0.0.1' });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
