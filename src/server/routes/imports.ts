// POST /api/imports (multipart, one .xlsx; ?dryRun=true only checks): a filled template read back
// through its sealed mapping, validated and stored by the same function as POST /api/submissions
// (same rules, idempotency, roles: the reporter of the file's unit; 423 once approved). The answer
// summarises the rows accepted and every issue with its cell ("PL01 2026-Q1!E12").
// Optional ?planId&unitId&period&kind say what the uploader meant to send: a file of another plan,
// unit, period or appendix is refused rather than stored where it does not belong.
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { parseWith, SubmissionRequestSchema } from '../../core/schemas';
import { blankRowIds, checkRowIdentity, readSheetRows, submissionOf } from '../../core/template';
import { badRequest, HttpError, payloadTooLarge, type ErrorBody } from '../errors';
import { Slots } from '../slots';
import { refusalError, storeSubmission } from '../store-submission';
import { placeBlankRows, placeIssues, uploadSubmissionId, type Upload } from '../xlsx/import';
import { WORKER_RETRY_AFTER_SEC } from '../workers/pool';
import { templateSecret } from '../xlsx/mapping-seal';
import { route } from './contract';
import { requireCan, requireSomeUnit } from './guard';

const MAX_FILE = 5 * 1024 * 1024;
/** Workbooks read at once by one process; each costs up to a few tens of MB (bench/upload.ts). */
export const IMPORT_SLOTS = 2;
const RETRY_AFTER_SEC = 5;

/**
 * The one file of a multipart body. A second file part is refused, not ignored (which one did the
 * clerk mean?), and a file cut at the size limit is refused, never read as if it were whole.
 */
async function onlyFile(parts: AsyncIterableIterator<Multipart>): Promise<Buffer> {
  let file: Buffer | null = null;
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      if (file) throw badRequest('Mỗi lần chỉ tải lên một tệp .xlsx; yêu cầu có nhiều tệp.');
      file = await part.toBuffer();
      if (part.file.truncated) throw tooBig();
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    if ((err as { statusCode?: number }).statusCode === 413) throw tooBig();
    // busboy's "Unexpected end of form" and the like: the body was cut or malformed.
    throw badRequest('Tệp gửi lên không trọn vẹn (đường truyền bị ngắt?); vui lòng gửi lại.');
  }
  if (!file) throw badRequest('Chưa đính kèm tệp .xlsx.');
  return file;
}

const tooBig = () => payloadTooLarge(`Tệp tải lên vượt quá ${MAX_FILE / 1024 / 1024} MB; mẫu báo cáo không lớn như vậy.`);

export const importRoutes: FastifyPluginAsync = async (app) => {
  // Registered here, not app-wide: only this route takes multipart bodies. files: 2 so that a second
  // file is seen and refused (busboy drops files past the limit silently).
  await app.register(multipart, { limits: { fileSize: MAX_FILE, files: 2, fields: 10, parts: 12 } });
  const slots = new Slots(IMPORT_SLOTS);

  route(app, API.importFile, async (request, reply) => {
    const query = request.query;
    // Permission before any work on the file: only someone who may report for the unit named (or,
    // without one, for some unit) gets the file read at all; the file's own unit is checked below.
    if (query.unitId !== undefined) requireCan(request, 'submission.create', { unitId: query.unitId, kind: query.kind ?? 'indicators' });
    else requireSomeUnit(request, 'submission.create');
    if (!request.isMultipart()) throw badRequest('Hãy gửi tệp .xlsx dưới dạng multipart/form-data.');
    // Receiving is cheap and bounded (5 MB); the slot is taken only for reading the workbook, so a
    // client that sends slowly cannot hold one.
    const file = await onlyFile(request.parts());
    const release = slots.take();
    if (!release) {
      const body: ErrorBody = { error: 'unavailable', message: `Máy chủ đang đọc nhiều tệp cùng lúc; vui lòng gửi lại sau ${RETRY_AFTER_SEC} giây.` };
      return reply.status(503).header('Retry-After', String(RETRY_AFTER_SEC)).send(body);
    }
    let upload: Upload;
    try {
      // In a worker thread: a workbook at the guard's limits is a second of parsing (bench/upload.ts)
      // that would otherwise hold every other request. The refusals come back as values, unchanged.
      upload = await app.workers.readUpload(file, templateSecret(app.config));
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 503) reply.header('Retry-After', String(WORKER_RETRY_AFTER_SEC));
      throw error;
    } finally {
      release();
    }
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

    // Rows sorted or moved on an unprotected sheet would put values under the wrong indicators.
    const moved = checkRowIdentity(catalogue, mapping, upload.values);
    if (moved.length > 0) {
      const cells = moved.slice(0, 5).map((m) => `${m.address} (cần là “${m.expected}”)`).join('; ');
      throw badRequest(`Các dòng của mẫu đã bị sắp xếp lại hoặc di chuyển nên số liệu không còn đúng chỉ tiêu/nhiệm vụ: ${cells}${moved.length > 5 ? `; và ${moved.length - 5} ô khác` : ''}. Hãy tải mẫu mới và nhập lại, không sắp xếp hay di chuyển dòng.`);
    }
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
