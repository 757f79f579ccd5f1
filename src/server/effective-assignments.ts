// The one place where the catalogue's assignments meet the administrator's overrides: every route
// that asks who reports what (submissions, GET /api/plans/:planId, consolidation, templates, the
// monitors' read access) calls this once per request, so they all see the same assignment.
import type { Kysely } from 'kysely';
import type { Catalogue, Unit } from '../core/catalogue-types';
import { assignedIds, assignmentsOf, itemsWithoutReporter, type AssignmentOverride, type Assignments, type Unassigned } from './assignments';
import { preparedQuery } from './db/prepared';
import { rememberedRead } from './db/read-cache';
import type { Database } from './db/schema';
import { listOverrides } from './repositories/assignment-overrides';
import { listUnits } from './repositories/units';

/**
 * Assignments already computed, by the very catalogue, unit list and overrides they were computed
 * from. On SQLite the unit list and the overrides are remembered reads (db/read-cache.ts): the same
 * frozen arrays until a unit or an override changes, so one directory's assignment is computed once
 * (3,400 units: 10–30 ms). On PostgreSQL every read gives new arrays, nothing is found, and the
 * entries go with their arrays (weak keys).
 */
const computed = new WeakMap<Catalogue, WeakMap<readonly Unit[], WeakMap<readonly AssignmentOverride[], Assignments>>>();

/**
 * The effective assignment of a plan over the given units: one query for the plan's overrides.
 * The answer may be shared between requests: it is read-only (ReadonlyMap, readonly arrays).
 * @example const a = await effectiveAssignments(app.db.kysely, catalogue, await listUnits(app.db.kysely));
 */
export async function effectiveAssignments(db: Kysely<Database>, catalogue: Catalogue, units: readonly Unit[]): Promise<Assignments> {
  const overrides: readonly AssignmentOverride[] = await rememberedRead(db, `plan-overrides:${catalogue.planId}`, () => listOverrides(db, catalogue.planId));
  let byUnits = computed.get(catalogue);
  if (!byUnits) computed.set(catalogue, (byUnits = new WeakMap()));
  let byOverrides = byUnits.get(units);
  if (!byOverrides) byUnits.set(units, (byOverrides = new WeakMap()));
  let a = byOverrides.get(overrides);
  if (!a) byOverrides.set(overrides, (a = assignmentsOf(catalogue, units, overrides)));
  return a;
}

/** What one unit reports of a plan, by kind of report. */
export interface UnitAssignment {
  readonly indicators: ReadonlySet<string>;
  readonly tasks: ReadonlySet<string>;
}

/** Remembered outcomes per catalogue: the key is everything the outcome is computed from. */
const unitAssignmentMemo = new WeakMap<Catalogue, Map<string, UnitAssignment>>();
/** Distinct (unit, overrides) pairs remembered per catalogue: units × a few override edits, then it starts over. */
const MEMO_LIMIT = 5000;

/**
 * What one unit reports, as submissions check it: effectiveAssignments over that unit alone. The
 * unit row and its overrides are read from the database on every call (one query here; the caller
 * has read the unit), so an administrator's change made through any instance counts at once; only
 * the computation over the catalogue is remembered, keyed by the catalogue, the unit's id and
 * classes and the overrides read – the whole input of assignmentsOf over one unit, since an
 * override naming another unit has no effect on it.
 */
// Read by every submission (prepared once: db/prepared.ts).
const unitOverrides = preparedQuery<{ planId: string; unitId: string }, { itemId: string; unitId: string; effect: string }>((db, param) =>
  db.selectFrom('assignment_overrides')
    .select(['item_id as itemId', 'unit_id as unitId', 'effect'])
    .where('plan_id', '=', param('planId'))
    .where('unit_id', '=', param('unitId'))
    .orderBy('item_id'));

export async function unitAssignment(db: Kysely<Database>, catalogue: Catalogue, unit: Unit): Promise<UnitAssignment> {
  // Remembered until the overrides (or units, users) change (db/read-cache.ts).
  const overrides = await rememberedRead(db, `overrides:${catalogue.planId}:${unit.id}`, async () =>
    (await unitOverrides.execute(db, { planId: catalogue.planId, unitId: unit.id })) as AssignmentOverride[]);
  const key = JSON.stringify([unit.id, unit.classes, overrides.map((o) => [o.itemId, o.effect])]);
  let memo = unitAssignmentMemo.get(catalogue);
  if (!memo) unitAssignmentMemo.set(catalogue, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  const a = assignmentsOf(catalogue, [unit], overrides);
  const outcome: UnitAssignment = { indicators: assignedIds(a, 'indicators', unit.id), tasks: assignedIds(a, 'tasks', unit.id) };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, outcome);
  return outcome;
}

/**
 * The plan's indicators and tasks nobody reports after the administrator's overrides (and the
 * directory as it is now): `npm run admin` and the override routes warn about them.
 */
export async function unassignedItems(db: Kysely<Database>, catalogue: Catalogue): Promise<Unassigned[]> {
  return itemsWithoutReporter(catalogue, await effectiveAssignments(db, catalogue, await listUnits(db)));
}

/** The warning lines for items without a reporter, as the CLI prints them ('' when none). */
export function unassignedWarning(items: readonly Unassigned[]): string {
  if (items.length === 0) return '';
  return `\nCảnh báo: ${items.length} mục chưa có đơn vị nào báo cáo (hãy giao đơn vị hoặc nạp danh sách xã, phường): ${items.map((i) => i.label).join(', ')}.`;
}
