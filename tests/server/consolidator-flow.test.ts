// The consolidator's taskpane flow end to end without a browser: the real server (through inject),
// the flow module and the Excel adapter on the fake host. Tổng hợp writes the sheet, Làm mới refreshes
// it in place, a monitoring agency's sheet holds only its tasks, a clerk is told why not.
import type { FastifyInstance } from 'fastify';
import { createApiClient } from '../../src/client/api';
import type { Principal } from '../../src/server/auth/principal';
import { excelConsolidation } from '../../src/office/excel/consolidation-index';
import { consolidate, loadPlans } from '../../src/taskpane/views/consolidator/consolidator-flow';
import { FakeExcelHost } from '../support/fake-excel';
import { chartsOf, withCharts } from '../support/fake-excel-charts';
import { testApp, type TestApp } from './support/app';
import { PLAN_ID, SKHCN, SNV } from './support/catalogue';
import { seedPeriod } from './support/consolidation-data';
import { sqliteTestDatabase } from './support/databases';
import { principal } from './support/test-auth';

/** fetch over app.inject, signed in as `who` (the test auth header). */
const apiAs = (app: FastifyInstance, who: Principal) => createApiClient({
  token: () => 'unused',
  fetch: (async (url: string, init: RequestInit) => {
    const res = await app.inject({ method: init.method as 'GET', url, headers: { ...(init.headers as Record<string, string>), 'x-test-principal': JSON.stringify(who) }, payload: init.body as string | undefined });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
  }) as typeof fetch,
});

let t: TestApp;
let host: FakeExcelHost;
let uninstall: () => void;
beforeAll(async () => {
  t = await testApp(sqliteTestDatabase);
  await seedPeriod(t);
});
afterAll(async () => t.close());
beforeEach(() => {
  host = new FakeExcelHost();
  host.book.create('Sheet1');
  uninstall = host.install();
  withCharts();
});
afterEach(() => uninstall());

const column = (sheet: string, col: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => host.cell(sheet, `${col}${from + k}`).value);
/** The 1-based row of the province table's first line: below its header, the only "TT" in column A. */
const firstLine = (sheet: string): number => {
  for (let r = 1; r < 200; r++) if (host.cell(sheet, `A${r}`).value === 'TT') return r + 1;
  throw new Error(`${sheet}: no province table`);
};

it('offers the plans with their periods and group titles', async () => {
  const plans = await loadPlans(apiAs(t.app, principal('consolidator', null)));
  expect(plans).toHaveLength(1);
  expect(plans[0].periods.map((p) => p.id)).toContain('2026-Q1');
  expect(plans[0].groups.indicators.map((g) => g.id)).toEqual(['I', 'II']);
});

it('Tổng hợp writes the province sheet; Làm mới refreshes the same sheet with new reports', async () => {
  const deps = { api: apiAs(t.app, principal('consolidator', null)), excel: excelConsolidation };
  const [plan] = await loadPlans(deps.api);
  const choice = { planId: PLAN_ID, period: '2026-Q1', kind: 'indicators' as const };
  const first = await consolidate(deps, choice, { groups: plan.groups.indicators, document: plan.document });
  expect(first).toMatchObject({ ok: true, sheetName: 'TH PL01 2026-Q1', refreshed: false, units: 6, missing: 2, items: 4 });
  const line = firstLine('TH PL01 2026-Q1');
  expect(column('TH PL01 2026-Q1', 'E', line, line + 3)).toEqual(['72,5%', '50% (1/2)', 'Đang triển khai', '8,2% (105/1.280)']);
  // The title names the plan's document, as the .xlsx export does, not the plan id.
  expect(host.cell('TH PL01 2026-Q1', 'A2').value).toBe(`Kế hoạch số ${plan.document.number} ngày 31/12/2025 – ${plan.document.title}`);

  const res = await t.app.inject({
    method: 'POST', url: '/api/submissions', headers: { 'x-test-principal': JSON.stringify(principal('reporter', SNV)) },
    payload: { clientSubmissionId: '7d0c5c58-8d5e-4a4e-9d0c-2b1f4f3f6a11', planId: PLAN_ID, unitId: SNV, period: '2026-Q1', kind: 'indicators', rows: [{ id: 'ct-16', numerator: 95, denominator: 120 }] },
  });
  expect(res.statusCode).toBe(201);
  const again = await consolidate(deps, choice, { groups: plan.groups.indicators, document: plan.document });
  expect(again).toMatchObject({ ok: true, refreshed: true, missing: 1 });
  expect(host.cell('TH PL01 2026-Q1', `E${line + 3}`).value).toBe('14,29% (200/1.400)');
  expect(host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'TH PL01 2026-Q1']);
  expect(chartsOf(host.sheet('TH PL01 2026-Q1'))).toHaveLength(1);
});

it('gives a monitoring agency’s consolidator a sheet of only the tasks it oversees', async () => {
  const deps = { api: apiAs(t.app, principal('consolidator', SNV)), excel: excelConsolidation };
  const r = await consolidate(deps, { planId: PLAN_ID, period: '2026-Q1', kind: 'tasks' }, { groups: [] });
  expect(r).toMatchObject({ ok: true, sheetName: 'TH PL02 2026-Q1', items: 1 });
  const line = firstLine('TH PL02 2026-Q1');
  expect(host.cell('TH PL02 2026-Q1', `K${line}`).value).toBe('nv-01');
  expect(host.cell('TH PL02 2026-Q1', `K${line + 1}`).value).toBe('');
  const indicators = await consolidate(deps, { planId: PLAN_ID, period: '2026-Q1', kind: 'indicators' }, { groups: [] });
  expect(indicators).toEqual({ ok: false, message: 'Bạn không có quyền thực hiện thao tác này.' });
});

it('tells a clerk, in Vietnamese, that consolidation is not theirs, and writes nothing', async () => {
  const r = await consolidate({ api: apiAs(t.app, principal('reporter', SKHCN)), excel: excelConsolidation }, { planId: PLAN_ID, period: '2026-Q1', kind: 'indicators' }, { groups: [] });
  expect(r).toEqual({ ok: false, message: 'Bạn không có quyền thực hiện thao tác này.' });
  expect(host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});
