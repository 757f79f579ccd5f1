// GET /api/submissions/:id/report.docx: the submission as an official report (Nghị định 30/2020)
// for heads who print or sign outside the add-in. Same permission as reading the submission
// (routes/read-access.ts): the unit's own roles, or a monitoring agency for task reports.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { vietnamDate } from '../../core/periods';
import { buildReportModel, reportSubmissionFrom, type SubmissionDetail } from '../../core/report';
import { notFound } from '../errors';
import { DOCX_TYPE } from '../report-docx';
import { verifiedReportDocx } from '../verified-docx';
import { getSubmission } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import { IdParams } from './bodies';
import { requireRead } from './read-access';
import { parseQuery } from './parse';

const ReportQuery = z.strictObject({
  revision: z.coerce.number().int().min(1).optional(),
  /** The report's date (default: today in Việt Nam). */
  date: z.iso.date().optional(),
  /** The number the clerical office gives; "…" when absent. */
  number: z.string().trim().max(20).optional(),
  signingAs: z.enum(['head', 'deputy']).optional(),
});

export const reportRoutes: FastifyPluginAsync = async (app) => {
  app.get('/submissions/:id/report.docx', async (request, reply) => {
    const { id } = parseQuery(IdParams, request.params);
    const query = parseQuery(ReportQuery, request.query);
    const detail = await getSubmission(app.db.kysely, id);
    if (!detail) throw notFound('Không tìm thấy báo cáo.');
    const units = await listUnits(app.db.kysely);
    const catalogue = app.catalogues.get(detail.planId);
    await requireRead(app, request, detail);
    const unit = units.find((u) => u.id === detail.unitId);
    if (!catalogue || !unit) throw notFound('Không tìm thấy kế hoạch hoặc đơn vị của báo cáo.');
    const source = reportSubmissionFrom(detail as SubmissionDetail, query.revision);
    if (!source) throw notFound(`Báo cáo không có lần nộp thứ ${query.revision}.`);

    const model = buildReportModel(catalogue, source, unit, {
      date: query.date ?? vietnamDate(app.clock()), number: query.number, signingAs: query.signingAs,
    });
    const file = `bao-cao-${detail.period}-${detail.unitId}-lan-${source.revision}.docx`;
    return reply
      .type(DOCX_TYPE)
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('x-content-hash', source.contentHash)
      .header('cache-control', 'no-store')
      .send(await verifiedReportDocx(app, { document: 'unit', refId: detail.id, revision: source.revision, contentHash: source.contentHash }, model));
  });
};
