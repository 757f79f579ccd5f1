// Storing one submission, shared by POST /api/submissions (the add-in) and POST /api/imports (an
// uploaded .xlsx), so both follow the same rules: validation against the unit's assignment, the
// content hash, lateness, and the repository's idempotency (same client id + same content = replay,
// other content = conflict) and lock (an approved period takes no new revision). Authorization stays
// with each route.
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../core/catalogue-types';
import type { DeadlineConfig } from '../core/periods';
import type { Issue } from '../core/result';
import type { SubmissionRequest, SubmissionResponse } from '../core/schemas';
import { isLate } from '../core/periods';
import { canonicalContent, rowEvaluations, validateSubmission } from '../core/validate-submission';
import { cellsOf } from './report-rows';
import { unitAssignment } from './effective-assignments';
import { conflict, locked, notFound, type HttpError } from './errors';
import { rememberedRead } from './db/read-cache';
import { sha256Hex } from './hash';
import { createRevision, listSubmissions, submissionAnswer, type NewRevision } from './repositories/submissions';
import { getUnit } from './repositories/units';
import type { SubmissionOutcome } from './metrics';

export type StoreOutcome =
  | { readonly kind: 'created' | 'replayed'; readonly response: SubmissionResponse }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] }
  | { readonly kind: 'conflict' | 'locked' }
  | { readonly kind: 'noPlan' | 'noUnit' };

/** The outcomes that refuse a submission the same way whichever route received it. */
export type Refusal = Extract<StoreOutcome, { readonly kind: 'conflict' | 'locked' | 'noPlan' | 'noUnit' }>;

const LOCKED = 'Báo cáo kỳ này của đơn vị đã được phê duyệt nên bị khoá; không thể nộp bản mới.';
const REUSED = 'Mã báo cáo (clientSubmissionId) này đã được dùng cho một nội dung khác.';

/** The HTTP error (409, 423, 404) for a refused submission, with its Vietnamese reason. */
export function refusalError(outcome: Refusal): HttpError {
  switch (outcome.kind) {
    case 'conflict':
      return conflict(REUSED);
    case 'locked':
      return locked(LOCKED);
    case 'noPlan':
      return notFound('Không tìm thấy kế hoạch.');
    case 'noUnit':
      return notFound('Không tìm thấy đơn vị.');
  }
}

/**
 * The revision a checked report becomes, before it is stored: the canonical rows once – hashed (the
 * content hash an approval binds, hash.ts), stored, and compacted – lateness, each row's evaluation,
 * and the warnings it is taken with. Invalid reports give their issues. (bench:store times this part alone.)
 */
export function revisionOf(
  catalogue: Catalogue, body: SubmissionRequest, assigned: ReadonlySet<string>,
  context: { readonly userId: string; readonly now: Date; readonly deadline?: DeadlineConfig },
): { readonly ok: false; readonly issues: readonly Issue[] } | { readonly ok: true; readonly revision: NewRevision } {
  const checked = validateSubmission(catalogue, body, { assignedIds: assigned });
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const submission = checked.value;
  const content = canonicalContent(submission);
  const rows = JSON.stringify(content); // = canonicalRows(submission)
  const hash = sha256Hex(rows);
  const late = isLate(submission.period, context.now, context.deadline);
  const evaluations = rowEvaluations(submission, catalogue);
  return {
    ok: true,
    revision: {
      clientSubmissionId: body.clientSubmissionId,
      planId: body.planId,
      unitId: body.unitId,
      period: submission.period.id,
      kind: body.kind,
      contentHash: hash,
      rows,
      cells: content.kind === 'indicators' ? cellsOf(content.rows) : null,
      evaluations,
      warnings: checked.warnings,
      late,
      userId: context.userId,
      now: context.now.toISOString(),
    },
  };
}

/** Validates and stores (unless `dryRun`: then only validates, and reports what would be stored as 'created'). */
export async function storeSubmission(
  app: FastifyInstance, body: SubmissionRequest, userId: string, options: { readonly dryRun?: boolean } = {},
): Promise<StoreOutcome> {
  const outcome = await checkAndStore(app, body, userId, options);
  // Counted for the operator's monitoring (metrics.ts); a dry run stores nothing and is not a report received.
  if (!options.dryRun) app.metrics.submission(body.kind, COUNTED_AS[outcome.kind]);
  return outcome;
}

const COUNTED_AS: Readonly<Record<StoreOutcome['kind'], SubmissionOutcome>> = {
  created: 'created', replayed: 'replayed', invalid: 'invalid', conflict: 'conflict', locked: 'locked', noPlan: 'not_found', noUnit: 'not_found',
};

async function checkAndStore(
  app: FastifyInstance, body: SubmissionRequest, userId: string, options: { readonly dryRun?: boolean },
): Promise<StoreOutcome> {
  const catalogue = app.catalogues.get(body.planId);
  if (!catalogue) return { kind: 'noPlan' };
  // Remembered until the units change (db/read-cache.ts): deactivating a unit counts at the next report.
  const unit = await rememberedRead(app.db.kysely, `unit:${body.unitId}`, () => getUnit(app.db.kysely, body.unitId));
  if (!unit) return { kind: 'noUnit' };

  const assigned = (await unitAssignment(app.db.kysely, catalogue, unit))[body.kind];
  const prepared = revisionOf(catalogue, body, assigned, { userId, now: app.clock(), deadline: app.config.deadline });
  if (!prepared.ok) return { kind: 'invalid', issues: prepared.issues };
  if (options.dryRun) {
    // What storing would answer, read without writing: an approved period is locked, otherwise the
    // next revision (a retry of a stored id would get that revision's answer).
    const [current] = await listSubmissions(app.db.kysely, { planId: body.planId, unitId: body.unitId, period: prepared.revision.period, kind: body.kind, units: 'all' });
    if (current?.status === 'approved') return { kind: 'locked' };
    const { contentHash, late, evaluations, warnings } = prepared.revision;
    return { kind: 'created', response: submissionAnswer({ submissionId: '', revision: (current?.revision ?? 0) + 1, contentHash, late, evaluations, warnings }) };
  }

  const outcome = await createRevision(app.db.kysely, prepared.revision);
  switch (outcome.kind) {
    case 'created':
    case 'replayed':
      return { kind: outcome.kind, response: outcome.response };
    default:
      return { kind: outcome.kind };
  }
}
