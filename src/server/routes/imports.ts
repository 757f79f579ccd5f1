// POST /api/imports (multipart, one .xlsx; ?dryRun=true only checks): a filled template read back
// through its sealed mapping, validated and stored by the same function as POST /api/submissions
// (same rules, idempotency, roles: the reporter of the file's unit; 423 once approved). The answer
// summarises the rows accepted and every issue with its cell ("PL01 2026-Q1!E12").
// Optional ?planId&unitId&period&kind say what the uploader meant to send: a file of another plan,
// unit, period or appendix is refused rather than stored where it does not belong.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { parseWith, SubmissionRequestSchema } from '../../core/schemas';
import { blankRowIds, readSheetRows, submissionOf } from '../../core/template';
import { badRequest } from '../errors';
import { refusalError, storeSubmission } from '../store-submission';
import { placeBlankRows, placeIssues, readUpload, uploadSubmissionId } from '../xlsx/import';
import { templateSecret } from '../xlsx/mapping-seal';
import { requireCan, signedIn } from './guard';
import { parseQuery } from './parse';

export const ImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false'),
  planId: z.string().max(100).optional(),
  unitId: z.string().max(64).optional(),
  period: z.string().max(20).optional(),
  kind: z.enum(['indicators', 'tasks']).optional(),
});

const MAX_FILE = 5 * 1024 * 1024;

export const importRoutes: FastifyPluginAsync = async (app) => {
  // Registered here, not app-wide: only this route takes multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 1, fields: 10 } });

  app.post('/imports', async (request, reply) => {
    signedIn(request);
    const query = parseQuery(ImportQuery, request.query);
    if (!request.isMultipart()) throw badRequest('Hãy gửi tệp .xlsx dưới dạng multipart/form-data.');
    const part = await request.file();
    if (!part) throw badRequest('Chưa đính kèm tệp .xlsx.');
    const file = await part.toBuffer();

    const upload = await readUpload(file, templateSecret(app.config));
    if (!upload.ok) throw badRequest(upload.message);
    const { mapping } = upload;
    const catalogue = app.catalogues.get(mapping.planId);
    if (!catalogue) throw badRequest(`Tệp là mẫu của kế hoạch “${mapping.planId}”, không có trên máy chủ.`);
    const expect = (given: string | undefined, actual: string, what: string) => {
      if (given !== undefined && given !== actual) throw badRequest(`Tệp là mẫu của ${what} “${actual}”, không phải “${given}” như bạn chọn. Hãy tải đúng mẫu.`);
    };
    expect(query.planId, mapping.planId, 'kế hoạch');
    expect(query.unitId, mapping.unitId, 'đơn vị');
    expect(query.period, mapping.period, 'kỳ báo cáo');
    expect(query.kind, mapping.kind, 'phụ lục');
    if (mapping.catalogueVersion !== catalogue.catalogueVersion) {
      throw badRequest('Mẫu được tạo từ phiên bản danh mục cũ của kế hoạch; hãy tải mẫu mới và nhập lại số liệu.');
    }
    const principal = requireCan(request, 'submission.create', { unitId: mapping.unitId, kind: mapping.kind });

    const rows = readSheetRows(mapping, upload.values, upload.numberFormats);
    const dryRun = query.dryRun === 'true';
    const attempt = async (id: string) => {
      const parsed = parseWith(SubmissionRequestSchema, submissionOf(mapping, rows, id));
      return parsed.ok ? storeSubmission(app, parsed.value, principal.userId, { dryRun }) : ({ kind: 'invalid', issues: parsed.issues } as const);
    };
    let clientSubmissionId = uploadSubmissionId(mapping, file);
    let outcome = await attempt(clientSubmissionId);
    if (outcome.kind === 'conflict' && mapping.clientSubmissionId) {
      // The id the add-in stamped belongs to what it sent; this file was changed since: a new revision,
      // under the id of the file's own bytes (as a downloaded template without a stamp would get).
      clientSubmissionId = uploadSubmissionId({ ...mapping, clientSubmissionId: null }, file);
      outcome = await attempt(clientSubmissionId);
    }

    const issues = placeIssues(mapping, outcome.kind === 'invalid' ? outcome.issues : outcome.kind === 'created' || outcome.kind === 'replayed' ? (outcome.response.warnings ?? []) : []);
    const errorRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.rowId));
    const summary = {
      dryRun,
      file: { planId: mapping.planId, unitId: mapping.unitId, unitName: mapping.unitName, period: mapping.period, kind: mapping.kind, sheetName: mapping.sheetName },
      clientSubmissionId,
      rows: mapping.rows.length,
      acceptedRows: mapping.rows.filter((r) => !errorRows.has(r.id) && !errorRows.has(undefined)).length,
      issues,
      /** Rows with nothing entered yet ("no data", not an error), each with the cell to fill. */
      emptyRows: placeBlankRows(mapping, blankRowIds(rows)),
    };
    switch (outcome.kind) {
      case 'invalid':
        return reply.status(dryRun ? 200 : 422).send({ ...summary, status: 'invalid', message: 'Tệp có lỗi, chưa được lưu.' });
      case 'created':
        if (dryRun) return reply.status(200).send({ ...summary, status: 'valid', revision: outcome.response.revision, evaluations: outcome.response.evaluations });
        return reply.status(201).send({ ...summary, status: 'created', submission: outcome.response });
      case 'replayed':
        return reply.status(200).send({ ...summary, status: 'replayed', submission: outcome.response });
      default:
        throw refusalError(outcome);
    }
  });
};
