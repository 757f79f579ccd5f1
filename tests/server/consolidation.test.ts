// Consolidating one period: province figures by each indicator's rule, each unit's value, and who
// submitted, was approved, returned or is missing, on time or late.
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { COMMUNES, PLAN_ID, SKHCN, SNV, SYT } from './support/catalogue';
import { describeEachDatabase } from './support/databases';
import { communeReport, indicatorReport, taskReport } from './support/requests';
import { as, principal } from './support/test-auth';
import { expandConsolidation } from '../../src/core/consolidation-sheet';
import * as reportRows from '../../src/server/report-rows';
import * as submissions from '../../src/server/repositories/submissions';

const consolidator = as(principal('consolidator', null));
const url = (kind: string, format = 'json') => `/api/consolidation?planId=${PLAN_ID}&period=2026-Q1&kind=${kind}&format=${format}`;

describeEachDatabase('consolidation', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(database);
    const submit = async (body: { unitId: string }) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', body.unitId)), payload: body });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json();
    };
    await submit(indicatorReport()); // SKHCN: 5G 72,5 %, IOC in progress, 45 of 1 200 trained
    const vinhHung = await submit(communeReport('phuong-vinh-hung', true)); // Có, 30/40
    await t.app.inject({ method: 'POST', url: `/api/submissions/${vinhHung.id}/approve`, headers: as(principal('approver', 'phuong-vinh-hung')), payload: { contentHash: vinhHung.contentHash } });
    const truongVinh = await submit(communeReport('phuong-truong-vinh', true));
    await t.app.inject({ method: 'POST', url: `/api/submissions/${truongVinh.id}/return`, headers: as(principal('approver', 'phuong-truong-vinh')), payload: { comment: 'Sai số liệu' } });
    t.setNow('2026-03-25T03:00:00.000Z'); // after the Q1 deadline (20/03)
    await submit(communeReport('xa-dien-chau', false));
    await submit(taskReport(SKHCN));
    await submit(taskReport(SNV, { rows: [{ id: 'nv-01', status: 'Chậm tiến độ', progress: 20, obstacles: 'Thiếu biên chế' }, { id: 'nv-03', status: 'Hoàn thành', progress: 100 }] }));
  });
  afterAll(async () => t.close());

  it('computes each indicator’s province figure by its rule', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators'), headers: consolidator });
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(expandConsolidation(res.json()).indicators.map((i) => [i.id, i]));
    // singleSource: SKHCN's own rate
    expect(byId['ct-01']).toMatchObject({ rule: 'singleSource', figureText: '72,5%', evaluation: 'exceeded' });
    // shareYes over the communes that reported: Vĩnh Hưng Có (approved), Diễn Châu Không; Trường Vinh was
    // returned (left out) and is not counted as "Không": 1 of 2, provisional with 2 of 3 reported
    expect(byId['ct-05']).toMatchObject({
      rule: 'shareYes', figure: { numerator: 1, denominator: 2 }, evaluation: 'notMet', reported: 2, expected: 3, provisional: true,
      completeness: '2/3 đơn vị đã báo cáo', periodText: 'Số liệu tính đến ngày 14/03/2026',
    });
    // a Q1 consolidation shows progress towards the year's target: 50 % of communes is 71,43 % of 70 %
    expect(byId['ct-05'].evaluationLabel).toBe('Đạt 71,43% mục tiêu năm');
    // a commune's Có is its contribution to the province's share, never "Vượt"
    expect(byId['ct-05'].units.find((u: { unitId: string }) => u.unitId === 'phuong-vinh-hung')).toMatchObject({ display: 'Có', assessment: 'Đóng góp vào số liệu toàn tỉnh' });
    // ratioOfSums: (45 + 30 + 30) / (1200 + 40 + 40), never the mean of percentages
    expect(byId['ct-16'].figure).toMatchObject({ numerator: 105, denominator: 1280 });
    const returned = byId['ct-05'].units.find((u: { unitId: string }) => u.unitId === 'phuong-truong-vinh');
    expect(returned).toMatchObject({ status: 'returned', display: 'Có' });
  });

  it('gives each unit’s status, timeliness and the completeness rate', async () => {
    const body = (await t.app.inject({ method: 'GET', url: url('indicators'), headers: consolidator })).json();
    const status = Object.fromEntries(body.units.map((u: { unitId: string; status: string; late: boolean | null }) => [u.unitId, [u.status, u.late]]));
    expect(status).toEqual({
      [SKHCN]: ['submitted', false], [SNV]: ['missing', null], [SYT]: ['missing', null],
      'phuong-vinh-hung': ['approved', false], 'phuong-truong-vinh': ['returned', false], 'xa-dien-chau': ['submitted', true],
    });
    expect(body.summary).toEqual({
      expected: 6, submitted: 2, approved: 1, returned: 1, missing: 2, onTime: 3, late: 1, completenessRate: 66.67, onTimeRate: 50,
    });
    expect(COMMUNES.every((c) => c in status)).toBe(true);
  });

  it('judges task deadlines at the period’s cut-off, whatever the day; a unit without a report is “Chưa báo cáo”, never overdue', async () => {
    const before = (await t.app.inject({ method: 'GET', url: url('tasks'), headers: consolidator })).json();
    expect(before.tasks[0].units.find((u: { unitId: string }) => u.unitId === SNV).deadlineState).toBe('onTime'); // cut-off 14/03, Quý I ends 31/03
    t.setNow('2026-04-01T03:00:00.000Z');
    const body = (await t.app.inject({ method: 'GET', url: url('tasks'), headers: consolidator })).json();
    const nv01 = body.tasks.find((x: { id: string }) => x.id === 'nv-01');
    expect(nv01).toMatchObject({ leads: 6, done: 1, late: 1, notReported: 4, overdue: 0 });
    // the same Q1 consolidation on 01/04 still judges at 14/03
    expect(nv01.units.find((u: { unitId: string }) => u.unitId === SNV)).toMatchObject({ status: 'late', obstacles: 'Thiếu biên chế', deadlineState: 'onTime' });
    expect(nv01.units.filter((u: { status: string | null }) => u.status === null).map((u: { deadlineState: string }) => u.deadlineState)).toEqual(Array(4).fill('notReported'));
  });

  it('marks an unfinished task overdue in the first period whose cut-off is past its deadline (6 tháng for “Quý I/2026”)', async () => {
    const h1 = taskReport(SNV, { period: '2026-H1', rows: [{ id: 'nv-01', status: 'Chậm tiến độ', progress: 40, obstacles: 'Thiếu biên chế' }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', SNV)), payload: h1 })).statusCode).toBe(201);
    const body = (await t.app.inject({ method: 'GET', url: url('tasks').replace('2026-Q1', '2026-H1'), headers: consolidator })).json();
    const nv01 = body.tasks.find((x: { id: string }) => x.id === 'nv-01');
    expect(nv01).toMatchObject({ late: 1, notReported: 5, overdue: 1 });
    expect(nv01.units.find((u: { unitId: string }) => u.unitId === SNV).deadlineState).toBe('overdue');
  });

  it('refuses a period the plan’s scheme does not have, in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators').replace('2026-Q1', '2026-Q2'), headers: consolidator });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^Kế hoạch không có kỳ báo cáo Quý II năm 2026; các kỳ trong năm: Quý I năm 2026; 6 tháng đầu năm 2026/u);
  });

  it('shows a monitoring agency only the tasks it monitors, and no indicators', async () => {
    const snvConsolidator = as(principal('consolidator', SNV));
    const tasks = (await t.app.inject({ method: 'GET', url: url('tasks'), headers: snvConsolidator })).json();
    expect(tasks.tasks.map((x: { id: string }) => x.id)).toEqual(['nv-01']);
    const indicators = await t.app.inject({ method: 'GET', url: url('indicators'), headers: snvConsolidator });
    expect(indicators.statusCode).toBe(403);
  });

  it('refuses clerks and approvers', async () => {
    for (const who of [principal('reporter', SKHCN), principal('approver', SKHCN)]) {
      expect((await t.app.inject({ method: 'GET', url: url('indicators'), headers: as(who) })).statusCode).toBe(403);
    }
  });

  it('reads and computes one consolidation at a time when several are asked at once, each answer the one it gives alone', async () => {
    // The reports' reads made slow (a national period takes 100–300 ms): with the route's turns
    // (src/server/turns.ts) no two consolidations are ever reading at the same moment.
    let reading = 0;
    let most = 0;
    const slowed = <A extends unknown[], R>(read: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      most = Math.max(most, ++reading);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await read(...args);
      } finally {
        reading--;
      }
    };
    const asks = (['indicators', 'tasks'] as const).flatMap((kind) => (['json', 'csv'] as const).map((format) => url(kind, format)));
    const alone: string[] = [];
    for (const u of asks) alone.push((await t.app.inject({ method: 'GET', url: u, headers: consolidator })).body);
    const { latestIndicatorReports } = reportRows;
    const { latestRowsText } = submissions;
    const spies = [
      jest.spyOn(reportRows, 'latestIndicatorReports').mockImplementation(slowed(latestIndicatorReports)),
      jest.spyOn(submissions, 'latestRowsText').mockImplementation(slowed(latestRowsText)),
    ];
    try {
      const together = await Promise.all([...asks, ...asks].map((u) => t.app.inject({ method: 'GET', url: u, headers: consolidator })));
      expect(together.map((r) => r.statusCode)).toEqual(Array(asks.length * 2).fill(200));
      expect(together.map((r) => r.body)).toEqual([...alone, ...alone]);
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([2, 6]); // json indicators ×2; csv ×4, json tasks ×2
      expect(most).toBe(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('exports CSV for Excel (BOM, quoted cells, province row first)', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('indicators', 'csv'), headers: as(principal('admin', null)) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.startsWith('\ufeff"Mã","TT","Chỉ tiêu"')).toBe(true);
    const lines = res.body.split('\r\n');
    expect(lines[1]).toContain('"TOÀN TỈNH"');
    expect(lines[1]).toContain('"72,5%"');
    expect(res.body).toContain('"phuong-truong-vinh","Phường Trường Vinh","Bị trả lại","Có"');
  });

  it.each(['indicators', 'tasks'] as const)('CSV of %s ends with each unit on time or late and the completeness rate', async (kind) => {
    const res = await t.app.inject({ method: 'GET', url: url(kind, 'csv'), headers: consolidator });
    const lines = res.body.split('\r\n');
    const units = lines.slice(lines.indexOf('') + 1);
    expect(units[0]).toBe('"Đơn vị","Tên đơn vị","Tình trạng báo cáo","Lần nộp","Thời hạn","Thời điểm nộp"');
    const body = (await t.app.inject({ method: 'GET', url: url(kind), headers: consolidator })).json();
    expect(units).toHaveLength(body.units.length + 4); // header, units, totals header, totals, final CRLF
    if (kind === 'indicators') {
      expect(units.find((l) => l.startsWith('"xa-dien-chau"'))).toMatch(/^"xa-dien-chau","[^"]+","Đã nộp","1","Trễ hạn","/);
      expect(units.find((l) => l.startsWith(`"${SYT}"`))).toMatch(/"Chưa nộp","","",""$/);
      expect(units.at(-2)).toBe('"","6","2","1","1","2","3","1","66,67%","50%"');
    }
  });
});
