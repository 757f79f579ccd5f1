// Who may read a submission (every route that shows one asks here, so they cannot drift apart):
// the unit's own roles through can(), or a monitoring agency for the task reports of the units
// whose tasks it monitors (docs/domain.md §3: task reports are consolidated by the monitoring agency).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { can, monitoringUnitIds } from '../auth/roles';
import { monitorsOfUnit } from '../assignments';
import { effectiveAssignments } from '../effective-assignments';
import { forbidden } from '../errors';
import { listUnits } from '../repositories/units';
import type { Kind } from '../repositories/submissions';
import { signedIn } from './guard';

/** The units whose task reports a monitoring agency sees, over every plan or one. */
export async function monitoredTaskUnits(app: FastifyInstance, principal: Principal, planId?: string): Promise<string[]> {
  const monitors = monitoringUnitIds(principal);
  if (monitors.length === 0) return [];
  const units = await listUnits(app.db.kysely);
  const catalogues = planId ? [app.catalogues.get(planId)].filter((c) => c !== undefined) : [...app.catalogues.catalogues.values()];
  const out = new Set<string>();
  for (const catalogue of catalogues) {
    const a = await effectiveAssignments(app.db.kysely, catalogue, units);
    for (const u of units) if (monitorsOfUnit(a, u.id).some((m) => monitors.includes(m))) out.add(u.id);
  }
  return [...out];
}

/** Returns the principal when it may read the submission; throws 401/403 otherwise. */
export async function requireRead(
  app: FastifyInstance,
  request: FastifyRequest,
  s: { readonly unitId: string; readonly kind: Kind; readonly planId: string },
): Promise<Principal> {
  const principal = signedIn(request);
  if (can(principal, 'submission.read', { unitId: s.unitId, kind: s.kind })) return principal;
  if (s.kind === 'tasks' && (await monitoredTaskUnits(app, principal, s.planId)).includes(s.unitId)) return principal;
  throw forbidden();
}
