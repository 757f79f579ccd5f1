// Who reports what: the indicators and tasks of a plan resolved against the unit directory
// (docs/domain.md §3: a lead cell names units or classes of units), then corrected by the
// administrator's item-level overrides (include / exclude one unit for one indicator or task).
// Computed, never stored, so a CSV import of communes changes assignments at once. Pure: the
// overrides are data read by the caller (effective-assignments.ts reads them once per request).
import type { Catalogue, Unit } from '../core/catalogue-types';
import { resolveUnits } from '../core/units';

export type OverrideEffect = 'include' | 'exclude';

/** One administrator's correction of the catalogue's reading of a lead cell. */
export interface AssignmentOverride {
  /** An indicator or task id of the plan (ids are unique across both appendices: ct-…, nv-…). */
  readonly itemId: string;
  readonly unitId: string;
  readonly effect: OverrideEffect;
}

export interface Assignments {
  /** indicator id → units expected to report it. */
  readonly indicatorUnits: ReadonlyMap<string, readonly string[]>;
  /** task id → its lead units. */
  readonly taskUnits: ReadonlyMap<string, readonly string[]>;
  /** task id → its monitoring agencies (cơ quan theo dõi, tổng hợp); overrides do not touch them. */
  readonly taskMonitors: ReadonlyMap<string, readonly string[]>;
}

/**
 * The catalogue's resolution plus 'include' overrides minus 'exclude' overrides, over the given
 * (active) units: an override naming a unit not in `units` has no effect. Units stay in directory order.
 * @example assignmentsOf(catalogue, units, [{ itemId: 'ct-10', unitId: 'so-noi-vu', effect: 'exclude' }])
 */
export function assignmentsOf(catalogue: Catalogue, units: readonly Unit[], overrides: readonly AssignmentOverride[] = []): Assignments {
  const directory = { units, classes: catalogue.unitClasses };
  const byItem = new Map<string, Map<string, OverrideEffect>>();
  for (const o of overrides) byItem.set(o.itemId, (byItem.get(o.itemId) ?? new Map()).set(o.unitId, o.effect));
  const ids = (itemId: string, refs: Parameters<typeof resolveUnits>[0]) => {
    const planned = new Set(resolveUnits(refs, directory).map((u) => u.id));
    const own = byItem.get(itemId);
    if (!own) return units.filter((u) => planned.has(u.id)).map((u) => u.id);
    return units.filter((u) => (own.get(u.id) ?? (planned.has(u.id) ? 'include' : 'exclude')) === 'include').map((u) => u.id);
  };
  return {
    indicatorUnits: new Map(catalogue.indicators.map((i) => [i.id, ids(i.id, i.lead)])),
    taskUnits: new Map(catalogue.tasks.map((t) => [t.id, ids(t.id, t.lead)])),
    taskMonitors: new Map(catalogue.tasks.map((t) => [t.id, resolveUnits(t.monitor, directory).map((u) => u.id)])),
  };
}

/** Where a unit's assignment to an item comes from, for the administrator's listing. */
export interface AssignmentSource {
  readonly unitId: string;
  /** Whether the catalogue's lead cell resolves to the unit. */
  readonly plan: boolean;
  readonly override: OverrideEffect | null;
  /** The outcome: plan or include, and no exclude. */
  readonly assigned: boolean;
}

/** Every unit the plan or an override names for one item, with where its assignment comes from. */
export function assignmentSources(
  catalogue: Catalogue, units: readonly Unit[], overrides: readonly AssignmentOverride[], itemId: string,
): AssignmentSource[] {
  const item = catalogue.indicators.find((i) => i.id === itemId) ?? catalogue.tasks.find((t) => t.id === itemId);
  if (!item) return [];
  const planned = new Set(resolveUnits(item.lead, { units, classes: catalogue.unitClasses }).map((u) => u.id));
  const own = new Map(overrides.filter((o) => o.itemId === itemId).map((o) => [o.unitId, o.effect]));
  return units
    .filter((u) => planned.has(u.id) || own.has(u.id))
    .map((u) => {
      const override = own.get(u.id) ?? null;
      return { unitId: u.id, plan: planned.has(u.id), override, assigned: override ? override === 'include' : planned.has(u.id) };
    });
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
