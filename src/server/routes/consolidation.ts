// GET /api/consolidation?planId&period&kind&format=json|csv|xlsx: for the province consolidator (SKHCN) or
// the administrator; a monitoring agency's consolidator sees only the tasks it monitors.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import type { Task } from '../../core/catalogue-types';
import { inScheme, parsePeriod, periodLabel, periodsOfScheme } from '../../core/periods';
import { can, monitoringUnitIds } from '../auth/roles';
import { consolidateIndicatorsPacked } from '../consolidation-indicators';
import { consolidationBody, type ConsolidationJob } from '../consolidation-job';
import { consolidationCsv } from '../consolidation-csv';
import { effectiveAssignments } from '../effective-assignments';
import { latestIndicatorReports } from '../report-rows';
import { badRequest, forbidden, HttpError, notFound } from '../errors';
import { provinceMarks } from '../repositories/acceptance';
import { latestRowsText } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import { Turns } from '../turns';
import { WORKER_RETRY_AFTER_SEC } from '../workers/pool';
import { XLSX_TYPE } from '../xlsx/consolidation';
import { route } from './contract';
import { signedIn } from './guard';

export const consolidationRoutes: FastifyPluginAsync = async (app) => {
  const turns = new Turns();
  route(app, API.consolidation, async (request, reply) => {
    const principal = signedIn(request);
    const query = request.query;
    const everything = can(principal, 'consolidation.read', { kind: query.kind });
    const monitors = query.kind === 'tasks' && !everything ? monitoringUnitIds(principal, 'consolidation.read') : [];
    if (!everything && monitors.length === 0) throw forbidden();
    const catalogue = app.catalogues.get(query.planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const period = parsePeriod(query.period);
    if (!period.ok) throw badRequest('Kỳ báo cáo không hợp lệ.', period.issues);
    if (!inScheme(period.value, catalogue.reportingScheme)) {
      const names = periodsOfScheme(period.value.year, catalogue.reportingScheme).map(periodLabel).join('; ');
      throw badRequest(`Kế hoạch không có kỳ báo cáo ${periodLabel(period.value)}; các kỳ trong năm: ${names}.`);
    }

    const header = { planId: query.planId, period: query.period, generatedAt: app.clock().toISOString() };
    // Read and computed in turns (turns.ts): at the national scale each takes 100–300 ms of the event loop.
    const answer = await turns.run(async () => {
      const units = await listUnits(app.db.kysely);
      const a = await effectiveAssignments(app.db.kysely, catalogue, units);
      if (query.format === 'json' && query.kind === 'indicators') {
        // Packed (src/core/consolidation-sheet/wire.ts), from the reports' rows decoded once per revision (report-rows.ts).
        const reports = await latestIndicatorReports(app.db.kysely, query.planId, query.period);
        return { body: { ...header, kind: 'indicators' as const, ...consolidateIndicatorsPacked(catalogue, units, a, reports, period.value) } };
      }
      const marks = await provinceMarks(app.db.kysely, query.planId, query.period, query.kind);
      const stored = (await latestRowsText(app.db.kysely, query.planId, query.period, query.kind))
        .map((r) => ({ ...r, provinceState: marks.get(r.unitId)?.provinceState ?? null }));
      const visible = (task: Task) => everything || (a.taskMonitors.get(task.id) ?? []).some((m) => monitors.includes(m));
      const job: ConsolidationJob = {
        catalogue, units, assignments: a, stored, kind: query.kind, period: period.value,
        visibleTaskIds: query.kind === 'tasks' && !everything ? catalogue.tasks.filter(visible).map((t) => t.id) : null, header,
      };
      // The .xlsx is computed and drawn in a worker thread, outside the turns.
      if (query.format === 'xlsx') return { job };
      const body = consolidationBody(job);
      return query.format === 'csv' ? { csv: consolidationCsv(body) } : { body };
    });

    if ('body' in answer) return answer.body;
    if ('csv' in answer) {
      const file = `tong-hop-${query.planId}-${query.period}-${query.kind}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(answer.csv);
    }
    // Computed and drawn in a worker thread: seconds of exceljs at the national scale (bench/consolidation.ts).
    const file = `tong-hop-${query.planId}-${query.period}-${query.kind}.xlsx`;
    const groups = query.kind === 'indicators' ? catalogue.indicatorGroups : catalogue.taskGroups;
    let xlsx: Buffer;
    try {
      xlsx = await app.workers.consolidationXlsx(answer.job, { groups, document: catalogue.document });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 503) reply.header('Retry-After', String(WORKER_RETRY_AFTER_SEC));
      throw error;
    }
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${file}"`).send(xlsx);
  });
};
