// A small period of reports for consolidation suites: SKHCN and three communes report indicators
// (one approved, one returned, one late), SKHCN and Sở Nội vụ report tasks.
import type { TestApp } from './app';
import { SKHCN, SNV } from './catalogue';
import { communeReport, indicatorReport, taskReport } from './requests';
import { as, principal } from './test-auth';

export async function seedPeriod(t: TestApp): Promise<void> {
  const submit = async (body: { unitId: string }) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: as(principal('reporter', body.unitId)), payload: body });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  await submit(indicatorReport());
  const vinhHung = await submit(communeReport('phuong-vinh-hung', true));
  await t.app.inject({ method: 'POST', url: `/api/submissions/${vinhHung.id}/approve`, headers: as(principal('approver', 'phuong-vinh-hung')), payload: { contentHash: vinhHung.contentHash } });
  const truongVinh = await submit(communeReport('phuong-truong-vinh', true));
  await t.app.inject({ method: 'POST', url: `/api/submissions/${truongVinh.id}/return`, headers: as(principal('approver', 'phuong-truong-vinh')), payload: { comment: 'Sai số liệu' } });
  t.setNow('2026-03-25T03:00:00.000Z'); // after the Q1 deadline
  await submit(communeReport('xa-dien-chau', false));
  await submit(taskReport(SKHCN));
  await submit(taskReport(SNV, { rows: [{ id: 'nv-01', status: 'Chậm tiến độ', progress: 20, obstacles: 'Thiếu biên chế' }, { id: 'nv-03', status: 'Hoàn thành', progress: 100 }] }));
}
