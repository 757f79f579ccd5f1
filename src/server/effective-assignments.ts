// The one place where the catalogue's assignments meet the administrator's overrides: every route
// that asks who reports what (submissions, GET /api/plans/:planId, consolidation, templates, the
// monitors' read access) calls this once per request, so they all see the same assignment.
import type { Kysely } from 'kysely';
import type { Catalogue, Unit } from '../core/catalogue-types';
import { assignmentsOf, itemsWithoutReporter, type Assignments, type Unassigned } from './assignments';
import type { Database } from './db/schema';
import { listOverrides } from './repositories/assignment-overrides';
import { listUnits } from './repositories/units';

/**
 * The effective assignment of a plan over the given units: one query for the plan's overrides.
 * @example const a = await effectiveAssignments(app.db.kysely, catalogue, await listUnits(app.db.kysely));
 */
export async function effectiveAssignments(db: Kysely<Database>, catalogue: Catalogue, units: readonly Unit[]): Promise<Assignments> {
  return assignmentsOf(catalogue, units, await listOverrides(db, catalogue.planId));
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
