// db/prepared.ts: a prepared query answers exactly what the same query built afresh answers, for every
// value, on both databases, inside and outside a transaction; it is compiled once per database.
import type { Db } from '../../src/server/db/connect';
import { preparedQuery } from '../../src/server/db/prepared';
import { describeEachDatabase } from './support/databases';

const now = '2026-03-20T01:00:00.000Z';
const units = [
  { id: 'xa-a', name: 'Xã A', level: 'commune', classes: '["cap-xa"]', source: 'csv', active: 1, updated_at: now },
  { id: 'xa-b', name: 'Xã B', level: 'commune', classes: '["cap-xa"]', source: 'csv', active: 0, updated_at: now },
  { id: 'so-c', name: 'Sở C', level: 'province', classes: '[]', source: 'plan', active: 1, updated_at: now },
];

describeEachDatabase('prepared queries', (database) => {
  let db: Db & { drop(): Promise<void> };
  let builds = 0;
  const byLevelAndActive = preparedQuery<{ level: string; active: number }, { id: string; name: string }>((k, param) => {
    builds++;
    return k.selectFrom('units').select(['id', 'name']).where('level', '=', param('level')).where('active', '=', param('active')).orderBy('id');
  });
  const rename = preparedQuery<{ id: string; name: string | null }, never>((k, param) =>
    k.updateTable('units').set({ name: param('name') as string }).where('id', '=', param('id')));

  beforeAll(async () => {
    db = await database.create();
    await db.kysely.insertInto('units').values(units).execute();
  });
  afterAll(async () => db.drop());

  it.each([
    ['commune', 1], ['commune', 0], ['province', 1], ['province', 0], ['district', 1],
  ])('level %s, active %s: the same rows as the query built afresh', async (level, active) => {
    const fresh = await db.kysely.selectFrom('units').select(['id', 'name']).where('level', '=', level).where('active', '=', active).orderBy('id').execute();
    expect(await byLevelAndActive.execute(db.kysely, { level, active })).toEqual(fresh);
  });

  it('is built and compiled once for this database, whatever the values', async () => {
    const before = builds;
    for (const active of [0, 1, 0, 1]) await byLevelAndActive.execute(db.kysely, { level: 'commune', active });
    expect(builds - before).toBe(0);
  });

  it('runs inside a transaction and is rolled back with it', async () => {
    await db.kysely.transaction().execute(async (tx) => {
      await rename.execute(tx, { id: 'xa-a', name: 'Xã A mới' });
      expect(await byLevelAndActive.executeTakeFirst(tx, { level: 'commune', active: 1 })).toEqual({ id: 'xa-a', name: 'Xã A mới' });
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await byLevelAndActive.executeTakeFirst(db.kysely, { level: 'commune', active: 1 })).toEqual({ id: 'xa-a', name: 'Xã A' });
  });

  it('refuses a run without one of its values (it would be bound as NULL and match nothing)', async () => {
    await expect(byLevelAndActive.execute(db.kysely, { level: 'commune' } as never)).rejects.toThrow('no value for active');
  });

  it('binds null where a value is null', async () => {
    const nullable = preparedQuery<{ id: string; entity: string | null }, never>((k, param) =>
      k.insertInto('audit').values({ at: now, user_id: null, action: 'test', entity: 'unit', entity_id: param('entity'), unit_id: param('id'), before: null, after: null }));
    await nullable.execute(db.kysely, { id: 'xa-a', entity: null });
    const row = await db.kysely.selectFrom('audit').select(['entity_id', 'unit_id']).where('action', '=', 'test').executeTakeFirstOrThrow();
    expect(row).toEqual({ entity_id: null, unit_id: 'xa-a' });
  });
});
