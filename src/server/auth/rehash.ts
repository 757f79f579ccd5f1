// Raising the password cost without a reset: at a successful sign-in the password is known, so a
// hash of an older, lower cost (passwords.ts needsRehash) is replaced by one at today's cost.
import type { Db } from '../db/connect';
import { hashPassword } from './passwords';

/**
 * Stores a new hash for the password just verified, unless the stored hash changed meanwhile (a
 * password change in between wins). Resolves with the hash now stored.
 */
export async function upgradePasswordHash(db: Db, userId: string, oldHash: string | null, password: string): Promise<string | null> {
  if (oldHash === null) return null;
  const newHash = await hashPassword(password);
  const result = await db.kysely.updateTable('users').set({ password_hash: newHash }).where('id', '=', userId).where('password_hash', '=', oldHash).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? newHash : oldHash;
}
