// Two server processes starting together on an empty database both try to create the first
// administrator (bootstrap-admin.ts). However the other's commit reaches the one that loses – its
// insert refused by the unique user name, the name found already taken between its two reads
// (PostgreSQL, read committed), or its snapshot gone stale before its first write (SQLite, WAL) – it
// must go on starting: an administrator exists. CI once saw the second case stop an instance
// (tests/operations/two-instances). Here the other process's commit is placed between the loser's
// reads by a Kysely plugin, so the race runs the same way every time, on both databases.
import { ensureAdmin } from '../../src/server/bootstrap-admin';
import { createUser, grant } from '../../src/server/repositories/users';
import { afterFirstNameLookup, raceKinds, twoConnections } from './support/two-connections';

const quiet = { info: () => undefined, warn: () => undefined };

describe.each(raceKinds)('the first administrator, when another process creates it at the same moment (%s)', (kind) => {
  it('lets the process that lost start, with one administrator in the database', async () => {
    const { a, b, drop } = await twoConnections(kind);
    try {
      // The other process: its administrator written, not yet committed.
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const isWritten = new Promise<void>((resolve) => (written = resolve));
      const other = a.kysely.transaction().execute(async (trx) => {
        const made = await createUser(trx, { username: 'admin', passwordHash: 'other', mustChangePassword: true }, 'system');
        if (!made.ok) throw new Error(made.message);
        const granted = await grant(trx, made.value.id, 'admin', null, 'system');
        if (!granted.ok) throw new Error(granted.message);
        written();
        await committing;
      });
      await isWritten;

      // This process: it finds no administrator and no `admin`, then the other commits.
      const plugin = afterFirstNameLookup(async () => {
        commit();
        await other;
      });
      const password = await ensureAdmin(b.kysely.withPlugin(plugin), quiet, () => undefined);
      expect(plugin.fired).toBe(true);
      expect(password).toBeNull();

      const admins = await a.kysely.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
        .select(['users.username', 'users.password_hash']).where('user_roles.role', '=', 'admin').execute();
      expect(admins).toEqual([{ username: 'admin', password_hash: 'other' }]);
    } finally {
      await drop();
    }
  });
});
