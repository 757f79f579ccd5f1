// One period's consolidation (docs/domain.md §5): per indicator the province figure by its
// aggregation rule with each unit's value (consolidation-indicators.ts computes it packed, as the
// JSON answer sends it; here it is written out unit by unit for the CSV, the .xlsx, the province's
// report and the open feed), or per task each lead unit's progress; and completeness per unit.
import type { Catalogue, Task, Unit } from '../core/catalogue-types';
import { expandIndicatorLine } from '../core/consolidation-sheet/wire';
import { taskStateInPeriod } from '../core/deadline';
import type { Period } from '../core/periods';
import type { Assignments } from './assignments';
import { completeness, type StoredReport } from './consolidation-completeness';
import { consolidateIndicatorsPacked } from './consolidation-indicators';
import { digestRows } from './report-rows';
import type { Kind } from './repositories/submissions';

export type { StoredReport, UnitCompleteness } from './consolidation-completeness';

type TaskRow = { id: string; status: string | null; progress: number | null; result: string | null; obstacles: string | null; proposal: string | null; completedOn: string | null };

/**
 * The indicators of one period, each unit's value written out (the packed consolidation expanded):
 * what the CSV, the .xlsx, the province's report and the open feed read.
 */
export function consolidateIndicators(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly StoredReport[], period: Period,
) {
  const digested = stored.map(({ content, ...r }) => ({ ...r, provinceState: r.provinceState ?? null, rows: digestRows(content.rows) }));
  const packed = consolidateIndicatorsPacked(catalogue, units, a, digested, period);
  return { ...packed, indicators: packed.indicators.map((line) => expandIndicatorLine(line, packed.units)) };
}

/**
 * The tasks of one period, judged at its cut-off (the year's report judges every deadline of its
 * year); a lead unit without a status is "Chưa báo cáo", never also overdue.
 */
export function consolidateTasks(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly StoredReport[],
  visibleTasks: (task: Task) => boolean, period: Period,
) {
  const reports = new Map(stored.map((r) => [r.unitId, r]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rowMaps = new Map(stored.map((r) => [r.unitId, new Map((r.content.rows as TaskRow[]).map((row) => [row.id, row]))]));
  const tasks = catalogue.tasks.filter(visibleTasks).map((task) => {
    const leads = a.taskUnits.get(task.id) ?? [];
    const unitRows = leads.map((unitId) => {
      const row = rowMaps.get(unitId)?.get(task.id);
      const status = row?.status ?? null;
      return {
        unitId, name: names.get(unitId) ?? unitId, reportStatus: reports.get(unitId)?.status ?? 'missing',
        status, progress: row?.progress ?? null, result: row?.result ?? null, obstacles: row?.obstacles ?? null,
        proposal: row?.proposal ?? null, completedOn: row?.completedOn ?? null,
        deadlineState: status === null ? 'notReported' : taskStateInPeriod(task.deadline, status === 'done', period),
      };
    });
    const count = (s: string | null) => unitRows.filter((r) => r.status === s).length;
    return {
      id: task.id, no: task.no, group: task.group, text: task.text, deadlineText: task.deadlineText,
      monitors: a.taskMonitors.get(task.id) ?? [], leads: leads.length,
      done: count('done'), onTrack: count('onTrack'), late: count('late'), notStarted: count('notStarted'),
      notReported: count(null), overdue: unitRows.filter((r) => r.deadlineState === 'overdue').length, units: unitRows,
    };
  });
  const leadIds = new Set(tasks.flatMap((t) => t.units.map((u) => u.unitId)));
  return { tasks, ...completeness(units.filter((u) => leadIds.has(u.id)), reports) };
}

export type Consolidation =
  | ({ readonly kind: 'indicators' } & ReturnType<typeof consolidateIndicators>)
  | ({ readonly kind: 'tasks' } & ReturnType<typeof consolidateTasks>);

export type { Kind };
