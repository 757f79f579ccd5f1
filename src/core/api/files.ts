// Files: the official report as .docx, the .xlsx template of a unit and period, and the upload of a
// filled template (checked with a dry run, or stored as a submission; issues carry cell addresses).
import { z } from 'zod';
import { IssueSchema, RowEvaluationSchema, SubmissionResponseSchema } from '../schemas';
import { endpoint } from './endpoint';
import { errors, IdParams, KindSchema, PeriodSchema, PlanIdSchema, UnitIdSchema } from './common';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ReportDocxQuerySchema = z.strictObject({
  revision: z.coerce.number().int().min(1).optional(),
  /** The report's date (default: today in Việt Nam). */
  date: z.iso.date().optional(),
  /** The number the clerical office gives; "…" when absent. */
  number: z.string().trim().max(20).optional(),
  signingAs: z.enum(['head', 'deputy']).optional(),
});

/**
 * The verification code of a report document written elsewhere (the Word add-in): the code the
 * server issues for the text of the document the same options make, its page and its QR code.
 */
export const ReportVerificationSchema = z.strictObject({
  /** "K7M2-9QXA". */
  code: z.string(),
  /** The public verification page the QR code encodes. */
  url: z.string(),
  /** The QR code as a PNG, base64 (no data: prefix), ready for Word's insertInlinePictureFromBase64. */
  qrPng: z.string(),
});
export type ReportVerificationResponse = z.infer<typeof ReportVerificationSchema>;

/** The file name: indicators.xlsx (Phụ lục 01) or tasks.xlsx (Phụ lục 02); any other name is 404, as for a missing file. */
export const TemplateParamsSchema = z.strictObject({ file: z.string().max(40) });
export const TemplateQuerySchema = z.strictObject({ planId: PlanIdSchema, unitId: UnitIdSchema, period: PeriodSchema });

export const ImportQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false'),
  planId: z.string().max(100).optional(),
  unitId: z.string().max(64).optional(),
  period: z.string().max(20).optional(),
  kind: KindSchema.optional(),
});

/** An issue of an uploaded file, with the cell it is about ("PL01 2026-Q1!E12"), null for the whole file. */
export const PlacedIssueSchema = IssueSchema.extend({ address: z.string().nullable() });

const importSummary = {
  dryRun: z.boolean(),
  file: z.strictObject({
    planId: z.string(), unitId: z.string(), unitName: z.string(), period: z.string(), kind: KindSchema, sheetName: z.string(),
  }),
  clientSubmissionId: z.string(),
  rows: z.number().int(),
  acceptedRows: z.number().int(),
  issues: z.array(PlacedIssueSchema),
  /** Rows with nothing entered yet (no data, not an error), each with the cell to fill. */
  emptyRows: z.array(z.strictObject({ rowId: z.string(), address: z.string() })),
};

/** What an upload answers: invalid (nothing stored), valid (dry run), created or replayed. */
export const ImportResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...importSummary, status: z.literal('invalid'), message: z.string() }),
  z.strictObject({ ...importSummary, status: z.literal('valid'), revision: z.number().int(), evaluations: z.array(RowEvaluationSchema) }),
  z.strictObject({ ...importSummary, status: z.literal('created'), submission: SubmissionResponseSchema }),
  z.strictObject({ ...importSummary, status: z.literal('replayed'), submission: SubmissionResponseSchema }),
]);
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const fileEndpoints = {
  reportDocx: endpoint({
    method: 'GET', path: '/api/submissions/:id/report.docx', tag: 'files', access: 'signedIn',
    summary: 'The submission as an official report (Nghị định 30/2020 layout); X-Content-Hash names the revision shown',
    params: IdParams, query: ReportDocxQuerySchema, file: [DOCX_TYPE],
    responses: { ...errors(400, 401, 403, 404) },
  }),
  reportVerification: endpoint({
    method: 'GET', path: '/api/submissions/:id/verification', tag: 'files', access: 'signedIn',
    summary: 'The verification code (and its QR PNG) of the report document the same options make, for a document written in Word; the same code the .docx carries',
    params: IdParams, query: ReportDocxQuerySchema,
    responses: { 200: ReportVerificationSchema, ...errors(400, 401, 403, 404) },
  }),
  template: endpoint({
    method: 'GET', path: '/api/templates/:file', tag: 'files', access: 'signedIn',
    summary: 'The report template of a unit and period as .xlsx (protected, drop-down lists, sealed very hidden mapping)',
    params: TemplateParamsSchema, query: TemplateQuerySchema, file: [XLSX_TYPE],
    responses: { ...errors(400, 401, 403, 404) },
  }),
  importFile: endpoint({
    method: 'POST', path: '/api/imports', tag: 'files', access: 'signedIn',
    summary: 'Upload a filled .xlsx template (multipart, field "file"): checked (dryRun=true: 200 valid or invalid) or stored (201; 200 replayed; 422 invalid)',
    query: ImportQuerySchema, upload: true,
    responses: { 201: ImportResultSchema, 200: ImportResultSchema, 422: ImportResultSchema, ...errors(400, 401, 403, 404, 409, 413, 415, 423) },
  }),
};
