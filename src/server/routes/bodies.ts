// What the submission routes accept: the core's shared request schema, and the two decisions.
import { z } from 'zod';
import { SubmissionRequestSchema } from '../../core/schemas';
import { xmlSafe } from '../../core/text';

export const SubmissionBody = SubmissionRequestSchema;

/** A comment goes into documents too: what XML cannot hold is removed first, as in every stored text. */
const comment = (min: number) => z.preprocess((v) => (typeof v === 'string' ? xmlSafe(v) : v), z.string().trim().min(min).max(2000));

/** Approval is bound to the content the approver read (docs/domain.md §5). */
export const ApproveBody = z.strictObject({
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  comment: comment(0).optional(),
});

/** A returned report says why. */
export const ReturnBody = z.strictObject({
  comment: comment(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

const kind = z.enum(['indicators', 'tasks']);

export const ListQuery = z.strictObject({
  planId: z.string().max(100).optional(),
  period: z.string().max(20).optional(),
  unitId: z.string().max(64).optional(),
  kind: kind.optional(),
});

export const ConsolidationQuery = z.strictObject({
  planId: z.string().min(1).max(100),
  period: z.string().regex(/^\d{4}-(Q[1-4]|H1|9M|Y)$/),
  kind,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
