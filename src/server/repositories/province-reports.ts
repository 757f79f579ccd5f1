// Sở KH&CN's consolidated reports (docs/province-report.md): one per plan and period, each
// generation a revision holding the content snapshot and its hash, nothing overwritten. The same
// content generated again is the same revision. The head of Sở KH&CN approves a revision bound to
// its content hash (then the report is locked) or returns it with a comment; every change audited.
import type { Kysely } from 'kysely';
import type { ProvinceReportContent } from '../../core/report';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { recordAudit } from './audit';

export type ProvinceReportStatus = 'draft' | 'approved' | 'returned';

export interface ProvinceReportSummary {
  readonly id: string;
  readonly planId: string;
  readonly period: string;
  readonly status: ProvinceReportStatus;
  readonly revision: number;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly approvedRevision: number | null;
  readonly approvedHash: string | null;
  readonly approvedAt: string | null;
  readonly comment: string | null;
}

export type SaveOutcome =
  | { readonly kind: 'created' | 'unchanged'; readonly report: ProvinceReportSummary }
  | { readonly kind: 'locked'; readonly report: ProvinceReportSummary };

class Abort<T> {
  constructor(readonly outcome: T) {}
}

function query(db: Kysely<Database>) {
  return db
    .selectFrom('province_reports as p')
    .innerJoin('province_report_revisions as r', (j) => j.onRef('r.report_id', '=', 'p.id').onRef('r.revision', '=', 'p.latest_revision'))
    .select([
      'p.id', 'p.plan_id', 'p.period', 'p.status', 'p.latest_revision', 'p.approved_revision', 'p.approved_hash', 'p.approved_at', 'p.comment',
      'r.content_hash', 'r.created_at', 'r.created_by',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];
const toSummary = (r: Row): ProvinceReportSummary => ({
  id: r.id, planId: r.plan_id, period: r.period, status: r.status as ProvinceReportStatus, revision: r.latest_revision,
  contentHash: r.content_hash, createdAt: r.created_at, createdBy: r.created_by, approvedRevision: r.approved_revision,
  approvedHash: r.approved_hash, approvedAt: r.approved_at, comment: r.comment,
});

export async function findProvinceReport(db: Kysely<Database>, where: { id: string } | { planId: string; period: string }): Promise<ProvinceReportSummary | undefined> {
  const q = 'id' in where ? query(db).where('p.id', '=', where.id) : query(db).where('p.plan_id', '=', where.planId).where('p.period', '=', where.period);
  const row = await q.executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export async function listProvinceReports(db: Kysely<Database>, planId?: string): Promise<ProvinceReportSummary[]> {
  let q = query(db);
  if (planId !== undefined) q = q.where('p.plan_id', '=', planId);
  return (await q.orderBy('p.period').execute()).map(toSummary);
}

/** One revision's snapshot. */
export async function provinceReportRevision(db: Kysely<Database>, id: string, revision: number) {
  const r = await db.selectFrom('province_report_revisions').selectAll().where('report_id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return r ? { revision: r.revision, contentHash: r.content_hash, content: JSON.parse(r.content) as ProvinceReportContent, createdAt: r.created_at, createdBy: r.created_by } : undefined;
}

export async function provinceReportRevisions(db: Kysely<Database>, id: string) {
  const rows = await db.selectFrom('province_report_revisions').select(['revision', 'content_hash', 'created_at', 'created_by']).where('report_id', '=', id).orderBy('revision').execute();
  return rows.map((r) => ({ revision: r.revision, contentHash: r.content_hash, createdAt: r.created_at, createdBy: r.created_by }));
}

/** Stores the content as the next revision, unless it equals the latest one or the report is approved. */
export async function saveProvinceReport(
  db: Kysely<Database>,
  input: { planId: string; period: string; content: ProvinceReportContent; contentHash: string; userId: string; now: string },
): Promise<SaveOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('province_reports')
        .values({ id: newId(), plan_id: input.planId, period: input.period, status: 'draft', latest_revision: 0, created_at: input.now, updated_at: input.now })
        .onConflict((oc) => oc.columns(['plan_id', 'period']).doNothing())
        .execute();
      // Lock the report row (PostgreSQL) / serialise (SQLite) before reading its latest revision.
      const p = await tx
        .updateTable('province_reports')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('plan_id', '=', input.planId)
        .where('period', '=', input.period)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (p.latest_revision > 0) {
        const current = toSummary((await query(tx).where('p.id', '=', p.id).executeTakeFirstOrThrow()));
        if (p.status === 'approved') throw new Abort<SaveOutcome>({ kind: 'locked', report: current });
        if (current.contentHash === input.contentHash && p.status === 'draft') throw new Abort<SaveOutcome>({ kind: 'unchanged', report: current });
      }
      const revision = p.latest_revision + 1;
      await tx
        .insertInto('province_report_revisions')
        .values({
          id: newId(), report_id: p.id, revision, content_hash: input.contentHash, content: JSON.stringify(input.content),
          created_by: input.userId, created_at: input.now,
        })
        .execute();
      await tx.updateTable('province_reports').set({ latest_revision: revision, status: 'draft', updated_at: input.now }).where('id', '=', p.id).execute();
      await recordAudit(tx, {
        at: input.now, userId: input.userId, action: revision === 1 ? 'provinceReport.create' : 'provinceReport.revise', entity: 'provinceReport', entityId: p.id,
        before: revision === 1 ? null : { status: p.status, revision: p.latest_revision },
        after: { status: 'draft', revision, contentHash: input.contentHash, planId: input.planId, period: input.period },
      });
      return { kind: 'created', report: toSummary(await query(tx).where('p.id', '=', p.id).executeTakeFirstOrThrow()) } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.outcome as SaveOutcome;
    throw error;
  }
}

export type ProvinceDecisionOutcome =
  | { readonly kind: 'decided'; readonly report: ProvinceReportSummary }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'notPending'; readonly status: ProvinceReportStatus }
  | { readonly kind: 'staleHash'; readonly latestHash: string };

/** The head of Sở KH&CN approves the latest revision (bound to its hash) or returns it with a comment. */
export async function decideProvinceReport(
  db: Kysely<Database>,
  d: { id: string; action: 'approve' | 'return'; contentHash?: string; comment: string | null; userId: string; now: string },
): Promise<ProvinceDecisionOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      const p = await tx.updateTable('province_reports').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', d.id).returningAll().executeTakeFirst();
      if (!p) return { kind: 'notFound' } as const;
      if (p.status !== 'draft') throw new Abort<ProvinceDecisionOutcome>({ kind: 'notPending', status: p.status as ProvinceReportStatus });
      const latest = await tx.selectFrom('province_report_revisions').select('content_hash').where('report_id', '=', p.id).where('revision', '=', p.latest_revision).executeTakeFirstOrThrow();
      if (d.contentHash !== undefined && d.contentHash !== latest.content_hash) throw new Abort<ProvinceDecisionOutcome>({ kind: 'staleHash', latestHash: latest.content_hash });
      const approve = d.action === 'approve';
      await tx
        .updateTable('province_reports')
        .set(approve
          ? { status: 'approved', approved_revision: p.latest_revision, approved_hash: latest.content_hash, approved_by: d.userId, approved_at: d.now, comment: d.comment, updated_at: d.now }
          : { status: 'returned', comment: d.comment, updated_at: d.now })
        .where('id', '=', p.id)
        .execute();
      await recordAudit(tx, {
        at: d.now, userId: d.userId, action: `provinceReport.${d.action}`, entity: 'provinceReport', entityId: p.id,
        before: { status: p.status, revision: p.latest_revision },
        after: { status: approve ? 'approved' : 'returned', revision: p.latest_revision, contentHash: latest.content_hash, comment: d.comment },
      });
      return { kind: 'decided', report: toSummary(await query(tx).where('p.id', '=', p.id).executeTakeFirstOrThrow()) } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.outcome as ProvinceDecisionOutcome;
    throw error;
  }
}
