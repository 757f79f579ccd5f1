// `npm run demo` fills its own database once: sample communes, one user per role, submissions in
// different states – through the same routes as real use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { withAuthOptions } from '../../src/server/auth/plugin';
import { bootstrap } from '../../src/server/bootstrap';
import { defaultSeedsDir, loadCatalogues } from '../../src/server/catalogues';
import { loadConfig } from '../../src/server/config';
import { prepare } from '../../src/server/demo';
import { sqliteTestDatabase } from './support/databases';

describe('demo data', () => {
  it('creates users for every role and submissions submitted, approved and returned, once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const db = await sqliteTestDatabase.create();
    const app = await buildApp({
      config: loadConfig({ HTTPS: '0', DATA_DIR: dataDir, DIST_DIR: '/nonexistent' }),
      catalogues: loadCatalogues(defaultSeedsDir),
      openDb: () => db,
      closeDb: false,
      auth: withAuthOptions({ env: { AUTH_SECRET: 'demo-test-secret-that-is-long-enough-0123' } }),
    });
    try {
      await app.ready();
      const printed: string[] = [];
      expect(await bootstrap(app, (l) => printed.push(l))).toEqual(expect.any(String)); // the admin's one-time password
      await prepare(app, (t) => printed.push(t));
      const roles = await db.kysely.selectFrom('user_roles').select('role').execute();
      expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['admin', 'consolidator', 'reporter', 'approver']));
      const statuses = (await db.kysely.selectFrom('submissions').select('status').execute()).map((s) => s.status).sort();
      expect(statuses).toEqual(['approved', 'returned', 'submitted', 'submitted']);
      expect(printed.join('\n')).toMatch(/demo\.chuyenvien\s+reporter\s+so-khcn\s+Demo-/);
      const communes = await db.kysely.selectFrom('units').select('id').where('level', '=', 'commune').execute();
      expect(communes.length).toBeGreaterThan(5);

      await prepare(app, () => undefined); // a second start adds nothing
      expect((await db.kysely.selectFrom('submissions').select('id').execute()).length).toBe(4);
    } finally {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
