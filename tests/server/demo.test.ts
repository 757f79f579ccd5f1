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
import { expandConsolidation } from '../../src/core/consolidation-sheet';

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
      const rows = await db.kysely.selectFrom('submissions').select(['status', 'period', 'unit_id']).execute();
      const count = (status: string) => rows.filter((r) => r.status === status).length;
      expect([count('approved'), count('returned')]).toEqual([1, 1]);
      // Only the plan's scheme: Q1 from (almost) every unit, the 6-month report under way.
      expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2026-Q1', '2026-H1']));
      expect(rows.filter((r) => r.period === '2026-Q1').length).toBeGreaterThan(20);

      // The Q1 consolidation reads as a statistician expects (docs/figures.md).
      const admin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo.tonghop', password: printed.join('\n').split('\n').find((l) => l.includes('demo.tonghop'))!.trim().split(/\s+/).at(-1) } });
      expect(admin.statusCode).toBe(200);
      const q1 = (await app.inject({ method: 'GET', url: '/api/consolidation?planId=nghe-an-1174-2026&period=2026-Q1&kind=indicators', headers: { authorization: `Bearer ${admin.json().token}` } })).json();
      const q1Lines = expandConsolidation(q1).indicators;
      const yearly = ['ct-47', 'ct-48', 'ct-51'];
      expect(q1.indicators.map((i: { id: string }) => i.id).filter((id: string) => yearly.includes(id))).toEqual([]);
      for (const i of q1.indicators) {
        expect([i.id, i.reported > 0]).toEqual([i.id, true]);
        expect(['Đạt', 'Vượt', 'Chưa đạt']).not.toContain(i.evaluationLabel); // progress in Q1, never final
        if (i.reported < i.expected) expect(i.provisional).toBe(true);
      }
      const ct05 = q1Lines.find((i) => i.id === 'ct-05')!;
      expect(ct05.provisional).toBe(true); // two sample communes have not reported
      for (const u of ct05.units.filter((x: { display: string | null }) => x.display !== null)) expect(u.assessment).toBe('Đóng góp vào số liệu toàn tỉnh');
      expect(printed.join('\n')).toMatch(/demo\.chuyenvien\s+reporter\s+so-khcn\s+Demo-/);
      const communes = await db.kysely.selectFrom('units').select('id').where('level', '=', 'commune').execute();
      expect(communes.length).toBeGreaterThan(5);

      await prepare(app, () => undefined); // a second start adds nothing
      expect((await db.kysely.selectFrom('submissions').select('id').execute()).length).toBe(rows.length);
    } finally {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
