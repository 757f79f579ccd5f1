// The clerk's flow without a browser: the real Excel adapters over the fake Excel host, the real
// server app (in-process, SQLite) behind the real HTTP client, and the outbox. Insert → fill → check
// → fix → submit; a retry is the same submission; offline → outbox → sent once; a returned report
// corrected becomes a new revision with a new client id; cell-edit mode waits with a message.
import type { FastifyInstance } from 'fastify';
import { createApiClient, type ApiClient } from '../../src/client/api';
import { Outbox, outboxKey, type Sender } from '../../src/client/outbox';
import type { SubmissionResponse } from '../../src/core/schemas';
import type { TemplateMapping } from '../../src/core/template';
import { excelReports } from '../../src/office/excel';
import { checkReport, fetchStatus, insertReport, showCell, submitReport, type SubmitDeps } from '../../src/taskpane/views/clerk/clerk-actions';
import { loadPlanContext, reportingUnits, type PlanContext } from '../../src/taskpane/views/clerk/clerk-setup';
import { FakeExcelHost, typeInto } from '../support/fake-excel';
import { testApp, type TestApp } from '../server/support/app';
import { sqliteTestDatabase } from '../server/support/databases';
import { as, principal } from '../server/support/test-auth';

const UNIT = 'phuong-truong-vinh';
const clerk = principal('reporter', UNIT);
const head = principal('approver', UNIT);

/** The real HTTP client, its requests answered by the app in-process; `offline` makes fetch fail as without network. */
function clientFor(app: FastifyInstance, who: Record<string, string>, net: { offline: boolean; posts: number }): ApiClient {
  const doFetch = (async (url: string, init: RequestInit = {}) => {
    if (net.offline) throw new TypeError('Failed to fetch');
    if (init.method === 'POST') net.posts += 1;
    const res = await app.inject({ method: init.method as 'GET' | 'POST', url, headers: { ...(init.headers as Record<string, string>), ...who }, payload: init.body as string | undefined });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') } });
  }) as typeof fetch;
  return createApiClient({ token: () => null, fetch: doFetch });
}

function storage(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage;
}

const address = (m: TemplateMapping, id: string, key: 'value' | 'numerator' | 'denominator' | 'note'): string => {
  const row = m.rows.find((r) => r.id === id)!.row;
  return `${String.fromCharCode(65 + m.columns[key]!)}${row + 1}`;
};

describe('the clerk’s flow against the real server and the fake Excel host', () => {
  let t: TestApp;
  let host: FakeExcelHost;
  let uninstall: () => void;
  let net: { offline: boolean; posts: number };
  let api: ApiClient;
  let plan: PlanContext;
  let deps: SubmitDeps;
  let ids: string[];
  let waits: (string | null)[];

  beforeEach(async () => {
    t = await testApp(sqliteTestDatabase);
    host = new FakeExcelHost();
    host.book.create('Sheet1');
    uninstall = host.install();
    net = { offline: false, posts: 0 };
    api = clientFor(t.app, as(clerk), net);
    plan = await loadPlanContext(api);
    ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    waits = [];
    const sender: Sender = (r) => api.post<SubmissionResponse>('/api/submissions', r);
    deps = {
      excel: excelReports, plan, outbox: new Outbox({ storage: storage(), key: outboxKey('', 'cb.test') }), sender,
      newId: () => ids.shift()!, retryDelaysMs: [1, 1, 1], onWaiting: (w) => waits.push(w && w.message),
    };
  });
  afterEach(async () => {
    uninstall();
    await t.close();
  });

  const unit = () => reportingUnits({ roles: clerk.grants }, plan.units).find((u) => u.id === UNIT)!;
  async function insert01(): Promise<TemplateMapping> {
    const r = await insertReport(deps, 'indicators', unit(), '2026-Q1');
    expect(r.kind).toBe('inserted');
    const read = await excelReports.readForSubmit('PL01 2026-Q1');
    if (!read.ok) throw new Error(read.error.message);
    return read.value.mapping;
  }
  const submissions = async () => (await clientFor(t.app, as(head), { offline: false, posts: 0 }).get<{ submissions: { id: string; revision: number; status: string }[] }>(`/api/submissions?unitId=${UNIT}`)).submissions;

  it('offers only the units of the clerk’s roles', () => {
    expect(reportingUnits({ roles: [{ role: 'reporter', unitId: UNIT }, { role: 'approver', unitId: 'xa-dien-chau' }] }, plan.units).map((u) => u.id)).toEqual([UNIT]);
    expect(reportingUnits({ roles: [{ role: 'admin', unitId: null }] }, plan.units)).toHaveLength(plan.units.length);
  });

  it('inserts only the unit’s assigned indicators, and never overwrites a sheet without being asked', async () => {
    const mapping = await insert01();
    expect(mapping.rows.map((r) => r.id)).toEqual(unit().indicators);
    expect(mapping.rows.map((r) => r.id)).not.toContain('ct-01'); // Sở KH&CN's indicator
    typeInto(host, 'PL01 2026-Q1', address(mapping, 'ct-05', 'value'), 'Có');
    const again = await insertReport(deps, 'indicators', unit(), '2026-Q1');
    expect(again).toMatchObject({ kind: 'exists', sheetName: 'PL01 2026-Q1' });
    expect(host.cell('PL01 2026-Q1', address(mapping, 'ct-05', 'value')).value).toBe('Có');
    expect((await insertReport(deps, 'indicators', unit(), '2026-Q1', true)).kind).toBe('inserted');
    expect(host.cell('PL01 2026-Q1', address(mapping, 'ct-05', 'value')).value).toBe('');
  });

  it('checks, blocks submission while errors remain, selects an issue’s cell, then sends once and replays a retry', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Có');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '50');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '40'); // more trained than staff: an error
    const blocked = await submitReport(deps, 'PL01 2026-Q1');
    expect(blocked.kind).toBe('blocked');
    if (blocked.kind !== 'blocked') return;
    const severities = blocked.result.issues.map((i) => i.severity);
    expect(severities).toEqual([...severities].sort()); // 'error' < 'warning': errors first
    const first = blocked.result.issues[0];
    expect(first.address).toMatch(/^[A-Z]+\d+$/);
    expect(await showCell(deps, 'PL01 2026-Q1', first.address!)).toBeNull();
    expect(host.selection).toEqual({ sheet: 'PL01 2026-Q1', address: `'PL01 2026-Q1'!${first.address}` });
    expect(net.posts).toBe(0);
    expect(await submissions()).toEqual([]);

    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '30');
    const sent = await submitReport(deps, 'PL01 2026-Q1');
    expect(sent).toMatchObject({ kind: 'sent', response: { revision: 1, status: 'submitted' } });
    const found = await excelReports.findReportSheets();
    expect(found.ok && found.value[0].clientSubmissionId).toBe('11111111-1111-4111-8111-111111111111');
    expect(await submitReport(deps, 'PL01 2026-Q1')).toMatchObject({ kind: 'sent', response: { revision: 1 } }); // same id, same content: replayed
    expect(await submissions()).toMatchObject([{ revision: 1, status: 'submitted' }]);
    expect(await fetchStatus(api, { planId: m.planId, unitId: UNIT, period: '2026-Q1', kind: 'indicators' })).toMatchObject({ state: 'submitted', revision: 1 });
  });

  it('keeps the report in the outbox while the server cannot be reached, then sends it once', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Không');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '30');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '40');
    net.offline = true;
    expect(await submitReport(deps, 'PL01 2026-Q1')).toMatchObject({ kind: 'queued', error: expect.stringMatching(/Không kết nối được/) });
    expect(deps.outbox.waiting()).toHaveLength(1);
    net.offline = false;
    expect((await deps.outbox.flush(deps.sender, true)).map((o) => o.kind)).toEqual(['sent']);
    expect(await deps.outbox.flush(deps.sender, true)).toEqual([]);
    expect(net.posts).toBe(1);
    expect(await submissions()).toMatchObject([{ revision: 1 }]);
  });

  it('sends a returned report, once corrected, as a new revision under a new client id', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Có');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '30');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '40');
    await submitReport(deps, 'PL01 2026-Q1');
    const [s] = await submissions();
    const headApi = clientFor(t.app, as(head), { offline: false, posts: 0 });
    await headApi.post(`/api/submissions/${s.id}/return`, { comment: 'Số cán bộ được đào tạo chưa khớp danh sách.' });
    const key = { planId: m.planId, unitId: UNIT, period: '2026-Q1', kind: 'indicators' as const };
    expect(await fetchStatus(api, key)).toMatchObject({ state: 'returned', returnedBy: 'head', comment: 'Số cán bộ được đào tạo chưa khớp danh sách.' });

    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '28');
    expect(await submitReport(deps, 'PL01 2026-Q1')).toMatchObject({ kind: 'sent', response: { revision: 2 } });
    const found = await excelReports.findReportSheets();
    expect(found.ok && found.value[0].clientSubmissionId).toBe('22222222-2222-4222-8222-222222222222');
    expect(await fetchStatus(api, key)).toMatchObject({ state: 'submitted', revision: 2, comment: null });
    expect(deps.outbox.entries()).toEqual([]); // the refused 409 attempt did not stay behind
  });

  it('shows the reason Sở KH&CN gives when it sends an approved report back, and lets the clerk send a correction', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Có');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '30');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '40');
    await submitReport(deps, 'PL01 2026-Q1');
    const [s] = await submissions();
    const detail = await api.get<{ contentHash: string }>(`/api/submissions/${s.id}`);
    await clientFor(t.app, as(head), { offline: false, posts: 0 }).post(`/api/submissions/${s.id}/approve`, { contentHash: detail.contentHash });
    const province = clientFor(t.app, as(principal('consolidator', null)), { offline: false, posts: 0 });
    await province.post(`/api/submissions/${s.id}/reopen`, { reason: 'Chỉ tiêu 16: mẫu số chưa khớp số cán bộ của phường.' });
    const key = { planId: m.planId, unitId: UNIT, period: '2026-Q1', kind: 'indicators' as const };
    expect(await fetchStatus(api, key)).toMatchObject({ state: 'returned', returnedBy: 'province', comment: 'Chỉ tiêu 16: mẫu số chưa khớp số cán bộ của phường.' });
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '41');
    expect(await submitReport(deps, 'PL01 2026-Q1')).toMatchObject({ kind: 'sent', response: { revision: 2 } });
  });

  it('shows an approved report as approved, and a later send is refused as locked, saying why, and not retried', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Có');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '30');
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'denominator'), '40');
    await submitReport(deps, 'PL01 2026-Q1');
    const [s] = await submissions();
    const detail = await api.get<{ contentHash: string }>(`/api/submissions/${s.id}`);
    await clientFor(t.app, as(head), { offline: false, posts: 0 }).post(`/api/submissions/${s.id}/approve`, { contentHash: detail.contentHash });
    const key = { planId: m.planId, unitId: UNIT, period: '2026-Q1', kind: 'indicators' as const };
    expect(await fetchStatus(api, key)).toMatchObject({ state: 'approved', revision: 1, comment: null });

    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-16', 'numerator'), '31');
    const again = await submitReport(deps, 'PL01 2026-Q1');
    expect(again).toMatchObject({ kind: 'refused', message: expect.stringMatching(/phê duyệt/) });
    expect(deps.outbox.entries()).toMatchObject([{ state: 'refused', httpStatus: 423 }]); // listed with its reason, never sent again
    expect(await submissions()).toMatchObject([{ revision: 1, status: 'approved' }]);
  });

  it('waits while Excel is in cell-edit mode, with a message, and loses nothing', async () => {
    const m = await insert01();
    typeInto(host, 'PL01 2026-Q1', address(m, 'ct-05', 'value'), 'Có');
    host.enterCellEditMode(2);
    const r = await checkReport(deps, 'PL01 2026-Q1');
    expect(r.kind).toBe('checked');
    expect(waits[0]).toMatch(/chế độ sửa ô/);
    expect(waits.at(-1)).toBeNull();
    expect(host.cell('PL01 2026-Q1', address(m, 'ct-05', 'value')).value).toBe('Có');
  });
});
