// GET /api/templates/{indicators|tasks}.xlsx?planId&unitId&period: the report template of one unit and
// period as an .xlsx file, for clerks without the add-in – the same spec the add-in inserts, with the
// rows the server's assignment gives the unit (so an upload validates against the same list).
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { buildTemplateSpec } from '../../core/template';
import { can } from '../auth/roles';
import { assignedIds } from '../assignments';
import { effectiveAssignments } from '../effective-assignments';
import { badRequest, forbidden, notFound } from '../errors';
import { getUnit, listUnits } from '../repositories/units';
import { sealMapping, templateSecret } from '../xlsx/mapping-seal';
import { templateWorkbook } from '../xlsx/template';
import { XLSX_TYPE } from '../xlsx/consolidation';
import { route } from './contract';
import { signedIn } from './guard';

export const templateRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.template, async (request, reply) => {
    const principal = signedIn(request);
    const { file } = request.params;
    const kind = /^(indicators|tasks)\.xlsx$/.exec(file)?.[1] as 'indicators' | 'tasks' | undefined;
    if (!kind) throw notFound('Chỉ có mẫu indicators.xlsx (Phụ lục 01) và tasks.xlsx (Phụ lục 02).');
    const query = request.query;
    const resource = { unitId: query.unitId, kind };
    if (!can(principal, 'submission.create', resource) && !can(principal, 'submission.read', resource)) throw forbidden();
    const catalogue = app.catalogues.get(query.planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const unit = await getUnit(app.db.kysely, query.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');

    const units = await listUnits(app.db.kysely);
    const assigned = assignedIds(await effectiveAssignments(app.db.kysely, catalogue, units), kind, unit.id);
    const spec = buildTemplateSpec(catalogue, { kind, unit, period: query.period, directory: { units, classes: catalogue.unitClasses }, assignedIds: assigned });
    if (!spec.ok) throw badRequest('Kỳ báo cáo không hợp lệ cho kế hoạch này.', spec.issues);
    if (spec.value.mapping.rows.length === 0) {
      throw notFound('Đơn vị không được giao chỉ tiêu / nhiệm vụ nào trong phụ lục này nên không có mẫu báo cáo.');
    }
    const secret = templateSecret(app.config);
    const body = await templateWorkbook(spec.value, (lines) => sealMapping(secret, lines));
    const name = `${spec.value.sheetName.replace(/\s+/g, '-')}-${unit.id}.xlsx`;
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });
};
