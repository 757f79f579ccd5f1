// The head's sign-off flow in Word, without React: list what waits, write the report of one
// revision, approve exactly the revision the document shows (its content hash), or return it.
// The view calls these; the end-to-end test drives them against the real server and the fake Word.
import type { PlanResponse, SubmissionSummary } from '../../core/api';
import { buildReportModel, reportSubmissionFrom, type ReportBinding } from '../../core/report';
import { vietnamDate } from '../../core/periods';
import { ApiError, type ApiClient } from '../../client/api';
import { approve, getSubmission, listSubmissions, plan as fetchPlan, reportVerification, returnSubmission } from '../../client/endpoints';
import type { WordReportHost } from '../../office/word';
import { strings } from '../../text/strings';

export interface WordFlowDeps {
  readonly api: ApiClient;
  readonly word: WordReportHost;
  readonly now?: () => Date;
}

/** A submission waiting for sign-off, as GET /api/submissions lists it. */
export type PendingSubmission = SubmissionSummary;

/** Submissions waiting for sign-off, grouped by period (newest period first). */
export async function pendingByPeriod(api: ApiClient): Promise<[period: string, items: PendingSubmission[]][]> {
  const { submissions } = await listSubmissions(api);
  const groups = new Map<string, PendingSubmission[]>();
  for (const s of submissions) if (s.status === 'submitted') groups.set(s.period, [...(groups.get(s.period) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
}

type Plan = PlanResponse;
const plans = new WeakMap<ApiClient, Map<string, Promise<Plan>>>();

/** The catalogue and unit directory of a plan, fetched once per client. */
function plan(api: ApiClient, planId: string): Promise<Plan> {
  const cache = plans.get(api) ?? new Map<string, Promise<Plan>>();
  plans.set(api, cache);
  if (!cache.has(planId)) cache.set(planId, fetchPlan(api, planId));
  return cache.get(planId)!;
}

/**
 * Writes the report of a submission (its latest revision unless `revision` is given) into the
 * document, with the verification code the server issues for the document these same options make
 * (so /verify/{code} vouches for it), and returns what the document is now bound to.
 */
export async function generateReport(deps: WordFlowDeps, submissionId: string, revision?: number): Promise<ReportBinding> {
  const detail = await getSubmission(deps.api, submissionId);
  const { catalogue, units } = await plan(deps.api, detail.planId);
  const unit = units.find((u) => u.id === detail.unitId);
  const source = reportSubmissionFrom(detail, revision);
  if (!unit || !source) throw new Error(strings.word.missingData(submissionId));
  const options = { date: vietnamDate((deps.now ?? (() => new Date()))()) };
  const verification = await reportVerification(deps.api, submissionId, { revision: source.revision, ...options });
  const model = { ...buildReportModel(catalogue, source, unit, options), verification };
  await deps.word.writeReport(model);
  return model.binding;
}

export type DecisionOutcome =
  | { readonly kind: 'approved' | 'returned'; readonly submissionId: string; readonly revision: number; readonly contentHash: string }
  /** The document shows an older revision: nothing was decided; offer to regenerate with `latestRevision`. */
  | { readonly kind: 'changed'; readonly submissionId: string; readonly shownRevision: number; readonly latestRevision: number; readonly message: string }
  /** Someone decided already, or the submission is no longer pending. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'noReport' }
  | { readonly kind: 'commentRequired' };

const CHANGED = strings.word.changed;

/** A 409 means either a newer revision (the hash no longer matches) or a decision already taken. */
async function explain409(deps: WordFlowDeps, shown: { submissionId: string; revision: number; contentHash: string }, error: ApiError): Promise<DecisionOutcome> {
  const latest = await getSubmission(deps.api, shown.submissionId);
  if (latest.status === 'submitted' && latest.contentHash !== shown.contentHash) {
    return { kind: 'changed', submissionId: shown.submissionId, shownRevision: shown.revision, latestRevision: latest.revision, message: CHANGED(shown.revision, latest.revision) };
  }
  return { kind: 'refused', message: error.message };
}

/**
 * Approves exactly the revision the document shows and records the sign-off in the document.
 * @example const outcome = await approveShownReport(deps, 'Nguyễn Văn A'); if (outcome.kind === 'changed') offer(outcome.latestRevision);
 */
export async function approveShownReport(deps: WordFlowDeps, approver: string): Promise<DecisionOutcome> {
  const shown = await deps.word.readReportBinding();
  if (!shown) return { kind: 'noReport' };
  try {
    const r = await approve(deps.api, shown.submissionId, { contentHash: shown.contentHash });
    // The server's time of the decision, not the taskpane's clock, goes into the document.
    const { decisions } = await getSubmission(deps.api, shown.submissionId);
    const decided = decisions.filter((d) => d.action === 'approve' && d.revision === r.revision).at(-1);
    await deps.word.recordApproval({ approver, at: decided?.decidedAt ?? (deps.now ?? (() => new Date()))().toISOString(), contentHash: r.contentHash });
    return { kind: 'approved', submissionId: shown.submissionId, revision: r.revision, contentHash: r.contentHash };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return explain409(deps, shown, error);
    throw error;
  }
}

/** Returns the revision the document shows to the unit, with the head's comment (required). */
export async function returnShownReport(deps: WordFlowDeps, comment: string): Promise<DecisionOutcome> {
  if (comment.trim() === '') return { kind: 'commentRequired' };
  const shown = await deps.word.readReportBinding();
  if (!shown) return { kind: 'noReport' };
  try {
    const r = await returnSubmission(deps.api, shown.submissionId, { comment: comment.trim(), contentHash: shown.contentHash });
    return { kind: 'returned', submissionId: shown.submissionId, revision: r.revision, contentHash: r.contentHash };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return explain409(deps, shown, error);
    throw error;
  }
}
