// Who may read a submission, and how much of it (every route that shows one asks here, so they cannot
// drift apart): the unit's own roles, province-wide consolidators and administrators read the whole
// report through can(); a monitoring agency reads only the rows of the tasks it monitors in the task
// reports of the units that lead them (docs/domain.md §3; docs/security.md "Monitoring agencies").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ReportExtract } from '../../core/report';
import type { Principal } from '../auth/principal';
import { can, monitoringUnitIds } from '../auth/roles';
import { monitorsOfUnit, type Assignments } from '../assignments';
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

/** How much of a report the caller reads: all of it, or a monitoring agency's extract. */
export type ReadScope = { readonly kind: 'whole' } | ({ readonly kind: 'extract' } & ReportExtract);

/**
 * The tasks of a unit that the given monitoring agencies monitor, and which of the agencies do.
 * @example monitoredTasksOf(a, 'so-y-te', ['so-noi-vu']) // { taskIds: ['nv-01', 'nv-02'], monitorUnitIds: ['so-noi-vu'] }
 */
export function monitoredTasksOf(a: Assignments, unitId: string, monitors: readonly string[]): ReportExtract {
  const taskIds: string[] = [];
  const by = new Set<string>();
  for (const [taskId, leads] of a.taskUnits) {
    if (!leads.includes(unitId)) continue;
    const mine = (a.taskMonitors.get(taskId) ?? []).filter((m) => monitors.includes(m));
    if (mine.length === 0) continue;
    taskIds.push(taskId);
    for (const m of mine) by.add(m);
  }
  return { taskIds, monitorUnitIds: monitors.filter((m) => by.has(m)) };
}

/**
 * The principal and what it may read of the submission; throws 401/403 otherwise. A monitoring
 * agency that monitors no task of the unit gets the same 403 as anyone else: nothing tells it the
 * report exists.
 */
export async function requireRead(
  app: FastifyInstance,
  request: FastifyRequest,
  s: { readonly unitId: string; readonly kind: Kind; readonly planId: string },
): Promise<{ readonly principal: Principal; readonly scope: ReadScope }> {
  const principal = signedIn(request);
  if (can(principal, 'submission.read', { unitId: s.unitId, kind: s.kind })) return { principal, scope: { kind: 'whole' } };
  const monitors = monitoringUnitIds(principal);
  const catalogue = app.catalogues.get(s.planId);
  // Indicator reports have no monitoring agency: a monitor is entitled to task rows only.
  if (s.kind !== 'tasks' || monitors.length === 0 || !catalogue) throw forbidden();
  const a = await effectiveAssignments(app.db.kysely, catalogue, await listUnits(app.db.kysely));
  const extract = monitoredTasksOf(a, s.unitId, monitors);
  if (extract.taskIds.length === 0) throw forbidden();
  return { principal, scope: { kind: 'extract', ...extract } };
}
