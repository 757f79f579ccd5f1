// Request and response shapes of the submission API, declared once and used by the taskpane (to
// build requests) and the server (which re-validates everything it receives). Source of truth:
// STYLE.md §6 ("one schema for client and server") and DOMAIN.md §5 (client-made ids, revisions,
// approval bound to a content hash). Objects are strict: an unknown field is refused, not ignored.
// Values stay raw (as the clerk typed them); validate-submission.ts reads them against the catalogue.

import { z } from 'zod';
import type { IssueCode, Result } from './result';
import { fail, ok } from './result';
import { makeIssue } from './messages';

const VI = z.locales.vi();

/** Limits: generous for the plan (51 indicators, 57 tasks) but small enough to refuse abuse. */
export const LIMITS = { rows: 500, id: 64, value: 100, note: 2000, text: 4000 } as const;

const rowId = z.string().trim().min(1).max(LIMITS.id);
const rawValue = z.union([z.string().max(LIMITS.value), z.number().finite()]).nullable();
const note = z.string().max(LIMITS.note).nullable();
const longText = z.string().max(LIMITS.text).nullable();

/** One indicator row: `value` for rate / Có-Không / status / applied, numerator + denominator for a count pair. */
export const IndicatorRowSchema = z.strictObject({
  id: rowId,
  value: rawValue.optional(),
  numerator: rawValue.optional(),
  denominator: rawValue.optional(),
  note: note.optional(),
});

/** One task row: the status word as typed, progress in percent (0–100, as typed or a number), the narrative cells. */
export const TaskRowSchema = z.strictObject({
  id: rowId,
  status: z.string().max(LIMITS.value),
  progress: z.union([z.number().finite().min(0).max(100), z.string().max(LIMITS.value)]).nullable().optional(),
  result: longText.optional(),
  obstacles: longText.optional(),
  proposal: longText.optional(),
  completedOn: z.iso.date().nullable().optional(),
});

const header = {
  /** Made by the client once per submission, so a retry is idempotent and a conflicting reuse is refused. */
  clientSubmissionId: z.uuid(),
  planId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  unitId: z.string().trim().min(1).max(LIMITS.id),
  period: z.string().regex(/^\d{4}-(Q[1-4]|H1|9M|Y)$/),
};

export const IndicatorSubmissionSchema = z.strictObject({
  ...header,
  kind: z.literal('indicators'),
  rows: z.array(IndicatorRowSchema).max(LIMITS.rows),
});

export const TaskSubmissionSchema = z.strictObject({
  ...header,
  kind: z.literal('tasks'),
  rows: z.array(TaskRowSchema).max(LIMITS.rows),
});

/** A submission of one unit for one period: indicator values or task progress. */
export const SubmissionRequestSchema = z.discriminatedUnion('kind', [IndicatorSubmissionSchema, TaskSubmissionSchema]);

export const EvaluationSchema = z.enum(['met', 'exceeded', 'notMet', 'noData']);

/** An issue as it travels: any code of the IssueCode union (the union lives in result.ts). */
export const IssueSchema = z.strictObject({
  rowId: z.string().optional(),
  field: z.string().optional(),
  code: z.custom<IssueCode>((v) => typeof v === 'string' && /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9]+$/.test(v)),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/** One indicator's evaluation for the unit, with its value as printed ("70,5%", "45/1.200", "Có"). */
export const RowEvaluationSchema = z.strictObject({
  id: z.string(),
  /** The value against the target as such; what a report prints is `assessment`. */
  evaluation: EvaluationSchema,
  display: z.string(),
  /** What the unit's report prints (docs/figures.md): "Đóng góp vào số liệu toàn tỉnh", "Đạt 50% mục tiêu năm", "Đạt" … */
  assessment: z.string().optional(),
});

export const SubmissionResponseSchema = z.strictObject({
  id: z.string(),
  revision: z.number().int().min(1),
  status: z.enum(['submitted', 'approved', 'returned']),
  /** sha256 (hex) of canonicalRows(...) – computed outside core. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  late: z.boolean(),
  evaluations: z.array(RowEvaluationSchema),
  /** Warnings that did not block the submission. */
  warnings: z.array(IssueSchema).optional(),
});

/** The body of a refused request (HTTP 400 / 422). */
export const IssuesResponseSchema = z.strictObject({ issues: z.array(IssueSchema) });

export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;
export type TaskRow = z.infer<typeof TaskRowSchema>;
export type IndicatorSubmission = z.infer<typeof IndicatorSubmissionSchema>;
export type TaskSubmission = z.infer<typeof TaskSubmissionSchema>;
export type SubmissionRequest = z.infer<typeof SubmissionRequestSchema>;
export type IssueShape = z.infer<typeof IssueSchema>;
export type RowEvaluation = z.infer<typeof RowEvaluationSchema>;
export type SubmissionResponse = z.infer<typeof SubmissionResponseSchema>;
export type IssuesResponse = z.infer<typeof IssuesResponseSchema>;

/**
 * Checks an untrusted body against a schema; zod's findings become request.invalid issues whose
 * `field` is the path ("rows.3.value") and whose detail is zod's Vietnamese message.
 * @example parseWith(SubmissionRequestSchema, JSON.parse(body)) // Result<SubmissionRequest>
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  // zod's Vietnamese locale, per call, so no global configuration is changed by importing core.
  const r = schema.safeParse(input, { error: VI.localeError });
  if (r.success) return ok(r.data as z.infer<S>);
  return fail(
    ...r.error.issues.map((i) =>
      makeIssue('request.invalid', 'error', {
        field: i.path.map(String).join('.') || undefined,
        detail: i.message,
      }),
    ),
  );
}
