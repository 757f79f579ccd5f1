// The one place where the catalogue's assignments meet the administrator's overrides: every route
// that asks who reports what (submissions, GET /api/plans/:planId, consolidation, templates, the
// monitors' read access) calls this once per request, so they all see the same assignment.
import type { Kysely } from 'kysely';
import type { Catalogue, Unit } from '../core/catalogue-types';
import { assignmentsOf, type Assignments } from './assignments';
import type { Database } from './db/schema';
import { listOverrides } from './repositories/assignment-overrides';

/**
 * The effective assignment of a plan over the given units: one query for the plan's overrides.
 * @example const a = await effectiveAssignments(app.db.kysely, catalogue, await listUnits(app.db.kysely));
 */
export async function effectiveAssignments(db: Kysely<Database>, catalogue: Catalogue, units: readonly Unit[]): Promise<Assignments> {
  return assignmentsOf(catalogue, units, await listOverrides(db, catalogue.planId));
}
