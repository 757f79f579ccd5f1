// A password stored at an older scrypt cost is re-hashed at today's cost (OWASP) when its owner
// signs in; the session works, and the old token of that user keeps the same password check.
import { randomBytes, scryptSync } from 'node:crypto';
import { SCRYPT_COST, verifyPassword } from '../../../src/server/auth/passwords';
import { createUser } from '../../../src/server/repositories/users';
import { describeEachDatabase } from '../support/databases';
import { bearer, buildAuthApp, call } from './helpers';

/** A hash at half today's cost, as the server made them before (N=16384 then, 2^17 now). */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  const n = SCRYPT_COST.N / 2;
  const key = scryptSync(password, salt, 32, { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 2 ** 20 });
  return ['scrypt', n, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describeEachDatabase('password hashes upgraded at sign-in', (database) => {
  it('replaces a lower-cost hash with one at today’s cost, and both sign-ins succeed', async () => {
    const db = await database.create();
    try {
      const password = 'Mật khẩu cũ 2024!';
      const created = await createUser(db.kysely, { username: 'cu.nguoidung', passwordHash: oldHash(password) }, 'test');
      if (!created.ok) throw new Error(created.message);
      const app = await buildAuthApp(db);
      const login = () => call(app, { method: 'POST', url: '/api/auth/login', payload: { username: 'cu.nguoidung', password } });

      const first = await login();
      expect(first.statusCode).toBe(200);
      const stored = (await db.kysely.selectFrom('users').select('password_hash').where('id', '=', created.value.id).executeTakeFirstOrThrow()).password_hash!;
      expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(SCRYPT_COST.N), String(SCRYPT_COST.r), String(SCRYPT_COST.p)]);
      expect(await verifyPassword(password, stored)).toBe(true);
      // The token handed out with the upgrade is valid against the new hash.
      expect((await call(app, { url: '/api/auth/me', headers: bearer(first.json().token) })).statusCode).toBe(200);

      expect((await login()).statusCode).toBe(200);
      const again = (await db.kysely.selectFrom('users').select('password_hash').where('id', '=', created.value.id).executeTakeFirstOrThrow()).password_hash;
      expect(again).toBe(stored); // already at today's cost: not rewritten
      await app.close();
    } finally {
      await db.drop();
    }
  }, 60_000);
});
