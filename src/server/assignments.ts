// Who reports what: the indicators and tasks of a plan resolved against the unit directory
// (DOMAIN.md §3: a lead cell names units or classes of units). Computed, never stored, so a CSV
// import of communes changes assignments at once.
import type { Catalogue, Unit } from '../core/catalogue-types';
import { resolveUnits } from '../core/units';

export interface Assignments {
  /** indicator id → units expected to report it. */
  readonly indicatorUnits: ReadonlyMap<string, readonly string[]>;
  /** task id → its lead units. */
  readonly taskUnits: ReadonlyMap<string, readonly string[]>;
  /** task id → its monitoring agencies (cơ quan theo dõi, tổng hợp). */
  readonly taskMonitors: ReadonlyMap<string, readonly string[]>;
}

export function assignmentsOf(catalogue: Catalogue, units: readonly Unit[]): Assignments {
  const directory = { units, classes: catalogue.unitClasses };
  const ids = (refs: Parameters<typeof resolveUnits>[0]) => resolveUnits(refs, directory).map((u) => u.id);
  return {
    indicatorUnits: new Map(catalogue.indicators.map((i) => [i.id, ids(i.lead)])),
    taskUnits: new Map(catalogue.tasks.map((t) => [t.id, ids(t.lead)])),
    taskMonitors: new Map(catalogue.tasks.map((t) => [t.id, ids(t.monitor)])),
  };
}

/** The indicator or task ids a unit reports, for one kind of report. */
export function assignedIds(a: Assignments, kind: 'indicators' | 'tasks', unitId: string): Set<string> {
  const map = kind === 'indicators' ? a.indicatorUnits : a.taskUnits;
  const out = new Set<string>();
  for (const [id, unitIds] of map) if (unitIds.includes(unitId)) out.add(id);
  return out;
}

/** The monitoring agencies of the tasks a unit leads: who may read that unit's task reports. */
export function monitorsOfUnit(a: Assignments, unitId: string): string[] {
  const out = new Set<string>();
  for (const [taskId, unitIds] of a.taskUnits) {
    if (unitIds.includes(unitId)) for (const m of a.taskMonitors.get(taskId) ?? []) out.add(m);
  }
  return [...out];
}
