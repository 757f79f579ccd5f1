// /api/plans/{planId}/assignment-overrides (administrator, 'units.manage'): list, set (include /
// exclude one unit for one indicator or task, with a reason) and remove the corrections of the
// catalogue's assignments. Each write is one transaction with its audit record. Every answer lists
// the items left without a reporter (`withoutReporter`), so an administrator sees the gap at once.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { unassignedItems } from '../effective-assignments';
import { badRequest, notFound } from '../errors';
import { clearOverride, listOverrides, REASON_MAX, setOverride, type OverrideResult } from '../repositories/assignment-overrides';
import { requireCan } from './guard';
import { parseBody, parseQuery } from './parse';

const Params = z.strictObject({ planId: z.string().min(1).max(100) });
const itemId = z.string().min(1).max(64);
const unitId = z.string().min(1).max(64);

export const OverrideListQuery = z.strictObject({ itemId: itemId.optional() });
export const OverrideBody = z.strictObject({
  itemId,
  unitId,
  effect: z.enum(['include', 'exclude']),
  reason: z.string().trim().min(1).max(REASON_MAX),
});
export const OverrideKeyQuery = z.strictObject({ itemId, unitId });

/** The repository's refusals as HTTP errors: a missing item or unit is 404, anything else 400. */
function unwrap<T>(r: OverrideResult<T>): T {
  if (r.ok) return r.value;
  if (r.code === 'item.notFound' || r.code === 'unit.notFound' || r.code === 'override.notFound') throw notFound(r.message);
  throw badRequest(r.message);
}

export const assignmentOverrideRoutes: FastifyPluginAsync = async (app) => {
  const planOf = (params: unknown) => {
    const { planId } = parseQuery(Params, params);
    const catalogue = app.catalogues.get(planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    return catalogue;
  };

  app.get('/plans/:planId/assignment-overrides', async (request) => {
    requireCan(request, 'units.manage');
    const catalogue = planOf(request.params);
    const query = parseQuery(OverrideListQuery, request.query);
    return {
      planId: catalogue.planId,
      overrides: await listOverrides(app.db.kysely, catalogue.planId, query.itemId),
      withoutReporter: await unassignedItems(app.db.kysely, catalogue),
    };
  });

  app.put('/plans/:planId/assignment-overrides', async (request) => {
    const principal = requireCan(request, 'units.manage');
    const catalogue = planOf(request.params);
    const body = parseBody(OverrideBody, request.body);
    const now = app.clock().toISOString();
    const change = unwrap(await app.db.kysely.transaction().execute((trx) => setOverride(trx, catalogue, body, principal.userId, now)));
    return { planId: catalogue.planId, itemId: body.itemId, unitId: body.unitId, ...change, withoutReporter: await unassignedItems(app.db.kysely, catalogue) };
  });

  app.delete('/plans/:planId/assignment-overrides', async (request) => {
    const principal = requireCan(request, 'units.manage');
    const catalogue = planOf(request.params);
    const key = parseQuery(OverrideKeyQuery, request.query);
    const now = app.clock().toISOString();
    const change = unwrap(await app.db.kysely.transaction().execute((trx) => clearOverride(trx, catalogue, key, principal.userId, now)));
    return { planId: catalogue.planId, ...key, ...change, withoutReporter: await unassignedItems(app.db.kysely, catalogue) };
  });
};
