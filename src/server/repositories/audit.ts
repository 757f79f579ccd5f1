// The audit trail (docs/domain.md §5: who, when, what, before/after). Writers call recordAudit inside
// their own transaction, so a change and its record are stored together or not at all.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface AuditEntry {
  readonly at: string;
  readonly userId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditRecord extends AuditEntry {
  readonly id: number;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Adds one audit record; pass the transaction of the write it describes. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at: entry.at,
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  /** Only records with an id below this (paging backwards from the newest). */
  readonly beforeId?: number;
  readonly entity?: string;
  readonly entityId?: string;
  readonly limit: number;
}

/** The newest records first. */
export async function listAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
  }));
}
