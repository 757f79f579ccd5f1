// What the request path remembers between requests (docs/figures.md, "What a submission does"):
// verified token signatures (auth/tokens.ts) and one unit's assignment per catalogue
// (effective-assignments.ts). Neither may outlive a change made anywhere: two app instances on one
// database, each with its own memory, as two server processes behind a load balancer. Every
// revocation below is made through one instance (or the administrator's tools) after both have
// served the token, and must count at the other's next request.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { withAuthOptions } from '../../../src/server/auth/plugin';
import { hashPassword } from '../../../src/server/auth/passwords';
import { catalogueStore } from '../../../src/server/catalogues';
import { loadConfig } from '../../../src/server/config';
import { connect, type Db } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { setOverride } from '../../../src/server/repositories/assignment-overrides';
import { revoke, setPassword, setUserDisabled } from '../../../src/server/repositories/users';
import { syncCatalogueUnits } from '../../../src/server/repositories/units';
import { PLAN_ID, SKHCN, testCatalogue } from '../support/catalogue';
import { describeEachDatabase } from '../support/databases';
import { indicatorReport } from '../support/requests';
import { addUser, bearer } from './helpers';

const PASSWORD = 'Mật khẩu đủ dài 2026';
const SECRET = 'revocation-test-secret-long-enough-0123456789';

async function instance(db: Db): Promise<FastifyInstance> {
  const config = loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent-dist', DATA_DIR: mkdtempSync(join(tmpdir(), 'revoke-')), AUTH_SECRET: SECRET });
  const app = await buildApp({
    config, catalogues: catalogueStore([testCatalogue]), openDb: () => db, closeDb: false,
    // One secret for both, as instances behind a load balancer share AUTH_SECRET (docs/deploy.md).
    auth: withAuthOptions({ env: { AUTH_SECRET: SECRET } }),
    checkResponses: true,
  });
  await app.ready();
  return app;
}

type Revocation = (ctx: { db: Db; a: FastifyInstance; userId: string; token: string }) => Promise<void>;

/** Each way a token or a right ends, and the status the other instance must answer at once. */
const REVOCATIONS: ReadonlyArray<[string, Revocation, number]> = [
  ['signing out through the first instance', async ({ a, token }) => {
    expect((await a.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBeLessThan(300);
  }, 401],
  ['a new password set by the administrator', async ({ db, userId }) => {
    expect((await setPassword(db.kysely, userId, await hashPassword('Mật khẩu mới đủ dài 2026'), { mustChange: false }, 'test')).ok).toBe(true);
  }, 401],
  ['disabling the account', async ({ db, userId }) => {
    expect((await setUserDisabled(db.kysely, userId, true, 'test')).ok).toBe(true);
  }, 401],
  ['taking the reporter role away', async ({ db, userId }) => {
    expect((await revoke(db.kysely, userId, 'reporter', SKHCN, 'test')).ok).toBe(true);
  }, 403],
  ['excluding the unit from one of the reported indicators (an override)', async ({ db }) => {
    const r = await setOverride(db.kysely, testCatalogue, { itemId: 'ct-01', unitId: SKHCN, effect: 'exclude', reason: 'Thử nghiệm' }, 'test', new Date().toISOString());
    expect(r.ok).toBe(true);
  }, 422],
  ['deactivating the unit', async ({ db }) => {
    await db.kysely.updateTable('units').set({ active: 0 }).where('id', '=', SKHCN).execute();
  }, 404],
];

describeEachDatabase('revocation across two instances', (database) => {
  let db: Db & { drop(): Promise<void> };
  let a: FastifyInstance;
  let b: FastifyInstance;
  let userId: string;
  let token: string;

  beforeEach(async () => {
    db = await database.create();
    await syncCatalogueUnits(db.kysely, testCatalogue, new Date().toISOString());
    userId = await addUser(db, 'nv.khcn', PASSWORD, [['reporter', SKHCN]]);
    [a, b] = [await instance(db), await instance(db)];
    const login = await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nv.khcn', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    token = login.json().token as string;
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  const submit = (app: FastifyInstance) =>
    app.inject({ method: 'POST', url: '/api/submissions', headers: bearer(token), payload: indicatorReport({ clientSubmissionId: randomUUID() }) });

  it.each(REVOCATIONS)('%s counts at the next request on both instances', async (_name, revokeIt, status) => {
    // Both instances have verified the token and computed the unit's assignment (and remember them).
    for (const app of [a, b, a, b]) { const r = await submit(app); expect(`${r.statusCode} ${r.body}`).toMatch(/^20/); }
    await revokeIt({ db, a, userId, token });
    for (const app of [b, a]) {
      const res = await submit(app);
      expect(res.statusCode).toBe(status);
    }
    expect(Number((await db.kysely.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1);
  });

  it('an override that gives the unit an indicator counts at once too (the remembered assignment is keyed by the overrides read)', async () => {
    const extra = { ...indicatorReport(), rows: [...indicatorReport().rows, { id: 'ct-05', value: 'Có' }] };
    for (const app of [a, b]) expect((await app.inject({ method: 'POST', url: '/api/submissions', headers: bearer(token), payload: { ...extra, clientSubmissionId: randomUUID() } })).statusCode).toBe(422);
    const r = await setOverride(db.kysely, testCatalogue, { itemId: 'ct-05', unitId: SKHCN, effect: 'include', reason: 'Thử nghiệm' }, 'test', new Date().toISOString());
    expect(r.ok).toBe(true);
    const res = await b.inject({ method: 'POST', url: '/api/submissions', headers: bearer(token), payload: { ...extra, clientSubmissionId: randomUUID(), planId: PLAN_ID } });
    expect(res.statusCode).toBe(201);
  });
});

// On SQLite the user, grants, unit and overrides are remembered per connection until their tables
// change (db/read-cache.ts): a change committed through another connection to the file – another
// server process, `npm run admin` – must count at once too. Instance a and the revocations use one
// connection, instance b another.
describe('revocation through another connection to the SQLite file', () => {
  let dir: string;
  let one: Db;
  let other: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let userId: string;
  let token: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'revoke-file-'));
    one = connect({ sqliteFile: join(dir, 'reporting.sqlite') });
    await migrateToLatest(one);
    other = connect({ sqliteFile: join(dir, 'reporting.sqlite') });
    await syncCatalogueUnits(one.kysely, testCatalogue, new Date().toISOString());
    userId = await addUser(one, 'nv.khcn', PASSWORD, [['reporter', SKHCN]]);
    [a, b] = [await instance(other), await instance(one)];
    const login = await b.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nv.khcn', password: PASSWORD } });
    token = login.json().token as string;
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await other.close();
    await one.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(REVOCATIONS)('%s counts at the next request of an instance on the other connection', async (_name, revokeIt, status) => {
    for (const app of [b, b, a]) {
      const r = await app.inject({ method: 'POST', url: '/api/submissions', headers: bearer(token), payload: indicatorReport({ clientSubmissionId: randomUUID() }) });
      expect(`${r.statusCode} ${r.body}`).toMatch(/^20/);
    }
    expect(one.readCache).toBeDefined();
    await revokeIt({ db: other, a, userId, token });
    const res = await b.inject({ method: 'POST', url: '/api/submissions', headers: bearer(token), payload: indicatorReport({ clientSubmissionId: randomUUID() }) });
    expect(res.statusCode).toBe(status);
  });
});
