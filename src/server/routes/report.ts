// GET /api/submissions/:id/report.docx: the submission as an official report (Nghị định 30/2020)
// for heads who print or sign outside the add-in; GET /api/submissions/:id/verification: the
// verification code of that same document, for the report the Word add-in writes from the same
// options (docs/province-report.md). Same permission and scope as reading the submission
// (routes/read-access.ts): the whole report for the unit's own roles and the province; for a
// monitoring agency an extract of the tasks it monitors, worded as such, with no verification code
// (a code stands for the approved document's text, which the extract is not: docs/security.md).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API, type ReportDocxQuerySchema } from '../../core/api';
import { vietnamDate } from '../../core/periods';
import { buildReportModel, reportSubmissionFrom, type SubmissionDetail } from '../../core/report';
import { forbidden, notFound } from '../errors';
import { readableDetail } from '../read-extract';
import { DOCX_TYPE, reportDocx } from '../report-docx';
import { verificationFor, verifiedReportDocx } from '../verified-docx';
import { getSubmission } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import { route } from './contract';
import { requireRead } from './read-access';

export const reportRoutes: FastifyPluginAsync = async (app) => {
  /** The report the options make for this reader, with what its verification code is bound to. */
  async function unitReport(request: FastifyRequest, id: string, query: z.output<typeof ReportDocxQuerySchema>) {
    const detail = await getSubmission(app.db.kysely, id);
    if (!detail) throw notFound('Không tìm thấy báo cáo.');
    const units = await listUnits(app.db.kysely);
    const catalogue = app.catalogues.get(detail.planId);
    const { scope } = await requireRead(app, request, detail);
    const unit = units.find((u) => u.id === detail.unitId);
    if (!catalogue || !unit) throw notFound('Không tìm thấy kế hoạch hoặc đơn vị của báo cáo.');
    const source = reportSubmissionFrom(readableDetail(detail, scope) as SubmissionDetail, query.revision);
    if (!source) throw notFound(`Báo cáo không có lần nộp thứ ${query.revision}.`);
    const model = buildReportModel(catalogue, source, unit, {
      date: query.date ?? vietnamDate(app.clock()), number: query.number, signingAs: query.signingAs,
    });
    const ref = { document: 'unit' as const, refId: detail.id, revision: source.revision, contentHash: source.contentHash };
    return { detail, source, model, ref, extract: scope.kind === 'extract' };
  }

  route(app, API.reportDocx, async (request, reply) => {
    const { detail, source, model, ref, extract } = await unitReport(request, request.params.id, request.query);
    const file = `${extract ? 'trich-bao-cao' : 'bao-cao'}-${detail.period}-${detail.unitId}-lan-${source.revision}.docx`;
    return reply
      .type(DOCX_TYPE)
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('x-content-hash', source.contentHash)
      .header('cache-control', 'no-store')
      .send(extract ? await reportDocx(model) : await verifiedReportDocx(app, ref, model));
  });

  route(app, API.reportVerification, async (request, reply) => {
    const { model, ref, extract } = await unitReport(request, request.params.id, request.query);
    if (extract) throw forbidden('Bản trích báo cáo của đơn vị theo dõi không có mã xác thực; mã chỉ cấp cho toàn văn báo cáo.');
    return reply.header('cache-control', 'no-store').send(await verificationFor(app, ref, model));
  });
};
