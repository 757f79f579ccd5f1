// GET /api/periods?planId=: the report periods the plan's reporting scheme asks for in its year
// (default Q1, 6 tháng, 9 tháng, năm – docs/figures.md), with their cut-off windows and the
// deployment's submission deadline.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { periodLabel, periodsOfScheme, submissionDeadline } from '../../core/periods';
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
      scheme: catalogue.reportingScheme,
      periods: periodsOfScheme(catalogue.document.planYear, catalogue.reportingScheme).map((p) => ({
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
