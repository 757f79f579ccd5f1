// The province's acceptance of a unit's approved report (docs/province-report.md): the consolidator
// accepts it – bound to the content hash it read, as the head's approval is – or sends it back with
// a reason; an administrator may reopen an approved report too. Sending back reopens the report
// (status 'returned', so the unit can submit a correction), records a decision the unit reads in its
// taskpane, and marks the submission for the consolidation. Every change is audited in the same
// transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from './audit';
import type { Status } from './submissions';

export type ProvinceState = 'accepted' | 'reopened';

export type AcceptanceOutcome =
  | { readonly kind: 'done'; readonly status: Status; readonly provinceState: ProvinceState; readonly revision: number; readonly contentHash: string }
  | { readonly kind: 'notFound' }
  /** Only a report the unit's head approved can be accepted or sent back by the province. */
  | { readonly kind: 'notApproved'; readonly status: Status }
  | { readonly kind: 'alreadyAccepted' }
  | { readonly kind: 'staleHash'; readonly latestHash: string };

export interface AcceptanceAction {
  readonly submissionId: string;
  readonly action: 'accept' | 'reopen';
  /** Required to accept: the hash of the revision the consolidator read. */
  readonly contentHash?: string;
  /** Required to reopen: why, shown to the unit. */
  readonly reason?: string;
  /** 'consolidator' sends back; 'admin' reopens – kept in the audit trail. */
  readonly as: 'consolidator' | 'admin';
  readonly userId: string;
  readonly now: string;
}

class Abort {
  constructor(readonly outcome: AcceptanceOutcome) {}
}

/** Accepts or reopens the latest revision of an approved report, with its decision and audit record. */
export async function provinceDecide(db: Kysely<Database>, a: AcceptanceAction): Promise<AcceptanceOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      // The UPDATE locks the row on PostgreSQL and serialises on SQLite, as decide() does.
      const s = await tx
        .updateTable('submissions')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('id', '=', a.submissionId)
        .returningAll()
        .executeTakeFirst();
      if (!s) return { kind: 'notFound' } as const;
      if (s.status !== 'approved') throw new Abort({ kind: 'notApproved', status: s.status as Status });
      if (a.action === 'accept' && s.province_state === 'accepted') throw new Abort({ kind: 'alreadyAccepted' });
      const latest = await tx
        .selectFrom('revisions')
        .select(['content_hash'])
        .where('submission_id', '=', s.id)
        .where('revision', '=', s.latest_revision)
        .executeTakeFirstOrThrow();
      if (a.contentHash !== undefined && a.contentHash !== latest.content_hash) {
        throw new Abort({ kind: 'staleHash', latestHash: latest.content_hash });
      }
      const reopen = a.action === 'reopen';
      const status: Status = reopen ? 'returned' : 'approved';
      const provinceState: ProvinceState = reopen ? 'reopened' : 'accepted';
      const comment = reopen ? (a.reason ?? '').trim() : null;
      await tx
        .insertInto('decisions')
        .values({
          id: newId(), submission_id: s.id, revision: s.latest_revision, action: a.action,
          content_hash: latest.content_hash, comment, decided_by: a.userId, decided_at: a.now,
        })
        .execute();
      await tx
        .updateTable('submissions')
        .set({ status, province_state: provinceState, province_comment: comment, updated_at: a.now })
        .where('id', '=', s.id)
        .execute();
      await recordAudit(tx, {
        at: a.now, userId: a.userId, action: `submission.${a.action}`, entity: 'submission', entityId: s.id,
        before: { status: s.status, provinceState: s.province_state, revision: s.latest_revision },
        after: { status, provinceState, revision: s.latest_revision, contentHash: latest.content_hash, reason: comment, as: a.as },
      });
      return { kind: 'done', status, provinceState, revision: s.latest_revision, contentHash: latest.content_hash } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.outcome;
    throw error;
  }
}

export interface ProvinceMark {
  readonly provinceState: ProvinceState | null;
  readonly provinceComment: string | null;
}

/** The province's marks of a plan's submissions for a period and kind, by unit id (consolidation). */
export async function provinceMarks(db: Kysely<Database>, planId: string, period: string, kind: string): Promise<Map<string, ProvinceMark>> {
  const rows = await db
    .selectFrom('submissions')
    .select(['unit_id', 'province_state', 'province_comment'])
    .where('plan_id', '=', planId)
    .where('period', '=', period)
    .where('kind', '=', kind)
    .where('province_state', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { provinceState: r.province_state as ProvinceState, provinceComment: r.province_comment }]));
}
