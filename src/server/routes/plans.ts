// GET /api/plans and GET /api/plans/{planId}: the catalogue as imported from the plan text, with the
// unit directory and who reports what, for the add-in's templates.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { assignedIds } from '../assignments';
import { effectiveAssignments } from '../effective-assignments';
import { notFound } from '../errors';
import { listUnits } from '../repositories/units';
import { route } from './contract';
import { requireCan } from './guard';

export const planRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.plans, async (request) => {
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

  route(app, API.plan, async (request) => {
    requireCan(request, 'plan.read');
    const { planId } = request.params;
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
