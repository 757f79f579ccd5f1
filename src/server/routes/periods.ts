// GET /api/periods?planId=: the plan year's report periods with their cut-off windows and the
// deployment's submission deadline (docs/domain.md §4).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { periodLabel, periodsOfYear, submissionDeadline } from '../../core/periods';
import { notFound } from '../errors';
import { requireCan } from './guard';
import { parseQuery } from './parse';

const Query = z.strictObject({ planId: z.string().min(1).max(100) });

export const periodRoutes: FastifyPluginAsync = async (app) => {
  app.get('/periods', async (request) => {
    requireCan(request, 'plan.read');
    const { planId } = parseQuery(Query, request.query);
    const catalogue = app.catalogues.get(planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const deadline = app.config.deadline;
    return {
      planId,
      year: catalogue.document.planYear,
      deadline,
      periods: periodsOfYear(catalogue.document.planYear).map((p) => ({
        id: p.id,
        code: p.code,
        label: periodLabel(p),
        start: p.start,
        end: p.end,
        deadline: submissionDeadline(p, deadline),
      })),
    };
  });
};
