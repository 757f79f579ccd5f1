// The province's side (docs/province-report.md): acceptance of the units' approved reports, Sở KH&CN's
// consolidated report (generate, read, the official .docx, the head's decision), and the open feed
// for the IOC and BI tools, read with an API key (header X-API-Key) that administrators issue.
import { z } from 'zod';
import { endpoint } from './endpoint';
import { ContentHashSchema, errors, IdParams, PeriodSchema, PlanIdSchema } from './common';
import { DOCX_TYPE, ReportDocxQuerySchema, ReportVerificationSchema } from './files';
import { StatusSchema } from './submissions';

// Acceptance -----------------------------------------------------------------------------------

export const AcceptBodySchema = z.strictObject({ contentHash: ContentHashSchema });
/** Sending back says why: the unit corrects what the reason names. */
export const ReopenBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000), contentHash: ContentHashSchema.optional() });

export const ProvinceStateSchema = z.enum(['accepted', 'reopened']);

/** The submission after the province's decision. */
export const AcceptanceResultSchema = z.strictObject({
  id: z.string(),
  status: StatusSchema,
  provinceState: ProvinceStateSchema,
  revision: z.number().int().min(1),
  contentHash: ContentHashSchema,
});

// The consolidated report ------------------------------------------------------------------------

export const GenerateProvinceReportBodySchema = z.strictObject({
  planId: PlanIdSchema,
  period: PeriodSchema,
  /** Next period's priorities, one per line as the consolidator writes them; generated when absent. */
  priorities: z.array(z.string().trim().max(2000)).max(30).optional(),
});
export const ProvinceReportListQuerySchema = z.strictObject({ planId: z.string().max(100).optional(), period: PeriodSchema.optional() });

const comment = (min: number) => z.string().trim().min(min).max(2000);
export const ProvinceApproveBodySchema = z.strictObject({ contentHash: ContentHashSchema, comment: comment(0).optional() });
export const ProvinceReturnBodySchema = z.strictObject({ comment: comment(1), contentHash: ContentHashSchema.optional() });

export const ProvinceReportStatusSchema = z.enum(['draft', 'approved', 'returned']);

/** A consolidated report with its latest revision. */
export const ProvinceReportSummarySchema = z.strictObject({
  id: z.string(),
  planId: z.string(),
  period: z.string(),
  status: ProvinceReportStatusSchema,
  revision: z.number().int().min(0),
  contentHash: ContentHashSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  approvedRevision: z.number().int().nullable(),
  approvedHash: ContentHashSchema.nullable(),
  approvedAt: z.string().nullable(),
  comment: z.string().nullable(),
});

/**
 * The snapshot a revision holds (ProvinceReportContent in src/core/report/province-content.ts):
 * the fields every client reads are named, the rest is the report model's own.
 */
export const ProvinceReportContentSchema = z.looseObject({
  version: z.literal(1),
  planId: z.string(),
  period: z.string(),
  priorities: z.array(z.string()),
});

export type ProvinceReportSummary = z.infer<typeof ProvinceReportSummarySchema>;

export const ProvinceReportRevisionSchema = z.strictObject({
  revision: z.number().int().min(1),
  contentHash: ContentHashSchema,
  createdAt: z.string(),
  createdBy: z.string(),
});

export const GeneratedProvinceReportSchema = ProvinceReportSummarySchema.extend({
  /** false: the content had not changed since the latest draft, which is answered as it is. */
  created: z.boolean(),
  content: ProvinceReportContentSchema,
});
export const ProvinceReportDetailSchema = ProvinceReportSummarySchema.extend({
  revisions: z.array(ProvinceReportRevisionSchema),
  content: ProvinceReportContentSchema.optional(),
});

// The open feed and its keys ---------------------------------------------------------------------

export const FeedQuerySchema = z.strictObject({
  planId: PlanIdSchema,
  period: PeriodSchema,
  format: z.enum(['json', 'csv']).default('json'),
});
export const DataValueSetQuerySchema = FeedQuerySchema.omit({ format: true });

/** One indicator of the feed: a stable, documented shape (schemaVersion 1). */
export const FeedIndicatorSchema = z.strictObject({
  id: z.string().describe('The indicator id of the plan (stable across periods).'),
  no: z.number().describe('The indicator’s number in the plan’s appendix.'),
  group: z.string().describe('The group (section) the indicator belongs to.'),
  text: z.string().describe('The indicator’s name, in Vietnamese.'),
  target: z.string().describe('The target as the plan states it.'),
  value: z.number().nullable().describe('The province figure in percent, or null (no data, or a figure that is not a percentage).'),
  valueText: z.string().describe('The province figure as the report writes it.'),
  evaluation: z.string().describe('The evaluation code (met, exceeded, notMet, noData …).'),
  evaluationLabel: z.string().describe('The evaluation in Vietnamese.'),
  reported: z.number().int().describe('How many approved unit reports the figure counts.'),
  expected: z.number().int().describe('How many unit reports were expected.'),
  provisional: z.boolean().describe('true while not every expected unit has an approved report.'),
  accepted: z.number().int().describe('Of the reports counted, how many the province has accepted.'),
}).meta({ id: 'FeedIndicator' });

export const FeedSchema = z.strictObject({
  schemaVersion: z.literal(1).describe('The version of this shape; a change that breaks readers gets a new version.'),
  planId: z.string().describe('The plan.'),
  period: z.string().describe('The period code, e.g. 2026-Q1, 2026-H1, 2026-9M, 2026-Y.'),
  periodLabel: z.string().describe('The period in Vietnamese, as the report names it ("Quý I năm …").'),
  source: z.literal('approvedReports').describe('Only reports the units’ heads approved are counted.'),
  unitsExpected: z.number().int().describe('Units expected to report for the period.'),
  unitsApproved: z.number().int().describe('Units whose report is approved.'),
  indicators: z.array(FeedIndicatorSchema).describe('The province figure of each indicator.'),
}).meta({ id: 'Feed' });

export const DataValueSetSchema = z.strictObject({
  dataValues: z.array(z.strictObject({
    dataElement: z.string().describe('The indicator id.'),
    orgUnit: z.string().describe('The unit id.'),
    period: z.string().describe('The DHIS2 period (2026Q1, 2026S1, 2026).'),
    value: z.string().describe('The unit’s value.'),
  })),
}).meta({ id: 'DataValueSet' });

export const IssueApiKeyBodySchema = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const ApiKeyInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart in lists. */
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
/** The key itself is shown once, when issued. */
export const IssuedApiKeySchema = ApiKeyInfoSchema.extend({ key: z.string() });

export const CSV_TYPE = 'text/csv';

export const provinceEndpoints = {
  accept: endpoint({
    method: 'POST', path: '/api/submissions/:id/accept', tag: 'province', access: 'signedIn',
    summary: 'The province (consolidator) accepts the approved revision it read (bound to its content hash)',
    params: IdParams, body: AcceptBodySchema,
    responses: { 200: AcceptanceResultSchema, ...errors(400, 401, 403, 404, 409) },
  }),
  reopen: endpoint({
    method: 'POST', path: '/api/submissions/:id/reopen', tag: 'province', access: 'signedIn',
    summary: 'The consolidator sends an approved report back to the unit, or an administrator reopens it, with a reason',
    params: IdParams, body: ReopenBodySchema,
    responses: { 200: AcceptanceResultSchema, ...errors(400, 401, 403, 404, 409) },
  }),
  generateProvinceReport: endpoint({
    method: 'POST', path: '/api/province-reports', tag: 'province', access: 'signedIn',
    summary: 'Generate the consolidated report of a plan and period (201 a new revision; 200 unchanged)',
    body: GenerateProvinceReportBodySchema,
    responses: { 201: GeneratedProvinceReportSchema, 200: GeneratedProvinceReportSchema, ...errors(400, 401, 403, 404, 409) },
  }),
  listProvinceReports: endpoint({
    method: 'GET', path: '/api/province-reports', tag: 'province', access: 'signedIn',
    summary: 'The consolidated reports, latest revision each',
    query: ProvinceReportListQuerySchema,
    responses: { 200: z.strictObject({ reports: z.array(ProvinceReportSummarySchema) }), ...errors(400, 401, 403) },
  }),
  getProvinceReport: endpoint({
    method: 'GET', path: '/api/province-reports/:id', tag: 'province', access: 'signedIn',
    summary: 'One consolidated report, its revisions and the latest content',
    params: IdParams,
    responses: { 200: ProvinceReportDetailSchema, ...errors(400, 401, 403, 404) },
  }),
  provinceReportDocx: endpoint({
    method: 'GET', path: '/api/province-reports/:id/report.docx', tag: 'files', access: 'signedIn',
    summary: 'The consolidated report as an official document; X-Content-Hash names the revision shown',
    params: IdParams, query: ReportDocxQuerySchema, file: [DOCX_TYPE],
    responses: { ...errors(400, 401, 403, 404) },
  }),
  provinceReportVerification: endpoint({
    method: 'GET', path: '/api/province-reports/:id/verification', tag: 'files', access: 'signedIn',
    summary: 'The verification code (and its QR PNG) of the consolidated report document the same options make, for a document written in Word',
    params: IdParams, query: ReportDocxQuerySchema,
    responses: { 200: ReportVerificationSchema, ...errors(400, 401, 403, 404) },
  }),
  approveProvinceReport: endpoint({
    method: 'POST', path: '/api/province-reports/:id/approve', tag: 'province', access: 'signedIn',
    summary: 'The head of Sở KH&CN approves the revision read (bound to its content hash)',
    params: IdParams, body: ProvinceApproveBodySchema,
    responses: { 200: ProvinceReportSummarySchema, ...errors(400, 401, 403, 404, 409) },
  }),
  returnProvinceReport: endpoint({
    method: 'POST', path: '/api/province-reports/:id/return', tag: 'province', access: 'signedIn',
    summary: 'The head of Sở KH&CN returns the consolidated report with a comment',
    params: IdParams, body: ProvinceReturnBodySchema,
    responses: { 200: ProvinceReportSummarySchema, ...errors(400, 401, 403, 404, 409) },
  }),
  feedIndicators: endpoint({
    method: 'GET', path: '/api/open/v1/indicators', tag: 'open', access: 'public', apiKey: true,
    summary: 'Province figures from approved reports (JSON, or CSV with format=csv); API key in X-API-Key; ETag, If-None-Match → 304',
    query: FeedQuerySchema, file: [CSV_TYPE], etag: true,
    responses: { 200: FeedSchema, ...errors(400, 401, 404) },
  }),
  feedDataValueSets: endpoint({
    method: 'GET', path: '/api/open/v1/dataValueSets', tag: 'open', access: 'public', apiKey: true,
    summary: 'The units’ values as a DHIS2 dataValueSet; API key in X-API-Key; ETag, If-None-Match → 304',
    query: DataValueSetQuerySchema, etag: true,
    responses: { 200: DataValueSetSchema, ...errors(400, 401, 404) },
  }),
  listApiKeys: endpoint({
    method: 'GET', path: '/api/api-keys', tag: 'admin', access: 'admin',
    summary: 'The API keys of the open feed (without the keys themselves)',
    responses: { 200: z.strictObject({ keys: z.array(ApiKeyInfoSchema) }), ...errors(401, 403) },
  }),
  issueApiKey: endpoint({
    method: 'POST', path: '/api/api-keys', tag: 'admin', access: 'admin',
    summary: 'Issue an API key; the key is answered once',
    body: IssueApiKeyBodySchema,
    responses: { 201: IssuedApiKeySchema, ...errors(400, 401, 403) },
  }),
  revokeApiKey: endpoint({
    method: 'POST', path: '/api/api-keys/:id/revoke', tag: 'admin', access: 'admin',
    summary: 'Revoke an API key',
    params: IdParams,
    responses: { 200: z.strictObject({ id: z.string(), revoked: z.literal(true) }), ...errors(400, 401, 403, 404) },
  }),
};
