// Who reports what: the indicators and tasks of a plan resolved against the unit directory
// (docs/domain.md §3: a lead cell names units or classes of units), then corrected by the
// administrator's item-level overrides (include / exclude one unit for one indicator or task).
// Computed, never stored, so a CSV import of communes changes assignments at once. Pure: the
// overrides are data read by the caller (effective-assignments.ts reads them once per request).
import type { Catalogue, Unit, UnitRef } from '../core/catalogue-types';
import { fallbackRefsOf, fallbackReportersOf, resolveUnits } from '../core/units';

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
  type Item = Catalogue['indicators'][number] | Catalogue['tasks'][number];
  const apply = (planned: ReadonlySet<string>, own: ReadonlyMap<string, OverrideEffect> | undefined) =>
    units.filter((u) => (own?.get(u.id) ?? (planned.has(u.id) ? 'include' : 'exclude')) === 'include').map((u) => u.id);
  // The fallback (a task's monitor, an indicator's named stand-in) reports only while the plan's
  // reporters and the overrides leave nobody: tagging or including a real owner takes over.
  // Without an override for the item (the usual case) the resolved units are the answer as they are,
  // already in directory order: no second pass over the directory (3,400 units × 100 items nationally).
  // Most items name the same few lead cells (every commune, the departments): each distinct cell is
  // resolved over the directory once, and items naming it share its list.
  const resolved = new Map<string, readonly string[]>();
  const resolve = (refs: readonly UnitRef[]) => {
    const key = JSON.stringify(refs);
    let ids = resolved.get(key);
    if (ids === undefined) resolved.set(key, (ids = resolveUnits(refs, directory).map((u) => u.id)));
    return ids;
  };
  const pick = (resolvedIds: readonly string[], own: ReadonlyMap<string, OverrideEffect> | undefined) =>
    own === undefined ? resolvedIds : apply(new Set(resolvedIds), own);
  const ids = (itemId: string, item: Item) => {
    const own = byItem.get(itemId);
    const assigned = pick(resolve(plannedRefs(item)), own);
    return assigned.length > 0 ? assigned : pick(resolve(fallbackRefsOf(item)), own);
  };
  return {
    indicatorUnits: new Map(catalogue.indicators.map((i) => [i.id, ids(i.id, i)])),
    taskUnits: new Map(catalogue.tasks.map((t) => [t.id, ids(t.id, t)])),
    taskMonitors: new Map(catalogue.tasks.map((t) => [t.id, resolve(t.monitor)])),
  };
}

/** The refs the plan (as reviewed) names as reporters: an indicator's `reporters`, else the lead cell. */
const plannedRefs = (item: { readonly lead: readonly UnitRef[]; readonly reporters?: readonly UnitRef[] }): readonly UnitRef[] =>
  item.reporters ?? item.lead;

/** An indicator or task nobody reports (after overrides): the administrator must assign it. */
export interface Unassigned {
  readonly itemId: string;
  /** "Chỉ tiêu 38" / "Nhiệm vụ 19", as a clerk reads it. */
  readonly label: string;
}

/**
 * Every indicator and task left without a reporter, in catalogue order – warned about by
 * `npm run admin` and the API, since nobody would ever report them.
 * @example itemsWithoutReporter(catalogue, assignmentsOf(catalogue, units)) // [] on a fresh install
 */
export function itemsWithoutReporter(catalogue: Catalogue, a: Assignments): Unassigned[] {
  const none = (map: ReadonlyMap<string, readonly string[]>, id: string) => (map.get(id) ?? []).length === 0;
  return [
    ...catalogue.indicators.filter((i) => none(a.indicatorUnits, i.id)).map((i) => ({ itemId: i.id, label: `Chỉ tiêu ${i.no}` })),
    ...catalogue.tasks.filter((t) => none(a.taskUnits, t.id)).map((t) => ({ itemId: t.id, label: t.no === null ? `Nhiệm vụ ${t.id}` : `Nhiệm vụ ${t.no}` })),
  ];
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

/**
 * Every unit the plan (or, while the plan names nobody, its fallback) or an override names for one
 * item, with where its assignment comes from; `assigned` is the outcome assignmentsOf gives (a
 * fallback steps back once an override includes someone).
 */
export function assignmentSources(
  catalogue: Catalogue, units: readonly Unit[], overrides: readonly AssignmentOverride[], itemId: string,
): AssignmentSource[] {
  const item = catalogue.indicators.find((i) => i.id === itemId) ?? catalogue.tasks.find((t) => t.id === itemId);
  if (!item) return [];
  const directory = { units, classes: catalogue.unitClasses };
  const byPlan = resolveUnits(plannedRefs(item), directory);
  const planned = new Set((byPlan.length > 0 ? byPlan : fallbackReportersOf(item, directory)).map((u) => u.id));
  const own = new Map(overrides.filter((o) => o.itemId === itemId).map((o) => [o.unitId, o.effect]));
  const a = assignmentsOf(catalogue, units, overrides.filter((o) => o.itemId === itemId));
  const actual = new Set(a.indicatorUnits.get(itemId) ?? a.taskUnits.get(itemId) ?? []);
  return units
    .filter((u) => planned.has(u.id) || own.has(u.id))
    .map((u) => ({ unitId: u.id, plan: planned.has(u.id), override: own.get(u.id) ?? null, assigned: actual.has(u.id) }));
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
