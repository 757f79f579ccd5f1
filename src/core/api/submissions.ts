// Reports: submit (each a new revision, idempotent by the client's id), list, read with every
// revision and decision, and the head's decision (approve bound to the content hash, or return).
import { z } from 'zod';
import { IssueSchema, SubmissionRequestSchema, SubmissionResponseSchema } from '../schemas';
import { xmlSafe } from '../text';
import { endpoint } from './endpoint';
import { ContentHashSchema, errors, IdParams, KindSchema } from './common';

export const StatusSchema = z.enum(['submitted', 'approved', 'returned']);

/** A comment goes into documents too: what XML cannot hold is removed first, as in every stored text. */
const comment = (min: number) => z.preprocess((v) => (typeof v === 'string' ? xmlSafe(v) : v), z.string().trim().min(min).max(2000));

/** Approval is bound to the content the approver read. */
export const ApproveBodySchema = z.strictObject({ contentHash: ContentHashSchema, comment: comment(0).optional() });

/** A returned report says why. */
export const ReturnBodySchema = z.strictObject({ comment: comment(1), contentHash: ContentHashSchema.optional() });

export const SubmissionListQuerySchema = z.strictObject({
  planId: z.string().max(100).optional(),
  period: z.string().max(20).optional(),
  unitId: z.string().max(64).optional(),
  kind: KindSchema.optional(),
});

/** A submission with its latest revision. */
export const SubmissionSummarySchema = z.strictObject({
  id: z.string(),
  planId: z.string(),
  unitId: z.string(),
  period: z.string(),
  kind: KindSchema,
  status: StatusSchema,
  revision: z.number().int().min(1),
  contentHash: ContentHashSchema,
  late: z.boolean(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  updatedAt: z.string(),
});

export const RevisionSchema = z.strictObject({
  revision: z.number().int().min(1),
  clientSubmissionId: z.string(),
  contentHash: ContentHashSchema,
  /** The canonical rows as stored: { rows: [...] }. */
  content: z.looseObject({ rows: z.array(z.looseObject({ id: z.string() })) }),
  evaluations: z.array(z.looseObject({ id: z.string() })),
  late: z.boolean(),
  submittedBy: z.string(),
  submittedAt: z.string(),
});

export const DecisionSchema = z.strictObject({
  revision: z.number().int().min(1),
  action: z.enum(['approve', 'return', 'accept', 'reopen']),
  contentHash: ContentHashSchema,
  comment: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

/**
 * Present when a monitoring agency reads the report: the rows are only the tasks it monitors (the
 * content hash still names the whole revision), and decisions come without their comments.
 */
export const ExtractSchema = z.strictObject({
  monitorUnitIds: z.array(z.string()).min(1).describe('The monitoring agencies (unit ids) whose tasks the rows are'),
  taskIds: z.array(z.string()).min(1).describe('The task ids the caller may read in this report'),
});

export const SubmissionDetailSchema = SubmissionSummarySchema.extend({
  revisions: z.array(RevisionSchema),
  decisions: z.array(DecisionSchema),
  extract: ExtractSchema.optional(),
});

export const DecisionResponseSchema = z.strictObject({
  id: z.string(),
  status: StatusSchema,
  revision: z.number().int().min(1),
  contentHash: ContentHashSchema,
});

export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;
export type SubmissionDetailResponse = z.infer<typeof SubmissionDetailSchema>;
export type DecisionResponse = z.infer<typeof DecisionResponseSchema>;
export type SubmissionListQuery = z.infer<typeof SubmissionListQuerySchema>;

export const submissionEndpoints = {
  submit: endpoint({
    method: 'POST', path: '/api/submissions', tag: 'submissions', access: 'signedIn',
    summary: 'Submit a report (a new revision); 201 stored, 200 the same body again for a retry of the same clientSubmissionId',
    body: SubmissionRequestSchema,
    responses: {
      201: SubmissionResponseSchema,
      200: SubmissionResponseSchema,
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 423),
    },
  }),
  listSubmissions: endpoint({
    method: 'GET', path: '/api/submissions', tag: 'submissions', access: 'signedIn',
    summary: 'Submissions the caller may see, with their latest revision',
    query: SubmissionListQuerySchema,
    responses: { 200: z.strictObject({ submissions: z.array(SubmissionSummarySchema) }), ...errors(400, 401, 403) },
  }),
  getSubmission: endpoint({
    method: 'GET', path: '/api/submissions/:id', tag: 'submissions', access: 'signedIn',
    summary: 'A submission with all its revisions and decisions',
    params: IdParams, responses: { 200: SubmissionDetailSchema, ...errors(400, 401, 403, 404) },
  }),
  approve: endpoint({
    method: 'POST', path: '/api/submissions/:id/approve', tag: 'submissions', access: 'signedIn',
    summary: 'Approve the latest revision (bound to its content hash; 409 when it is no longer the latest)',
    params: IdParams, body: ApproveBodySchema, responses: { 200: DecisionResponseSchema, ...errors(400, 401, 403, 404, 409) },
  }),
  returnSubmission: endpoint({
    method: 'POST', path: '/api/submissions/:id/return', tag: 'submissions', access: 'signedIn',
    summary: 'Return the latest revision to the unit with a comment',
    params: IdParams, body: ReturnBodySchema, responses: { 200: DecisionResponseSchema, ...errors(400, 401, 403, 404, 409) },
  }),
};

export { IssueSchema };
