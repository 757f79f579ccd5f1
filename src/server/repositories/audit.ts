// The audit trail (docs/domain.md §5: who, when, what, before/after). Writers call recordAudit inside
// their own transaction, so a change and its record are stored together or not at all. Each record
// names the unit it concerns, when there is one, so the administrator can follow one unit's history.
import { sql, type Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared';
import type { Database } from '../db/schema';

export interface AuditEntry {
  readonly at: string;
  readonly userId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  /** The unit concerned; when absent it is read from a role grant's or an override's own data. */
  readonly unitId?: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditRecord extends Omit<AuditEntry, 'unitId'> {
  readonly id: number;
  readonly unitId: string | null;
  /** The acting user's name, when the actor is a user (not "cli:…" or "system"). */
  readonly username: string | null;
  readonly displayName: string | null;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const unitField = (value: unknown): string | null => {
  const unitId = (value as { unitId?: unknown } | null)?.unitId;
  return typeof unitId === 'string' ? unitId : null;
};

/** The unit a record concerns: given, or an override's (entity id plan/item/unit), or a role grant's. */
function unitOf(entry: AuditEntry): string | null {
  if (entry.unitId !== undefined) return entry.unitId;
  if (entry.entity === 'assignment' && entry.entityId) return entry.entityId.split('/').at(-1) ?? null;
  if (entry.entity === 'user') return unitField(entry.after) ?? unitField(entry.before);
  return null;
}

/** Adds one audit record; pass the transaction of the write it describes. */
type AuditValues = { at: string; userId: string | null; action: string; entity: string; entityId: string | null; unitId: string | null; before: string | null; after: string | null };
// Written with every change, a submission's included (prepared once: db/prepared.ts).
const insertAudit = preparedQuery<AuditValues, never>((db, param) =>
  db.insertInto('audit').values({
    at: param('at'), user_id: param('userId'), action: param('action'), entity: param('entity'), entity_id: param('entityId'),
    unit_id: param('unitId'), before: param('before'), after: param('after'),
  }));

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await insertAudit.execute(db, {
    at: entry.at, userId: entry.userId ?? null, action: entry.action, entity: entry.entity, entityId: entry.entityId ?? null,
    unitId: unitOf(entry), before: json(entry.before), after: json(entry.after),
  });
}

export interface AuditQuery {
  /** Only records with an id below this (paging backwards from the newest). */
  readonly beforeId?: number;
  /** The actor as stored: a user id or an operator label ("cli:root", "system"); several match any. */
  readonly actors?: readonly string[];
  readonly unitId?: string;
  /** An action, or a family of actions when it ends with a dot ("user."). */
  readonly action?: string;
  readonly entity?: string;
  readonly entityId?: string;
  /** Instants (ISO, UTC): from inclusive, to exclusive. */
  readonly fromAt?: string;
  readonly toAt?: string;
  readonly limit: number;
}

/** Escapes LIKE's wildcards so an action family matches literally. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Kysely<Database>, query: Omit<AuditQuery, 'limit' | 'beforeId'>) {
  let q = db.selectFrom('audit');
  if (query.actors !== undefined) q = query.actors.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('audit.user_id', 'in', [...query.actors]);
  if (query.unitId !== undefined) q = q.where('audit.unit_id', '=', query.unitId);
  if (query.action !== undefined) {
    q = query.action.endsWith('.') ? q.where(sql<boolean>`audit.action like ${likePrefix(query.action)} escape '\\'`) : q.where('audit.action', '=', query.action);
  }
  if (query.entity !== undefined) q = q.where('audit.entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('audit.entity_id', '=', query.entityId);
  if (query.fromAt !== undefined) q = q.where('audit.at', '>=', query.fromAt);
  if (query.toAt !== undefined) q = q.where('audit.at', '<', query.toAt);
  return q;
}

/** The newest records first, with the acting user's name. */
export async function listAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditRecord[]> {
  let q = filtered(db, query)
    .leftJoin('users', 'users.id', 'audit.user_id')
    .select(['audit.id', 'audit.at', 'audit.user_id', 'audit.action', 'audit.entity', 'audit.entity_id', 'audit.unit_id', 'audit.before', 'audit.after'])
    .select(['users.username', 'users.display_name'])
    .orderBy('audit.id', 'desc')
    .limit(query.limit);
  if (query.beforeId !== undefined) q = q.where('audit.id', '<', query.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    userId: r.user_id,
    username: r.username ?? null,
    displayName: r.display_name ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    before: parse(r.before),
    after: parse(r.after),
  }));
}

/** How many records match the filters (every page together). */
export async function countAudit(db: Kysely<Database>, query: Omit<AuditQuery, 'limit' | 'beforeId'>): Promise<number> {
  const row = await filtered(db, query).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
