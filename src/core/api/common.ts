// Pieces every part of the API contract shares: the error body, ids, the period code.
import { z } from 'zod';
import { IssueSchema } from '../schemas';

/** The body of every refusal (4xx) and failure (5xx): a code for programs, a Vietnamese message for people. */
export const ErrorBodySchema = z.strictObject({
  error: z.string(),
  /** A finer code some refusals carry ('auth.invalidCredentials', 'user.exists' …). */
  code: z.string().optional(),
  message: z.string(),
  issues: z.array(IssueSchema).optional(),
  /** For a 5xx: the id to quote to the operator, who finds it in the server log. */
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The error statuses an endpoint documents, each with the error body. */
export const errors = (...statuses: number[]): Record<number, typeof ErrorBodySchema> =>
  Object.fromEntries(statuses.map((s) => [s, ErrorBodySchema]));

export const PlanIdSchema = z.string().min(1).max(100);
export const UnitIdSchema = z.string().min(1).max(64);
export const PeriodSchema = z.string().regex(/^\d{4}-(Q[1-4]|H1|9M|Y)$/);
export const KindSchema = z.enum(['indicators', 'tasks']);
export const ContentHashSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const InstantSchema = z.string();

export const PlanParams = z.strictObject({ planId: PlanIdSchema });
export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
