// Valid reports for any unit of the real plan catalogue: every assigned indicator with a value of
// its reporting form (yearly-only ones only in the year's report), or every assigned task with a
// status ("Chậm tiến độ" in place of "đúng tiến độ" once its deadline has passed) – the load the
// crash test and the benchmark send. Periods outside the plan's reporting scheme are refused.
import { randomUUID } from 'node:crypto';
import type { Catalogue, ReportingForm, Unit } from '../src/core/catalogue-types';
import { taskStateInPeriod } from '../src/core/deadline';
import { closesYear, parsePeriod } from '../src/core/periods';
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
  const reportingIn = new Map<string, string[]>();
  return {
    /** Units that report at least one indicator. */
    indicatorUnits: units.filter((u) => (indicators.get(u.id) ?? []).length > 0).map((u) => u.id),
    taskUnits: units.filter((u) => (tasks.get(u.id) ?? []).length > 0).map((u) => u.id),
    indicatorCount: (unitId: string) => indicators.get(unitId)?.length ?? 0,
    /** The units with at least one row to report in the period: a unit whose indicators are all yearly-only has none before the year's report. */
    reporting(kind: 'indicators' | 'tasks', period: string): string[] {
      if (kind === 'tasks') return this.taskUnits;
      let found = reportingIn.get(period);
      if (!found) {
        const p = parsePeriod(period);
        if (!p.ok) throw new Error(`reportMaker: unreadable period ${period}`);
        found = this.indicatorUnits.filter((u) => (indicators.get(u) ?? []).some((i) => !i.yearlyOnly || closesYear(p.value)));
        reportingIn.set(period, found);
      }
      return found;
    },
    make(unitId: string, period: string, kind: 'indicators' | 'tasks', seed: number) {
      const p = parsePeriod(period);
      if (!p.ok) throw new Error(`reportMaker: unreadable period ${period}`);
      const byId = new Map(catalogue.tasks.map((t) => [t.id, t]));
      const rows =
        kind === 'indicators'
          ? (indicators.get(unitId) ?? []).filter((i) => !i.yearlyOnly || closesYear(p.value))
            .map((i, n) => ({ id: i.id, ...formatIndicatorValue(value(i.form, seed + n)) }))
          : (tasks.get(unitId) ?? []).map((id, n) => {
              let status = STATUSES[(seed + n) % 4];
              if (status === STATUSES[1] && taskStateInPeriod(byId.get(id)!.deadline, false, p.value) === 'overdue') status = STATUSES[2];
              return { id, status, progress: status === 'Hoàn thành' ? 100 : status === 'Chưa triển khai' ? 0 : 50 };
            });
      return { clientSubmissionId: randomUUID(), planId: catalogue.planId, unitId, period, kind, rows };
    },
  };
}
