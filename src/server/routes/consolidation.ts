// GET /api/consolidation?planId&period&kind&format=json|csv|xlsx: for the province consolidator (SKHCN) or
// the administrator; a monitoring agency's consolidator sees only the tasks it monitors.
import type { FastifyPluginAsync } from 'fastify';
import type { Task } from '../../core/catalogue-types';
import { inScheme, parsePeriod, periodLabel, periodsOfScheme } from '../../core/periods';
import { can, monitoringUnitIds } from '../auth/roles';
import { consolidateIndicators, consolidateTasks, type Consolidation } from '../consolidation';
import { consolidationCsv } from '../consolidation-csv';
import { effectiveAssignments } from '../effective-assignments';
import { badRequest, forbidden, notFound } from '../errors';
import { provinceMarks } from '../repositories/acceptance';
import { latestRows } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import { consolidationWorkbook, XLSX_TYPE } from '../xlsx/consolidation';
import { ConsolidationQuery } from './bodies';
import { signedIn } from './guard';
import { parseQuery } from './parse';

export const consolidationRoutes: FastifyPluginAsync = async (app) => {
  app.get('/consolidation', async (request, reply) => {
    const principal = signedIn(request);
    const query = parseQuery(ConsolidationQuery, request.query);
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

    const units = await listUnits(app.db.kysely);
    const a = await effectiveAssignments(app.db.kysely, catalogue, units);
    const marks = await provinceMarks(app.db.kysely, query.planId, query.period, query.kind);
    const stored = (await latestRows(app.db.kysely, query.planId, query.period, query.kind))
      .map((r) => ({ ...r, provinceState: marks.get(r.unitId)?.provinceState ?? null }));
    let result: Consolidation;
    if (query.kind === 'indicators') {
      result = { kind: 'indicators', ...consolidateIndicators(catalogue, units, a, stored, period.value) };
    } else {
      const visible = (task: Task) => everything || (a.taskMonitors.get(task.id) ?? []).some((m) => monitors.includes(m));
      result = { kind: 'tasks', ...consolidateTasks(catalogue, units, a, stored, visible, period.value) };
    }
    if (query.format === 'csv') {
      const file = `tong-hop-${query.planId}-${query.period}-${query.kind}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(consolidationCsv(result));
    }
    const body = { planId: query.planId, period: query.period, generatedAt: app.clock().toISOString(), ...result };
    if (query.format === 'xlsx') {
      const file = `tong-hop-${query.planId}-${query.period}-${query.kind}.xlsx`;
      const groups = query.kind === 'indicators' ? catalogue.indicatorGroups : catalogue.taskGroups;
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${file}"`).send(await consolidationWorkbook(body, { groups, document: catalogue.document }));
    }
    return body;
  });
};
