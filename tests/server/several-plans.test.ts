// Several plans on one server, without a code change: next year's plan (made from the 2026 rows in
// another layout) is imported by `npm run catalogue` into a seeds folder beside the 2026 catalogue;
// the server loads both, reports on the 2027 plan (sub-rows, a manual target) and the pickers open
// on the plan of the period being reported now.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiClient } from '../../src/client/api';
import type { Principal } from '../../src/server/auth/principal';
import { buildApp } from '../../src/server/app';
import { loadCatalogues } from '../../src/server/catalogues';
import { loadConfig } from '../../src/server/config';
import { syncCatalogueUnits } from '../../src/server/repositories/units';
import { loadPlanContext } from '../../src/taskpane/views/clerk/clerk-setup';
import { initialChoice, loadPlans } from '../../src/taskpane/views/consolidator/consolidator-flow';
import { PLAN_2027_ID, plan2027Text } from '../import/support/plan-2027';
import { sqliteTestDatabase } from './support/databases';
import { as, principal, testAuth } from './support/test-auth';

const ROOT = join(__dirname, '../..');
const PLAN_2026_ID = 'nghe-an-1174-2026';

const apiAs = (app: FastifyInstance, who: Principal) => createApiClient({
  token: () => 'unused',
  fetch: (async (url: string, init: RequestInit) => {
    const res = await app.inject({ method: init.method as 'GET', url, headers: { ...(init.headers as Record<string, string>), ...as(who) }, payload: init.body as string | undefined });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
  }) as typeof fetch,
});

let app: FastifyInstance;
let db: Awaited<ReturnType<typeof sqliteTestDatabase.create>>;
beforeAll(async () => {
  const seeds = mkdtempSync(join(tmpdir(), 'seeds-'));
  copyFileSync(join(ROOT, 'seeds', `${PLAN_2026_ID}.json`), join(seeds, `${PLAN_2026_ID}.json`));
  const input = join(seeds, 'ke-hoach-1250-2027.md');
  writeFileSync(input, plan2027Text());
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/catalogue.ts', '--quiet', '--in', input, '--review-file', join(ROOT, 'seeds', `${PLAN_2026_ID}.review.json`), '--out', join(seeds, `${PLAN_2027_ID}.json`)],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(r.stderr);

  const catalogues = loadCatalogues(seeds);
  db = await sqliteTestDatabase.create();
  for (const c of catalogues.catalogues.values()) await syncCatalogueUnits(db.kysely, c, '2027-01-05T02:00:00.000Z');
  const config = loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent-dist', DATA_DIR: '/nonexistent-data' });
  app = await buildApp({ config, catalogues, openDb: () => db, closeDb: false, auth: testAuth, clock: () => new Date('2027-01-05T02:00:00.000Z') });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

it('lists both plans, each with its own counts', async () => {
  const res = await app.inject({ url: '/api/plans', headers: as(principal('reporter', 'so-khcn')) });
  const plans = res.json().plans as { planId: string; planYear: number; indicators: number; tasks: number }[];
  expect(plans.map((p) => [p.planId, p.planYear, p.indicators, p.tasks]).sort()).toEqual([
    [PLAN_2027_ID, 2027, 54, 59],
    [PLAN_2026_ID, 2026, 51, 57],
  ].sort());
});

it.each([
  ['2026-11-29', PLAN_2026_ID, '2026-Y'],
  ['2026-12-16', PLAN_2026_ID, '2026-Y'], // the 2026 year report (in place of Q4) is still due
  ['2027-01-05', PLAN_2027_ID, '2027-Q1'],
  ['2028-02-01', PLAN_2027_ID, '2027-Y'], // after every deadline: the last plan
])('on %s the pickers open on %s, period %s', async (today, planId, period) => {
  const api = apiAs(app, principal('consolidator', null));
  expect((await loadPlanContext(api, today)).catalogue.planId).toBe(planId);
  expect(initialChoice(await loadPlans(api), today)).toEqual({ planId, period, kind: 'indicators' });
});

it('the clerk may pick the other plan: the picker lists both by number and title', async () => {
  const api = apiAs(app, principal('reporter', 'so-khcn'));
  const p = await loadPlanContext(api, '2026-11-29', PLAN_2027_ID);
  expect(p.catalogue.planId).toBe(PLAN_2027_ID);
  expect(p.periods.map((x) => x.id)).toContain('2027-Q1');
  expect(p.plans.map((x) => x.label).sort()).toEqual(['1174/KH-UBND – Chuyển đổi số tỉnh Nghệ An năm 2026', '1250/KH-UBND – Chuyển đổi số tỉnh Nghệ An năm 2027']);
});

it('takes and consolidates a 2027 report: a sub-row and a manual target, evaluated by a person', async () => {
  const payload = {
    clientSubmissionId: '5b8f7c1e-2d4a-4c3b-9e6f-1a2b3c4d5e6f',
    planId: PLAN_2027_ID,
    unitId: 'so-khcn',
    period: '2027-Y',
    kind: 'indicators',
    rows: [
      { id: 'ct-01', value: '72,5%' },
      { id: 'ct-11.1', value: 'Hoàn thành', note: 'Đã nâng cấp' },
    ],
  };
  const res = await app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', 'so-khcn')), payload });
  expect(res.statusCode).toBe(201);
  const finance = { ...payload, clientSubmissionId: '6c9f8d2f-3e5b-4d4c-8f7a-2b3c4d5e6f70', unitId: 'so-tai-chinh', rows: [{ id: 'ct-48', value: 'Đang triển khai', note: 'Xếp hạng 5 Đông Nam Á' }] };
  const fin = await app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', 'so-tai-chinh')), payload: finance });
  expect(fin.statusCode).toBe(201);
  const c = await app.inject({ url: `/api/consolidation?planId=${PLAN_2027_ID}&period=2027-Y&kind=indicators&format=json`, headers: as(principal('consolidator', null)) });
  expect(c.statusCode).toBe(200);
  const body = JSON.stringify(c.json());
  expect(body).toContain('ct-11.1');
  expect(body).toContain('Top 3 Đông Nam Á');
  const ct48 = (c.json().indicators as { id: string; evaluation: string; evaluationLabel: string; figureText: string }[]).find((r) => r.id === 'ct-48');
  expect(ct48).toMatchObject({ evaluation: 'manual', evaluationLabel: 'Đánh giá thủ công' });
  const x = await app.inject({ url: `/api/templates/indicators.xlsx?planId=${PLAN_2027_ID}&unitId=so-khcn&period=2027-Q1`, headers: as(principal('reporter', 'so-khcn')) });
  expect(x.statusCode).toBe(200);
});
