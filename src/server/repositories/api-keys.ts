// API keys for the open feed (docs/province-report.md): issued and revoked by an administrator,
// never a user's sign-in. Only the key's sha256 is stored; the key is shown once, when issued.
// Issuing and revoking are audited (the key itself never enters the audit trail).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';

const hashOf = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  /** The key's first characters, to tell keys apart in lists. */
  readonly prefix: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const info = (r: Database['api_keys']): ApiKeyInfo => ({
  id: r.id, name: r.name, prefix: r.prefix, createdBy: r.created_by, createdAt: r.created_at, revokedAt: r.revoked_at,
});

/** Issues a key; returns it once with its record. */
export async function issueApiKey(db: Kysely<Database>, input: { name: string; userId: string; now: string }): Promise<ApiKeyInfo & { key: string }> {
  const key = `cds_${randomBytes(24).toString('base64url')}`;
  const row = { id: randomUUID(), name: input.name, key_hash: hashOf(key), prefix: key.slice(0, 8), created_by: input.userId, created_at: input.now, revoked_at: null, revoked_by: null };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('api_keys').values(row).execute();
    await recordAudit(tx, { at: input.now, userId: input.userId, action: 'apiKey.issue', entity: 'apiKey', entityId: row.id, before: null, after: { name: row.name, prefix: row.prefix } });
  });
  return { ...info(row), key };
}

/** Revokes a key; false when there is no such key or it is already revoked. */
export async function revokeApiKey(db: Kysely<Database>, input: { id: string; userId: string; now: string }): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('api_keys').set({ revoked_at: input.now, revoked_by: input.userId })
      .where('id', '=', input.id).where('revoked_at', 'is', null).returning(['name', 'prefix']).executeTakeFirst();
    if (!done) return false;
    await recordAudit(tx, { at: input.now, userId: input.userId, action: 'apiKey.revoke', entity: 'apiKey', entityId: input.id, before: { revoked: false }, after: { revoked: true, name: done.name, prefix: done.prefix } });
    return true;
  });
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyInfo[]> {
  return (await db.selectFrom('api_keys').selectAll().orderBy('created_at').execute()).map(info);
}

/** The active key matching the presented one, or undefined (unknown or revoked). */
export async function activeApiKey(db: Kysely<Database>, presented: string): Promise<ApiKeyInfo | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hashOf(presented)).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? info(row) : undefined;
}
