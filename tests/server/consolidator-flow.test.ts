// The consolidator's taskpane flow end to end without a browser: the real server (through inject),
// the flow module and the Excel adapter on the fake host. Tổng hợp writes the sheet, Làm mới refreshes
// it in place, a monitoring agency's sheet holds only its tasks, a clerk is told why not; the province
// accepts or sends back approved reports from the pane and the sheet shows each unit's province state.
import type { FastifyInstance } from 'fastify';
import { createApiClient } from '../../src/client/api';
import type { Principal } from '../../src/server/auth/principal';
import { excelConsolidation } from '../../src/office/excel/consolidation-index';
import { acceptReport, acceptanceRows, mayAcceptAsProvince, mayActAsProvince, sendBackReport } from '../../src/taskpane/views/consolidator/acceptance-flow';
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

describe('the province’s word on approved reports, from the pane', () => {
  const province = principal('consolidator', null);
  /** The first cell holding `value` (row by row), as its column letter and row. */
  const find = (sheet: string, value: string) => {
    for (let r = 1; r < 400; r += 1) for (const c of 'ABCDEFGHIJKLMN') if (host.cell(sheet, `${c}${r}`).value === value) return { c, r };
    throw new Error(`${value} not on ${sheet}`);
  };
  /** The "Tiếp nhận của tỉnh" cell of a unit in the completeness table (the unit's id is on its row). */
  const stateCell = (sheet: string, unitId: string) => host.cell(sheet, `${find(sheet, 'Tiếp nhận của tỉnh').c}${find(sheet, unitId).r}`).value;

  it('lists the approved reports, accepts one, sends it back with a required reason, and the sheet says so each time', async () => {
    const deps = { api: apiAs(t.app, province), excel: excelConsolidation };
    const choice = { planId: PLAN_ID, period: '2026-Q1', kind: 'indicators' as const };
    const sheet = 'TH PL01 2026-Q1';
    const written = await consolidate(deps, choice, { groups: [] });
    if (!written.ok) throw new Error(written.message);
    expect(find(sheet, 'Tiếp nhận của tỉnh').r).toBe(find(sheet, 'Tình trạng báo cáo').r);
    expect(stateCell(sheet, 'phuong-vinh-hung')).toBe('Chờ tiếp nhận');
    expect(stateCell(sheet, 'phuong-truong-vinh')).toBe(''); // returned by its head: not the province's to act on

    const rows = await acceptanceRows(deps.api, province.grants, choice, written.unitStates);
    // Exactly the approved reports, with the revision listed.
    expect(rows.map((r) => [r.unitId, r.stateLabel, r.mayAccept, r.maySendBack])).toEqual(
      written.unitStates.filter((u) => u.status === 'approved').map((u) => [u.unitId, 'Chờ tiếp nhận', true, true]),
    );
    const row = rows.find((r) => r.unitId === 'phuong-vinh-hung')!;
    expect(await acceptReport(deps.api, row)).toEqual({ ok: true, message: 'Đã chấp nhận báo cáo của Phường Vinh Hưng.' });
    const accepted = await consolidate(deps, choice, { groups: [] });
    expect(stateCell(sheet, 'phuong-vinh-hung')).toBe('Đã tiếp nhận');
    const afterAccept = (await acceptanceRows(deps.api, province.grants, choice, accepted.ok ? accepted.unitStates : [])).find((r) => r.unitId === 'phuong-vinh-hung')!;
    expect(afterAccept).toMatchObject({ stateLabel: 'Đã tiếp nhận', mayAccept: false, maySendBack: true });

    // No reason: refused in Vietnamese on the field, nothing sent.
    expect(await sendBackReport(deps.api, afterAccept, '   ')).toEqual({ ok: false, field: 'reason', message: 'Hãy ghi lý do trả lại để đơn vị biết cần sửa gì.' });
    expect(stateCell(sheet, 'phuong-vinh-hung')).toBe('Đã tiếp nhận');
    const reason = 'Chỉ tiêu 5: thiếu minh chứng về đài truyền thanh.';
    expect(await sendBackReport(deps.api, afterAccept, reason)).toEqual({ ok: true, message: 'Đã trả lại báo cáo của Phường Vinh Hưng để sửa; đơn vị sẽ thấy lý do.' });
    await consolidate(deps, choice, { groups: [] });
    expect(stateCell(sheet, 'phuong-vinh-hung')).toBe('Trả lại để sửa');
    const detail = (await t.app.inject({ url: `/api/submissions/${row.submissionId}`, headers: { 'x-test-principal': JSON.stringify(principal('reporter', 'phuong-vinh-hung')) } })).json();
    expect(detail.decisions.at(-1)).toMatchObject({ action: 'reopen', comment: reason });
    // Acting on a revision the list no longer shows is the server's 409, in Vietnamese.
    expect(await acceptReport(deps.api, row)).toEqual({ ok: false, message: 'Báo cáo đang được trả lại cho đơn vị chỉnh sửa.' });
  });

  it.each([
    ['a province-wide consolidator', principal('consolidator', null)],
    ['an administrator', principal('admin', null)],
    ['a monitoring agency', principal('consolidator', SNV)],
    ['a clerk', principal('reporter', SKHCN)],
    ['a head', principal('approver', SKHCN)],
  ])('offers %s the acts exactly where the server allows them', async (_who, who) => {
    // An approved task report of a unit whose task SNV monitors, and an approved indicator report.
    for (const kind of ['indicators', 'tasks'] as const) {
      const list = (await t.app.inject({ url: `/api/submissions?planId=${PLAN_ID}&period=2026-Q1&kind=${kind}`, headers: { 'x-test-principal': JSON.stringify(principal('consolidator', null)) } })).json().submissions;
      let target = list.find((x: { unitId: string; status: string }) => x.unitId === SKHCN);
      if (target.status !== 'approved') {
        const res = await t.app.inject({ method: 'POST', url: `/api/submissions/${target.id}/approve`, headers: { 'x-test-principal': JSON.stringify(principal('approver', SKHCN)) }, payload: { contentHash: target.contentHash } });
        expect(res.statusCode).toBe(200);
        target = { ...target, status: 'approved' };
      }
      // The server's answer to this principal: 403, or anything else (200, or 409 once accepted).
      const headers = { 'x-test-principal': JSON.stringify(who) };
      const accept = await t.app.inject({ method: 'POST', url: `/api/submissions/${target.id}/accept`, headers, payload: { contentHash: target.contentHash } });
      expect([kind, 'accept', mayAcceptAsProvince(who.grants, kind)]).toEqual([kind, 'accept', accept.statusCode !== 403]);
      // Sending back is probed without a reason: who may act is checked before the body (403, else 400).
      const sendBack = await t.app.inject({ method: 'POST', url: `/api/submissions/${target.id}/reopen`, headers, payload: {} });
      expect([kind, 'send back', mayActAsProvince(who.grants, kind)]).toEqual([kind, 'send back', sendBack.statusCode !== 403]);
      if (sendBack.statusCode !== 403) expect(sendBack.statusCode).toBe(400);
    }
  });
});
