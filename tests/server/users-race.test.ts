// Two administrators (two instances, or the CLI beside the server) creating the same user name at
// once: the one whose insert comes second gets the same refusal as when the name was taken before –
// "Tên đăng nhập … đã tồn tại", a 409 from the API – not a server error. The other's insert is
// committed between this one's look-up and its insert (tests/server/support/two-connections.ts).
import { createUser } from '../../src/server/repositories/users';
import type { Db } from '../../src/server/db/connect';
import { afterFirstNameLookup, raceKinds, twoConnections } from './support/two-connections';

/** On the other connection, another administrator creates `nv.ytexa` once this one has looked the name up. */
const otherTakesTheName = (other: Db) =>
  afterFirstNameLookup(async () => {
    const made = await createUser(other.kysely, { username: 'nv.ytexa', passwordHash: 'other' }, 'admin-a');
    if (!made.ok) throw new Error(made.message);
  });

describe.each(raceKinds)('a user name taken by another connection between the look-up and the insert (%s)', (kind) => {
  it('is refused as taken, and only the other user exists', async () => {
    const { a, b, drop } = await twoConnections(kind);
    try {
      const plugin = otherTakesTheName(a);
      const mine = await createUser(b.kysely.withPlugin(plugin), { username: 'NV.YteXa', passwordHash: 'mine' }, 'admin-b');
      expect(plugin.fired).toBe(true);
      expect(mine).toEqual({ ok: false, code: 'user.exists', message: 'Tên đăng nhập "nv.ytexa" đã tồn tại.' });
      const rows = await a.kysely.selectFrom('users').select(['username', 'password_hash']).execute();
      expect(rows).toEqual([{ username: 'nv.ytexa', password_hash: 'other' }]);
      // Only the user actually made is in the audit.
      const audited = await a.kysely.selectFrom('audit').select(['action', 'user_id']).where('entity', '=', 'user').execute();
      expect(audited).toEqual([{ action: 'user.add', user_id: 'admin-a' }]);
    } finally {
      await drop();
    }
  });

  if (kind === 'postgres') {
    it('inside a transaction (the API creates the user and its grants in one): refused as taken, the transaction rolled back', async () => {
      const { a, b, drop } = await twoConnections(kind);
      try {
        const plugin = otherTakesTheName(a);
        const refused = new Error('refused');
        let result: unknown;
        await expect(b.kysely.withPlugin(plugin).transaction().execute(async (trx) => {
          result = await createUser(trx, { username: 'nv.ytexa', passwordHash: 'mine' }, 'admin-b');
          throw refused; // what the route's unwrap does with a refusal
        })).rejects.toBe(refused);
        expect(result).toMatchObject({ ok: false, code: 'user.exists' });
        expect(await a.kysely.selectFrom('users').select('password_hash').execute()).toEqual([{ password_hash: 'other' }]);
      } finally {
        await drop();
      }
    });
  }
});
