// An administrator corrects who reports what (docs/domain.md §3: "an administrator can override an
// assignment"): an included unit may report the item and is expected by the consolidation; an
// excluded unit is refused and no longer counted, in submissions, GET /api/plans/:planId,
// templates and consolidation alike.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { PLAN_ID, SKHCN, SNV, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { communeReport, indicatorReport, taskReport } from './support/requests';
import { as, principal } from './support/test-auth';
import { download, loadBook, mappingOf } from './support/xlsx';
import { expandConsolidation } from '../../src/core/consolidation-sheet';

const admin = as(principal('admin', null, 'quan-tri'));
const consolidator = as(principal('consolidator', null));
const url = `/api/plans/${PLAN_ID}/assignment-overrides`;
const VINH_HUNG = 'phuong-vinh-hung';
const DIEN_CHAU = 'xa-dien-chau';

type UnitRow = { unitId: string; status: string; display: string | null };
type IndicatorRow = { id: string; expected: number; figure: { numerator?: number; denominator?: number }; units: UnitRow[] };

describeEachDatabase('assignment overrides', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  const put = (payload: object, who = admin) => t.app.inject({ method: 'PUT', url, headers: who, payload });
  const remove = (itemId: string, unitId: string, who = admin) => t.app.inject({ method: 'DELETE', url: `${url}?itemId=${itemId}&unitId=${unitId}`, headers: who });
  const submit = (body: { unitId: string }) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', body.unitId)), payload: body });
  const indicatorsOf = async (unitId: string): Promise<string[]> => {
    const units = (await t.app.inject({ method: 'GET', url: `/api/plans/${PLAN_ID}`, headers: consolidator })).json().units as { id: string; indicators: string[] }[];
    return units.find((u) => u.id === unitId)!.indicators;
  };
  const consolidation = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=indicators`, headers: consolidator });
    const body = expandConsolidation(res.json()) as unknown as { indicators: IndicatorRow[]; units: UnitRow[]; summary: Record<string, number> };
    return { ...body, byId: Object.fromEntries(body.indicators.map((i) => [i.id, i])) };
  };
  const audit = async () => (await t.app.inject({ method: 'GET', url: '/api/audit?entity=assignment', headers: admin })).json().records;

  it('lets an included commune report an indicator it was not assigned, and the consolidation expects it', async () => {
    const report = () => communeReport(VINH_HUNG, true, { rows: [{ id: 'ct-05', value: 'Có' }, { id: 'ct-01', value: '40%' }] });
    const refused = await submit(report());
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([expect.objectContaining({ rowId: 'ct-01', code: 'row.notAssigned' })]);
    expect(await indicatorsOf(VINH_HUNG)).not.toContain('ct-01');

    const res = await put({ itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: 'Phường thí điểm đo phủ sóng 5G' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: true, before: { override: null, plan: false, assigned: false }, after: { override: { effect: 'include' }, assigned: true } });

    expect(await indicatorsOf(VINH_HUNG)).toEqual(['ct-01', 'ct-05', 'ct-16']);
    const book = await loadBook((await download(t.app, 'indicators', VINH_HUNG)).rawPayload);
    expect(mappingOf(book).rows.map((r) => r.id)).toEqual(['ct-01', 'ct-05', 'ct-16']);
    expect((await submit(report())).statusCode).toBe(201);

    const { byId, units } = await consolidation();
    expect(byId['ct-01'].expected).toBe(2);
    expect(Object.fromEntries(byId['ct-01'].units.map((u) => [u.unitId, u.display]))).toEqual({ [SKHCN]: null, [VINH_HUNG]: '40%' });
    expect(units.map((u) => u.unitId)).toContain(VINH_HUNG);

    const records = await audit();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      userId: 'quan-tri', action: 'assignment.include', entityId: `${PLAN_ID}/ct-01/${VINH_HUNG}`,
      before: { override: null, assigned: false }, after: { override: { effect: 'include', reason: 'Phường thí điểm đo phủ sóng 5G', createdBy: 'quan-tri' }, assigned: true },
    });
  });

  it('refuses an excluded unit’s rows, leaves it out of the denominator and no longer counts it as missing', async () => {
    for (const body of [indicatorReport(), communeReport(VINH_HUNG, true), communeReport('phuong-truong-vinh', true), communeReport(DIEN_CHAU, false)]) {
      expect((await submit(body)).statusCode).toBe(201);
    }
    const before = await consolidation();
    expect(before.byId['ct-05'].figure).toMatchObject({ numerator: 2, denominator: 3 });
    expect(before.summary).toMatchObject({ expected: 6, missing: 2 }); // Sở Nội vụ and Sở Y tế

    const reason = 'Xã đã sáp nhập, không còn báo cáo riêng';
    for (const itemId of ['ct-05', 'ct-16']) expect((await put({ itemId, unitId: DIEN_CHAU, effect: 'exclude', reason })).statusCode).toBe(200);
    expect((await put({ itemId: 'ct-16', unitId: SYT, effect: 'exclude', reason: 'Báo cáo chung với Sở Nội vụ' })).statusCode).toBe(200);

    const refused = await submit(communeReport(DIEN_CHAU, true));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues.map((i: { rowId: string; code: string }) => [i.rowId, i.code])).toEqual([['ct-05', 'row.notAssigned'], ['ct-16', 'row.notAssigned']]);
    expect(await indicatorsOf(DIEN_CHAU)).toEqual([]);

    const after = await consolidation();
    // Its stored "Không" no longer counts: 2 communes answering Có of 2 expected.
    expect(after.byId['ct-05'].figure).toMatchObject({ numerator: 2, denominator: 2 });
    expect(after.byId['ct-05'].units.map((u) => u.unitId)).not.toContain(DIEN_CHAU);
    expect(after.byId['ct-16'].figure).toMatchObject({ numerator: 45 + 30 + 30, denominator: 1200 + 40 + 40 });
    expect(after.units.map((u) => u.unitId).sort()).toEqual(['phuong-truong-vinh', VINH_HUNG, SKHCN, SNV]);
    expect(after.summary).toMatchObject({ expected: 4, missing: 1 });

    // Removing the override brings the catalogue's reading back.
    const cleared = await remove('ct-05', DIEN_CHAU);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ before: { override: { effect: 'exclude' }, assigned: false }, after: { override: null, assigned: true } });
    expect((await consolidation()).byId['ct-05'].figure).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await audit()).map((r: { action: string }) => r.action)).toEqual(['assignment.clear', 'assignment.exclude', 'assignment.exclude', 'assignment.exclude']);
  });

  it('moves a task report out of a monitoring agency’s sight when its unit no longer leads the task', async () => {
    // Sở Y tế leads nv-01 (monitored by Sở Nội vụ) and nv-03 (monitored by SKHCN) as "Các Sở, ban, ngành".
    const stored = await submit(taskReport(SYT));
    expect(stored.statusCode).toBe(201);
    const read = () => t.app.inject({ method: 'GET', url: `/api/submissions/${stored.json().id}`, headers: as(principal('consolidator', SNV)) });
    expect((await read()).statusCode).toBe(200);
    expect((await put({ itemId: 'nv-01', unitId: SYT, effect: 'exclude', reason: 'Sở Y tế không có nhiệm vụ này' })).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(403);
  });

  it('replaces the override of a pair, keeps one row, and does not rewrite an identical one', async () => {
    const body = { itemId: 'nv-01', unitId: SKHCN, effect: 'exclude', reason: 'Đã báo cáo qua Sở Nội vụ' };
    expect((await put(body)).json()).toMatchObject({ changed: true });
    expect((await put(body)).json()).toMatchObject({ changed: false });
    expect((await put({ ...body, effect: 'include', reason: 'Nhầm, vẫn giao' })).json()).toMatchObject({ changed: true, before: { override: { effect: 'exclude' } } });
    const list = await t.app.inject({ method: 'GET', url: `${url}?itemId=nv-01`, headers: admin });
    expect(list.json().overrides).toEqual([expect.objectContaining({ planId: PLAN_ID, itemId: 'nv-01', unitId: SKHCN, effect: 'include', reason: 'Nhầm, vẫn giao', createdBy: 'quan-tri' })]);
    expect(await audit()).toHaveLength(2);
  });

  it.each([
    ['an unknown field', { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: 'x', planId: PLAN_ID }, 400],
    ['an unknown effect', { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'maybe', reason: 'x' }, 400],
    ['a blank reason', { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: '   ' }, 400],
    ['no reason', { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include' }, 400],
    ['an item not in the plan', { itemId: 'ct-99', unitId: VINH_HUNG, effect: 'include', reason: 'x' }, 404],
    ['an unknown unit', { itemId: 'ct-01', unitId: 'xa-khong-co', effect: 'include', reason: 'x' }, 404],
  ])('refuses %s and writes nothing', async (_name, payload, status) => {
    expect((await put(payload)).statusCode).toBe(status);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json().overrides).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('answers 404 for an unknown plan or an override that does not exist', async () => {
    const body = { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: 'x' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/plans/khong-co/assignment-overrides', headers: admin, payload: body })).statusCode).toBe(404);
    expect((await remove('ct-01', VINH_HUNG)).statusCode).toBe(404);
    expect(await audit()).toEqual([]);
  });

  it.each(['reporter', 'approver', 'consolidator'] as const)('refuses the %s role with 403 on every method', async (role) => {
    const who = as(principal(role, role === 'consolidator' ? null : VINH_HUNG));
    expect((await put({ itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: 'Tự giao cho mình' }, who)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers: who })).statusCode).toBe(403);
    expect((await put({ itemId: 'ct-05', unitId: VINH_HUNG, effect: 'exclude', reason: 'Quản trị viên' })).statusCode).toBe(200);
    expect((await remove('ct-05', VINH_HUNG, who)).statusCode).toBe(403);
    expect(await indicatorsOf(VINH_HUNG)).toEqual(['ct-16']);
    expect(await audit()).toHaveLength(1);
  });

  it('keeps the effect to include or exclude in the database itself', async () => {
    const row = { plan_id: PLAN_ID, item_id: 'ct-01', unit_id: VINH_HUNG, effect: 'maybe', reason: 'x', created_by: 'test', created_at: '2026-03-16T02:00:00.000Z' };
    // Match the database's error code, not `instanceof Error`: better-sqlite3's native module is shared
    // by the test files of one jest worker, so its errors may come from another file's realm.
    const codeOf = (values: typeof row) => t.db.kysely.insertInto('assignment_overrides').values(values).execute().then(() => 'stored', (e: { code?: string }) => e.code);
    expect(await codeOf(row)).toMatch(/^(SQLITE_CONSTRAINT_CHECK|23514)$/);
    expect(await codeOf({ ...row, effect: 'exclude' })).toBe('stored');
    expect(await codeOf({ ...row, effect: 'include' })).toMatch(/^(SQLITE_CONSTRAINT_PRIMARYKEY|23505)$/);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await t.app.inject({ method: 'PUT', url, payload: { itemId: 'ct-01', unitId: VINH_HUNG, effect: 'include', reason: 'x' } })).statusCode).toBe(401);
  });
});
