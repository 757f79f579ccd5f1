// db/prepared.ts: a prepared query answers exactly what the same query built afresh answers, for every
// value, on both databases, inside and outside a transaction; it is compiled once per database. In a
// grouped write transaction on SQLite (db/group-commit.ts) it runs on the connection directly
// (db/statements.ts), with the same answers, errors and rollbacks, and only while the group runs.
import type { Kysely } from 'kysely';
import type { Db } from '../../src/server/db/connect';
import { writeTransaction } from '../../src/server/db/group-commit';
import { preparedQuery } from '../../src/server/db/prepared';
import type { Database } from '../../src/server/db/schema';
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

describeEachDatabase('prepared queries in a write transaction', (database) => {
  let db: Db & { drop(): Promise<void> };
  const insertUnit = preparedQuery<{ id: string }, never>((k, param) =>
    k.insertInto('units').values({ id: param('id'), name: 'Xã mới', level: 'commune', classes: '[]', source: 'csv', active: 1, updated_at: now }));
  const renameReturning = preparedQuery<{ id: string; name: string }, { id: string; name: string }>((k, param) =>
    k.updateTable('units').set({ name: param('name') }).where('id', '=', param('id')).returning(['id', 'name']));
  const byId = preparedQuery<{ id: string }, { id: string; name: string }>((k, param) =>
    k.selectFrom('units').select(['id', 'name']).where('id', '=', param('id')));
  /** Counts the queries that go through Kysely's executor on this handle. */
  const throughKysely = (tx: Kysely<Database>) => jest.spyOn(tx, 'executeQuery');

  beforeEach(async () => {
    db = await database.create();
  });
  afterEach(async () => db.drop());

  it('answers as through Kysely – rows of a select, of an update … returning, none of an insert – on SQLite without Kysely\'s executor', async () => {
    const answers = await writeTransaction(db.kysely, async (tx) => {
      const spy = throughKysely(tx);
      const inserted = await insertUnit.execute(tx, { id: 'xa-moi' });
      const renamed = await renameReturning.execute(tx, { id: 'xa-moi', name: 'Xã Mới' });
      const read = await byId.execute(tx, { id: 'xa-moi' });
      return { inserted, renamed, read, kysely: spy.mock.calls.length };
    });
    expect(answers).toEqual({
      inserted: [], renamed: [{ id: 'xa-moi', name: 'Xã Mới' }], read: [{ id: 'xa-moi', name: 'Xã Mới' }],
      // SQLite: straight on the connection the group holds; PostgreSQL: a plain transaction through Kysely.
      kysely: db.dialect === 'sqlite' ? 0 : 3,
    });
    expect(await byId.execute(db.kysely, { id: 'xa-moi' })).toEqual([{ id: 'xa-moi', name: 'Xã Mới' }]);
  });

  it('fails with the database\'s own error and undoes that transaction alone, statements run either way', async () => {
    await insertUnit.execute(db.kysely, { id: 'xa-co-roi' });
    const results = await Promise.allSettled([
      writeTransaction(db.kysely, async (tx) => insertUnit.execute(tx, { id: 'xa-1' })),
      writeTransaction(db.kysely, async (tx) => {
        await tx.insertInto('units').values({ id: 'xa-2', name: 'Xã 2', level: 'commune', classes: '[]', source: 'csv', active: 1, updated_at: now }).execute();
        await renameReturning.execute(tx, { id: 'xa-2', name: 'Xã Hai' });
        await insertUnit.execute(tx, { id: 'xa-co-roi' }); // the primary key again
      }),
      writeTransaction(db.kysely, async (tx) => insertUnit.execute(tx, { id: 'xa-3' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { isUniqueViolation } = await import('../../src/server/db/connect');
    expect(isUniqueViolation((results[1] as PromiseRejectedResult).reason)).toBe(true);
    const ids = await db.kysely.selectFrom('units').select('id').orderBy('id').execute();
    expect(ids.map((u) => u.id)).toEqual(['xa-1', 'xa-3', 'xa-co-roi']);
  });

  it('never runs on a transaction handle kept after its transaction ended', async () => {
    let kept: Kysely<Database> | undefined;
    await writeTransaction(db.kysely, async (tx) => {
      kept = tx;
      await insertUnit.execute(tx, { id: 'xa-trong' });
    });
    // Through Kysely again, which refuses a finished transaction; nothing is written outside one.
    await expect(insertUnit.execute(kept!, { id: 'xa-ngoai' })).rejects.toThrow();
    const ids = await db.kysely.selectFrom('units').select('id').orderBy('id').execute();
    expect(ids.map((u) => u.id)).toEqual(['xa-trong']);
  });
});
