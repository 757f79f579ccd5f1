// /api/plans/{planId}/assignment-overrides (administrator, 'units.manage'): list, set (include /
// exclude one unit for one indicator or task, with a reason) and remove the corrections of the
// catalogue's assignments. Each write is one transaction with its audit record. Every answer lists
// the items left without a reporter (`withoutReporter`), so an administrator sees the gap at once.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { unassignedItems } from '../effective-assignments';
import { badRequest, notFound } from '../errors';
import { clearOverride, listOverrides, setOverride, type OverrideResult } from '../repositories/assignment-overrides';
import { route } from './contract';
import { requireCan } from './guard';

/** The repository's refusals as HTTP errors: a missing item or unit is 404, anything else 400. */
function unwrap<T>(r: OverrideResult<T>): T {
  if (r.ok) return r.value;
  if (r.code === 'item.notFound' || r.code === 'unit.notFound' || r.code === 'override.notFound') throw notFound(r.message);
  throw badRequest(r.message);
}

export const assignmentOverrideRoutes: FastifyPluginAsync = async (app) => {
  const planOf = (planId: string) => {
    const catalogue = app.catalogues.get(planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    return catalogue;
  };
  const manage = { capability: 'units.manage' } as const;

  route(app, API.listOverrides, async (request) => {
    const catalogue = planOf(request.params.planId);
    return {
      planId: catalogue.planId,
      overrides: await listOverrides(app.db.kysely, catalogue.planId, request.query.itemId),
      withoutReporter: await unassignedItems(app.db.kysely, catalogue),
    };
  }, manage);

  route(app, API.setOverride, async (request) => {
    const principal = requireCan(request, 'units.manage');
    const catalogue = planOf(request.params.planId);
    const body = request.body;
    const now = app.clock().toISOString();
    const change = unwrap(await app.db.kysely.transaction().execute((trx) => setOverride(trx, catalogue, body, principal.userId, now)));
    return { planId: catalogue.planId, itemId: body.itemId, unitId: body.unitId, ...change, withoutReporter: await unassignedItems(app.db.kysely, catalogue) };
  }, manage);

  route(app, API.clearOverride, async (request) => {
    const principal = requireCan(request, 'units.manage');
    const catalogue = planOf(request.params.planId);
    const key = request.query;
    const now = app.clock().toISOString();
    const change = unwrap(await app.db.kysely.transaction().execute((trx) => clearOverride(trx, catalogue, key, principal.userId, now)));
    return { planId: catalogue.planId, ...key, ...change, withoutReporter: await unassignedItems(app.db.kysely, catalogue) };
  }, manage);
};
