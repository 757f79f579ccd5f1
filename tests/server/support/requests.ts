// Request bodies as the add-in sends them, for the plan rows of the test catalogue.
import { randomUUID } from 'node:crypto';
import { PLAN_ID, SKHCN } from './catalogue';

export function indicatorReport(overrides: Record<string, unknown> = {}) {
  return {
    clientSubmissionId: randomUUID(),
    planId: PLAN_ID,
    unitId: SKHCN,
    period: '2026-Q1',
    kind: 'indicators',
    rows: [
      { id: 'ct-01', value: '72,5%' },
      { id: 'ct-11', value: 'Đang triển khai', note: 'Đã phê duyệt chủ trương đầu tư' },
      { id: 'ct-16', numerator: '45', denominator: '1.200' },
    ],
    ...overrides,
  };
}

export function communeReport(unitId: string, yes: boolean, overrides: Record<string, unknown> = {}) {
  return indicatorReport({ unitId, rows: [{ id: 'ct-05', value: yes ? 'Có' : 'Không' }, { id: 'ct-16', numerator: 30, denominator: 40 }], ...overrides });
}

export function taskReport(unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    clientSubmissionId: randomUUID(),
    planId: PLAN_ID,
    unitId,
    period: '2026-Q1',
    kind: 'tasks',
    rows: [
      { id: 'nv-01', status: 'Hoàn thành', progress: 100, result: 'Đã kiện toàn Ban chỉ đạo' },
      { id: 'nv-03', status: 'Đang triển khai (đúng tiến độ)', progress: 60 },
    ],
    ...overrides,
  };
}
