// Valid reports for any unit of the real plan catalogue: every assigned indicator with a value of
// its reporting form, or every assigned task with a status – the load the crash test and the
// benchmark send.
import { randomUUID } from 'node:crypto';
import type { Catalogue, ReportingForm, Unit } from '../src/core/catalogue-types';
import { formatIndicatorValue, type ParsedValue } from '../src/core/values';
import { assignedIds, assignmentsOf } from '../src/server/assignments';

function value(form: ReportingForm, seed: number): ParsedValue {
  switch (form.kind) {
    case 'rate': return { kind: 'rate', percent: 40 + (seed % 60) };
    case 'yesNo': return { kind: 'yesNo', yes: seed % 3 !== 0 };
    case 'countPair': return { kind: 'countPair', numerator: 10 + (seed % 50), denominator: 60 };
    case 'status': return { kind: 'status', status: seed % 2 ? 'done' : 'inProgress', evidence: `Văn bản số ${seed}` };
    case 'applied': return { kind: 'applied', applied: true, description: `Ứng dụng số ${seed}` };
  }
}

const STATUSES = ['Hoàn thành', 'Đang triển khai (đúng tiến độ)', 'Chậm tiến độ', 'Chưa triển khai'];

export function reportMaker(catalogue: Catalogue, units: readonly Unit[]) {
  const a = assignmentsOf(catalogue, units);
  const indicators = new Map(units.map((u) => [u.id, catalogue.indicators.filter((i) => assignedIds(a, 'indicators', u.id).has(i.id))]));
  const tasks = new Map(units.map((u) => [u.id, [...assignedIds(a, 'tasks', u.id)]]));
  return {
    /** Units that report at least one indicator. */
    indicatorUnits: units.filter((u) => (indicators.get(u.id) ?? []).length > 0).map((u) => u.id),
    taskUnits: units.filter((u) => (tasks.get(u.id) ?? []).length > 0).map((u) => u.id),
    indicatorCount: (unitId: string) => indicators.get(unitId)?.length ?? 0,
    make(unitId: string, period: string, kind: 'indicators' | 'tasks', seed: number) {
      const rows =
        kind === 'indicators'
          // Yearly-only indicators are reported in the year report only (the plan's reporting scheme).
          ? (indicators.get(unitId) ?? []).filter((i) => !i.yearlyOnly || /-(Y|Q4)$/.test(period)).map((i, n) => ({ id: i.id, ...formatIndicatorValue(value(i.form, seed + n)) }))
          : (tasks.get(unitId) ?? []).map((id, n) => {
              const status = STATUSES[(seed + n) % 4];
              return { id, status, progress: status === 'Hoàn thành' ? 100 : status === 'Chưa triển khai' ? 0 : 50 };
            });
      return { clientSubmissionId: randomUUID(), planId: catalogue.planId, unitId, period, kind, rows };
    },
  };
}
