// GET /api/plans and GET /api/plans/{planId}: the catalogue as imported from the plan text, with the
// unit directory and who reports what, for the add-in's templates.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { assignedIds } from '../assignments';
import { effectiveAssignments } from '../effective-assignments';
import { notFound } from '../errors';
import { listUnits } from '../repositories/units';
import { requireCan } from './guard';
import { parseQuery } from './parse';

const Params = z.strictObject({ planId: z.string().min(1).max(100) });

export const planRoutes: FastifyPluginAsync = async (app) => {
  app.get('/plans', async (request) => {
    requireCan(request, 'plan.read');
    return {
      plans: [...app.catalogues.catalogues.values()].map((c) => ({
        planId: c.planId,
        catalogueVersion: c.catalogueVersion,
        number: c.document.number,
        title: c.document.title,
        planYear: c.document.planYear,
        province: c.document.province,
        indicators: c.indicators.length,
        tasks: c.tasks.length,
      })),
    };
  });

  app.get('/plans/:planId', async (request) => {
    requireCan(request, 'plan.read');
    const { planId } = parseQuery(Params, request.params);
    const catalogue = app.catalogues.get(planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const units = await listUnits(app.db.kysely);
    const a = await effectiveAssignments(app.db.kysely, catalogue, units);
    return {
      catalogue,
      units: units.map((u) => ({
        ...u,
        indicators: [...assignedIds(a, 'indicators', u.id)],
        tasks: [...assignedIds(a, 'tasks', u.id)],
      })),
    };
  });
};
