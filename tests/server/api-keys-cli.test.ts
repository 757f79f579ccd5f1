// `npm run admin -- apikey add | revoke`, `apikeys`: the administrator's commands for the open
// feed's keys, on a real database; the key is printed once and only its hash is stored.
import { activeApiKey } from '../../src/server/repositories/api-keys';
import { runCommand } from '../../src/server/admin-cli';
import { sqliteTestDatabase } from './support/databases';

it('issues a key printed once, lists it without the key, and revokes it', async () => {
  const db = await sqliteTestDatabase.create();
  try {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), actor: 'cli:test', stdin: async () => '' };
    await runCommand(db, ['apikey', 'add', 'IOC tỉnh'], io);
    const m = /Đã cấp khóa (\S+) \(IOC tỉnh\)\. Khóa \(chỉ hiện lần này\): (cds_\S+)/.exec(out[0]);
    expect(m).not.toBeNull();
    const [, id, key] = m!;
    expect(await activeApiKey(db.kysely, key)).toMatchObject({ id, name: 'IOC tỉnh' });
    await runCommand(db, ['apikeys'], io);
    expect(out[1]).toContain(id);
    expect(out[1]).not.toContain(key);
    await runCommand(db, ['apikey', 'revoke', id], io);
    expect(await activeApiKey(db.kysely, key)).toBeUndefined();
    await expect(runCommand(db, ['apikey', 'revoke', id], io)).rejects.toMatchObject({ code: 'apikey.notFound' });
    const audit = await db.kysely.selectFrom('audit').select(['action', 'user_id']).where('entity', '=', 'apiKey').orderBy('id').execute();
    expect(audit).toEqual([{ action: 'apiKey.issue', user_id: 'cli:test' }, { action: 'apiKey.revoke', user_id: 'cli:test' }]);
  } finally {
    await db.drop();
  }
});
