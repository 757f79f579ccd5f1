// Submissions and their revisions (docs/domain.md §5, after ODK Central): one submission per unit, period
// and kind; each report is a new revision, nothing is overwritten. The client's id makes a retry
// idempotent: the unique constraint on revisions.client_submission_id and a row lock on the
// submission (an UPDATE … RETURNING, which locks on PostgreSQL and serialises on SQLite) keep it so
// under concurrency, on both databases, without knowing which one runs.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Issue } from '../../core/result';
import type { SubmissionResponse } from '../../core/schemas';
import { isUniqueViolation } from '../db/connect';
import { writeTransaction } from '../db/group-commit';
import { preparedQuery } from '../db/prepared';
import type { Database, RevisionTable, SubmissionTable } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from './audit';

export type Kind = 'indicators' | 'tasks';
export type Status = 'submitted' | 'approved' | 'returned';

export interface NewRevision {
  readonly clientSubmissionId: string;
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: Kind;
  readonly contentHash: string;
  /** The canonical rows (JSON text), as hashed. */
  readonly rows: string;
  /** Indicator reports: the same rows in the consolidation's compact form (report-rows.ts cellsOfRows); null for tasks. */
  readonly cells: string | null;
  readonly evaluations: SubmissionResponse['evaluations'];
  /** What did not block the report (blank rows…): part of the answer, stored with the revision. */
  readonly warnings: readonly Issue[];
  readonly late: boolean;
  readonly userId: string;
  readonly now: string;
}

/**
 * The answer to a stored revision, the same when it is created and whenever a retry asks again:
 * built from what the revision stores (its evaluations and warnings, hash and lateness), so the
 * answer is not stored a second time beside them (docs/performance.md, fifth pass). The status is
 * the one the report had when it was sent.
 */
export function submissionAnswer(a: {
  readonly submissionId: string; readonly revision: number; readonly contentHash: string; readonly late: boolean;
  readonly evaluations: SubmissionResponse['evaluations']; readonly warnings: readonly Issue[] | null;
}): SubmissionResponse {
  return {
    id: a.submissionId, revision: a.revision, status: 'submitted', contentHash: a.contentHash, late: a.late, evaluations: a.evaluations,
    ...(a.warnings && a.warnings.length > 0 ? { warnings: [...a.warnings] } : {}),
  };
}

/** The columns a stored revision's answer is built from. */
const ANSWER_COLUMNS = ['submission_id', 'revision', 'content_hash', 'late', 'evaluations', 'warnings'] as const;
type AnswerRow = Pick<Selectable<RevisionTable>, (typeof ANSWER_COLUMNS)[number]>;

const answerOfRow = (row: AnswerRow): SubmissionResponse =>
  submissionAnswer({
    submissionId: row.submission_id, revision: row.revision, contentHash: row.content_hash, late: row.late === 1,
    evaluations: JSON.parse(row.evaluations) as SubmissionResponse['evaluations'],
    warnings: row.warnings === null ? null : (JSON.parse(row.warnings) as Issue[]),
  });

export type CreateOutcome =
  | { readonly kind: 'created'; readonly response: SubmissionResponse }
  | { readonly kind: 'replayed'; readonly response: SubmissionResponse }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'locked' };

/** Thrown inside a transaction to roll it back and answer with the outcome. */
class Abort<T> {
  constructor(readonly outcome: T) {}
}

/** A stored revision's answer, read when a retry is answered with it. */
const storedAnswer = preparedQuery<{ id: string }, AnswerRow>((db, param) =>
  db.selectFrom('revisions').select(ANSWER_COLUMNS).where('id', '=', param('id')));

async function answerOf(db: Kysely<Database>, revisionId: string): Promise<SubmissionResponse> {
  const row = await storedAnswer.executeTakeFirst(db, { id: revisionId });
  if (!row) throw new Error('answerOf: the revision just read is gone');
  return answerOfRow(row);
}

/** A revision already stored under the client's id: the same content is a retry, other content a reuse. */
const sameIdOutcome = async (db: Kysely<Database>, found: { id: string; content_hash: string }, input: NewRevision): Promise<CreateOutcome> =>
  found.content_hash === input.contentHash ? { kind: 'replayed', response: await answerOf(db, found.id) } : { kind: 'conflict' };

async function existing(db: Kysely<Database>, input: NewRevision): Promise<CreateOutcome | null> {
  const found = await db
    .selectFrom('revisions')
    .select(['id', 'content_hash'])
    .where('client_submission_id', '=', input.clientSubmissionId)
    .executeTakeFirst();
  return found ? sameIdOutcome(db, found, input) : null;
}

/**
 * The unit's submission for the period, created if it is the first report, and locked for the
 * transaction: an upsert whose conflict branch rewrites updated_at unchanged, so it always returns
 * the row (one statement; it takes the row lock on PostgreSQL and the write lock on SQLite).
 */
type ClaimValues = { id: string; planId: string; unitId: string; period: string; kind: Kind; now: string };
const claim = preparedQuery<ClaimValues, Selectable<SubmissionTable>>((db, param) =>
  db.insertInto('submissions')
    .values({
      id: param('id'), plan_id: param('planId'), unit_id: param('unitId'), period: param('period'), kind: param('kind'),
      status: 'submitted', latest_revision: 0, created_at: param('now'), updated_at: param('now'),
    })
    .onConflict((oc) => oc.columns(['plan_id', 'unit_id', 'period', 'kind']).doUpdateSet((eb) => ({ updated_at: eb.ref('submissions.updated_at') })))
    .returningAll());

async function claimSubmission(tx: Transaction<Database>, input: NewRevision) {
  const row = await claim.executeTakeFirst(tx, { id: newId(), planId: input.planId, unitId: input.unitId, period: input.period, kind: input.kind, now: input.now });
  if (!row) throw new Error('claimSubmission: the upsert returned no row');
  return row;
}

// The other statements of a submission's transaction, prepared once (db/prepared.ts): they run at
// every submission, and building and compiling them was a large share of its time.
// The read runs at every submission; a stored answer is read only when it is the answer (answerOf).
const retryOrLatest = preparedQuery<{ clientSubmissionId: string; submissionId: string; revision: number }, { id: string; client_submission_id: string; content_hash: string }>((db, param) =>
  db.selectFrom('revisions')
    .select(['id', 'client_submission_id', 'content_hash'])
    .where((eb) =>
      eb.or([
        eb('client_submission_id', '=', param('clientSubmissionId')),
        eb.and([eb('submission_id', '=', param('submissionId')), eb('revision', '=', param('revision'))]),
      ]),
    ));

type RevisionValues = {
  id: string; submissionId: string; revision: number; clientSubmissionId: string; contentHash: string; rows: string;
  evaluations: string; warnings: string | null; late: number; submittedBy: string; submittedAt: string;
};
const insertRevision = preparedQuery<RevisionValues, never>((db, param) =>
  db.insertInto('revisions').values({
    id: param('id'), submission_id: param('submissionId'), revision: param('revision'), client_submission_id: param('clientSubmissionId'),
    content_hash: param('contentHash'), rows: param('rows'), evaluations: param('evaluations'), warnings: param('warnings'),
    late: param('late'), submitted_by: param('submittedBy'), submitted_at: param('submittedAt'),
  }));

const insertCells = preparedQuery<{ revisionId: string; cells: string }, never>((db, param) =>
  db.insertInto('revision_cells').values({ revision_id: param('revisionId'), cells: param('cells') }));

const markSubmitted = preparedQuery<{ id: string; revision: number; now: string }, never>((db, param) =>
  db.updateTable('submissions').set({ status: 'submitted', latest_revision: param('revision'), updated_at: param('now') }).where('id', '=', param('id')));

/**
 * Stores a report as the next revision of its unit's submission for the period, in one transaction
 * with its audit record. Nothing is stored unless the outcome is 'created'. The reads that decide
 * the outcome happen under the submission's lock: a retry of this client id (replayed, or conflict
 * when the id came with other content), an approved period (locked), and the same content as the
 * revision awaiting approval (replayed). On SQLite the transaction is committed together with the
 * other submissions waiting at the same moment, each in its own savepoint (db/group-commit.ts).
 */
export async function createRevision(db: Kysely<Database>, input: NewRevision): Promise<CreateOutcome> {
  try {
    return await writeTransaction(db, async (tx) => {
      const submission = await claimSubmission(tx, input);
      // One read for both: the revision stored under this client id, if any, and the latest revision.
      const found = await retryOrLatest.execute(tx, { clientSubmissionId: input.clientSubmissionId, submissionId: submission.id, revision: submission.latest_revision });
      const retried = found.find((r) => r.client_submission_id === input.clientSubmissionId);
      if (retried) throw new Abort(await sameIdOutcome(tx, retried, input));
      if (submission.status === 'approved') throw new Abort<CreateOutcome>({ kind: 'locked' });
      // The same report sent again under a new id (two copies of the workbook, send pressed twice):
      // while the latest revision waits for its approver, identical content is that revision, not a
      // second identical one. After a return, sending it again is a resubmission and counts.
      const latest = found.find((r) => r.client_submission_id !== input.clientSubmissionId);
      if (submission.status === 'submitted' && latest?.content_hash === input.contentHash) {
        throw new Abort<CreateOutcome>({ kind: 'replayed', response: await answerOf(tx, latest.id) });
      }

      const revision = submission.latest_revision + 1;
      const revisionId = newId();
      await insertRevision.execute(tx, {
        id: revisionId, submissionId: submission.id, revision, clientSubmissionId: input.clientSubmissionId,
        contentHash: input.contentHash, rows: input.rows, evaluations: JSON.stringify(input.evaluations),
        warnings: input.warnings.length > 0 ? JSON.stringify(input.warnings) : null,
        late: input.late ? 1 : 0, submittedBy: input.userId, submittedAt: input.now,
      });
      const response = submissionAnswer({ submissionId: submission.id, revision, contentHash: input.contentHash, late: input.late, evaluations: input.evaluations, warnings: input.warnings });
      if (input.cells !== null) await insertCells.execute(tx, { revisionId, cells: input.cells });
      await markSubmitted.execute(tx, { id: submission.id, revision, now: input.now });
      await recordAudit(tx, {
        at: input.now, userId: input.userId, action: revision === 1 ? 'submission.create' : 'submission.revise',
        entity: 'submission', entityId: submission.id, unitId: input.unitId,
        before: revision === 1 ? null : { status: submission.status, revision: submission.latest_revision },
        after: { status: 'submitted', revision, contentHash: input.contentHash, clientSubmissionId: input.clientSubmissionId, late: input.late },
      });
      return { kind: 'created', response } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.outcome as CreateOutcome;
    // The same client id raced in through another unit's submission: the first one won.
    if (isUniqueViolation(error)) {
      const after = await existing(db, input);
      if (after) return after;
    }
    throw error;
  }
}

export type DecideOutcome =
  | { readonly kind: 'decided'; readonly status: Status; readonly revision: number; readonly contentHash: string }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'notPending'; readonly status: Status }
  | { readonly kind: 'staleHash'; readonly latestHash: string };

export interface Decision {
  readonly submissionId: string;
  readonly action: 'approve' | 'return';
  /** Required to approve: the hash of the revision the approver read. */
  readonly contentHash?: string;
  readonly comment: string | null;
  readonly userId: string;
  readonly now: string;
}

/** Approves or returns the latest revision (status submitted → approved | returned), with its audit record. */
export async function decide(db: Kysely<Database>, d: Decision): Promise<DecideOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      const submission = await tx
        .updateTable('submissions')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('id', '=', d.submissionId)
        .returningAll()
        .executeTakeFirst();
      if (!submission) return { kind: 'notFound' } as const;
      if (submission.status !== 'submitted') throw new Abort<DecideOutcome>({ kind: 'notPending', status: submission.status as Status });
      const latest = await tx
        .selectFrom('revisions')
        .select(['content_hash'])
        .where('submission_id', '=', submission.id)
        .where('revision', '=', submission.latest_revision)
        .executeTakeFirstOrThrow();
      if (d.contentHash !== undefined && d.contentHash !== latest.content_hash) {
        throw new Abort<DecideOutcome>({ kind: 'staleHash', latestHash: latest.content_hash });
      }
      const status: Status = d.action === 'approve' ? 'approved' : 'returned';
      await tx
        .insertInto('decisions')
        .values({
          id: newId(), submission_id: submission.id, revision: submission.latest_revision, action: d.action,
          content_hash: latest.content_hash, comment: d.comment, decided_by: d.userId, decided_at: d.now,
        })
        .execute();
      await tx.updateTable('submissions').set({ status, updated_at: d.now }).where('id', '=', submission.id).execute();
      await recordAudit(tx, {
        at: d.now, userId: d.userId, action: `submission.${d.action}`, entity: 'submission', entityId: submission.id, unitId: submission.unit_id,
        before: { status: submission.status, revision: submission.latest_revision },
        after: { status, revision: submission.latest_revision, contentHash: latest.content_hash, comment: d.comment },
      });
      return { kind: 'decided', status, revision: submission.latest_revision, contentHash: latest.content_hash } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.outcome as DecideOutcome;
    throw error;
  }
}

export interface SubmissionSummary {
  readonly id: string;
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: Kind;
  readonly status: Status;
  readonly revision: number;
  readonly contentHash: string;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly submittedBy: string;
  readonly updatedAt: string;
}

export interface ListFilter {
  readonly planId?: string;
  readonly period?: string;
  readonly unitId?: string;
  readonly kind?: Kind;
  /** Units whose submissions of any kind the caller sees ('all' = no restriction). */
  readonly units: 'all' | readonly string[];
  /** Units whose task submissions the caller also sees (as a monitoring agency). */
  readonly taskUnits?: readonly string[];
}

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('revisions as r', (j) => j.onRef('r.submission_id', '=', 's.id').onRef('r.revision', '=', 's.latest_revision'))
    .select([
      's.id', 's.plan_id', 's.unit_id', 's.period', 's.kind', 's.status', 's.latest_revision', 's.updated_at',
      'r.content_hash', 'r.late', 'r.submitted_at', 'r.submitted_by',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

const toSummary = (r: SummaryRow): SubmissionSummary => ({
  id: r.id, planId: r.plan_id, unitId: r.unit_id, period: r.period, kind: r.kind as Kind, status: r.status as Status,
  revision: r.latest_revision, contentHash: r.content_hash, late: r.late === 1, submittedAt: r.submitted_at,
  submittedBy: r.submitted_by, updatedAt: r.updated_at,
});

/** Submissions (with their latest revision) matching the filter and visible to the caller. */
export async function listSubmissions(db: Kysely<Database>, f: ListFilter): Promise<SubmissionSummary[]> {
  let q = summaryQuery(db);
  if (f.planId !== undefined) q = q.where('s.plan_id', '=', f.planId);
  if (f.period !== undefined) q = q.where('s.period', '=', f.period);
  if (f.unitId !== undefined) q = q.where('s.unit_id', '=', f.unitId);
  if (f.kind !== undefined) q = q.where('s.kind', '=', f.kind);
  if (f.units !== 'all') {
    const own = [...f.units];
    const tasks = [...(f.taskUnits ?? [])];
    if (own.length === 0 && tasks.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        ...(own.length > 0 ? [eb('s.unit_id', 'in', own)] : []),
        ...(tasks.length > 0 ? [eb.and([eb('s.kind', '=', 'tasks'), eb('s.unit_id', 'in', tasks)])] : []),
      ]),
    );
  }
  const rows = await q.orderBy('s.period').orderBy('s.unit_id').orderBy('s.kind').execute();
  return rows.map(toSummary);
}

/** The latest revision's canonical rows of every submission of a plan, period and kind (consolidation). */
export async function latestRows(db: Kysely<Database>, planId: string, period: string, kind: Kind) {
  return (await latestRowsText(db, planId, period, kind)).map(({ contentText, ...r }) => ({ ...r, content: JSON.parse(contentText) as { rows: unknown[] } }));
}

/**
 * As latestRows, each content left as its stored JSON text: the .xlsx export parses it in its worker
 * thread (src/server/workers), so thousands of reports are not parsed – then copied – on the event loop.
 */
export async function latestRowsText(db: Kysely<Database>, planId: string, period: string, kind: Kind) {
  const rows = await summaryQuery(db)
    .select('r.rows')
    .where('s.plan_id', '=', planId)
    .where('s.period', '=', period)
    .where('s.kind', '=', kind)
    .execute();
  return rows.map((r) => ({ ...toSummary(r), contentText: r.rows }));
}

/** The latest revision of one unit's submission, without its rows (consolidation; report-rows.ts reads those once per revision). */
export interface RevisionHead {
  readonly unitId: string;
  readonly status: Status;
  readonly revision: number;
  readonly late: boolean;
  readonly submittedAt: string;
  readonly provinceState: 'accepted' | 'reopened' | null;
  /** The revision row's id: a revision is never changed once stored. */
  readonly revisionId: string;
}

/** The latest revision of every submission of a plan, period and kind, with the province's mark, in one query. */
export async function latestRevisionHeads(db: Kysely<Database>, planId: string, period: string, kind: Kind): Promise<RevisionHead[]> {
  const rows = await db
    .selectFrom('submissions as s')
    // `+r.revision` (the number itself, on PostgreSQL too) keeps SQLite, which has no statistics, off
    // the unique (submission_id, revision) index: from it SQLite would read late and submitted_at in
    // the revision's row, past its ~6 kB of text (overflow pages); revisions_heads (migration 009) has both.
    .innerJoin('revisions as r', (j) => j.onRef('r.submission_id', '=', 's.id').on(sql<number>`+r.revision`, '=', sql.ref<number>('s.latest_revision')))
    .select(['s.unit_id', 's.status', 's.latest_revision', 's.province_state', 'r.late', 'r.submitted_at', 'r.id'])
    .where('s.plan_id', '=', planId)
    .where('s.period', '=', period)
    .where('s.kind', '=', kind)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id, status: r.status as Status, revision: r.latest_revision, late: r.late === 1, submittedAt: r.submitted_at,
    provinceState: r.province_state as RevisionHead['provinceState'], revisionId: r.id,
  }));
}

/** Ids per query: well under SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 500;

/**
 * The indicator rows of the given revisions, by revision id: their compact form (revision_cells,
 * migration 009), or the rows themselves for a revision stored without it (report-rows.ts tells
 * them apart: an array, or an object).
 */
export async function revisionCellsText(db: Kysely<Database>, revisionIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < revisionIds.length; i += IDS_PER_QUERY) {
    const ids = revisionIds.slice(i, i + IDS_PER_QUERY);
    const rows = await db.selectFrom('revision_cells').select(['revision_id', 'cells']).where('revision_id', 'in', ids).execute();
    for (const r of rows) out.set(r.revision_id, r.cells);
  }
  const without = revisionIds.filter((id) => !out.has(id));
  for (let i = 0; i < without.length; i += IDS_PER_QUERY) {
    const rows = await db.selectFrom('revisions').select(['id', 'rows']).where('id', 'in', without.slice(i, i + IDS_PER_QUERY)).execute();
    for (const r of rows) out.set(r.id, r.rows);
  }
  return out;
}

/** One submission with every revision (oldest first) and every decision. */
export async function getSubmission(db: Kysely<Database>, id: string) {
  const summary = await summaryQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!summary) return undefined;
  const revisions = await db.selectFrom('revisions').selectAll().where('submission_id', '=', id).orderBy('revision').execute();
  const decisions = await db.selectFrom('decisions').selectAll().where('submission_id', '=', id).orderBy('decided_at').orderBy('revision').execute();
  return {
    ...toSummary(summary),
    revisions: revisions.map((r) => ({
      revision: r.revision, clientSubmissionId: r.client_submission_id, contentHash: r.content_hash,
      content: JSON.parse(r.rows) as unknown, evaluations: JSON.parse(r.evaluations) as unknown, late: r.late === 1,
      submittedBy: r.submitted_by, submittedAt: r.submitted_at,
    })),
    decisions: decisions.map((d) => ({
      revision: d.revision, action: d.action, contentHash: d.content_hash, comment: d.comment, decidedBy: d.decided_by, decidedAt: d.decided_at,
    })),
  };
}

/** The unit of a submission, for the authorization check before a decision. */
export async function submissionUnit(db: Kysely<Database>, id: string): Promise<{ unitId: string; kind: Kind; planId: string } | undefined> {
  const row = await db.selectFrom('submissions').select(['unit_id', 'kind', 'plan_id']).where('id', '=', id).executeTakeFirst();
  return row ? { unitId: row.unit_id, kind: row.kind as Kind, planId: row.plan_id } : undefined;
}
