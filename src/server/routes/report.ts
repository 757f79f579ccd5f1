// GET /api/submissions/:id/report.docx: the submission as an official report (Nghị định 30/2020)
// for heads who print or sign outside the add-in; GET /api/submissions/:id/verification: the
// verification code of that same document, for the report the Word add-in writes from the same
// options (docs/province-report.md). Same permission as reading the submission
// (routes/read-access.ts): the unit's own roles, or a monitoring agency for task reports.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { API, type ReportDocxQuerySchema } from '../../core/api';
import { vietnamDate } from '../../core/periods';
import { buildReportModel, reportSubmissionFrom, type SubmissionDetail } from '../../core/report';
import { notFound } from '../errors';
import { DOCX_TYPE } from '../report-docx';
import { verificationFor, verifiedReportDocx } from '../verified-docx';
import { getSubmission } from '../repositories/submissions';
import { listUnits } from '../repositories/units';
import type { z } from 'zod';
import { route } from './contract';
import { requireRead } from './read-access';

export const reportRoutes: FastifyPluginAsync = async (app) => {
  /** The report the options make, with what its verification code is bound to. */
  async function unitReport(request: FastifyRequest, id: string, query: z.output<typeof ReportDocxQuerySchema>) {
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
    const ref = { document: 'unit' as const, refId: detail.id, revision: source.revision, contentHash: source.contentHash };
    return { detail, source, model, ref };
  }

  route(app, API.reportDocx, async (request, reply) => {
    const { detail, source, model, ref } = await unitReport(request, request.params.id, request.query);
    const file = `bao-cao-${detail.period}-${detail.unitId}-lan-${source.revision}.docx`;
    return reply
      .type(DOCX_TYPE)
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('x-content-hash', source.contentHash)
      .header('cache-control', 'no-store')
      .send(await verifiedReportDocx(app, ref, model));
  });

  route(app, API.reportVerification, async (request, reply) => {
    const { model, ref } = await unitReport(request, request.params.id, request.query);
    return reply.header('cache-control', 'no-store').send(await verificationFor(app, ref, model));
  });
};
