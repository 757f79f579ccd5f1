// db/group-commit.ts: on SQLite the write transactions waiting at one moment share one commit, each
// in its own savepoint; every caller hears its own outcome, and only once the commit has returned.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import { connect, type Db } from '../../src/server/db/connect';
import { writeTransaction } from '../../src/server/db/group-commit';
import type { Database } from '../../src/server/db/schema';
import { describeEachDatabase } from './support/databases';

describe('group commit (SQLite)', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-commit-'));
    file = path.join(dir, 'reporting.sqlite');
    db = connect({ sqliteFile: file });
    await sql`create table t (x text not null unique)`.execute(db.kysely);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (x: string) => async (tx: Transaction<Database>) => {
    await sql`insert into t (x) values (${x})`.execute(tx);
    return x;
  };
  /** What another connection to the file sees: what is committed. */
  const committed = (): string[] => {
    const other = new SqliteDatabase(file, { readonly: true });
    try {
      return (other.prepare('select x from t order by x').all() as { x: string }[]).map((r) => r.x);
    } finally {
      other.close();
    }
  };
  const settle = <T>(promises: readonly Promise<T>[]) => Promise.allSettled(promises);

  it('commits the transactions started in one turn once, each caller getting its own result', async () => {
    const values = Array.from({ length: 20 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const results = await Promise.all(values.map((v) => writeTransaction(db.kysely, insert(v))));
    expect(results).toEqual(values);
    expect(db.groupCommit!.stats).toEqual({ groups: 1, transactions: 20, largest: 20 });
    expect(committed()).toEqual(values);
    // Later work forms later groups; each sees what the earlier ones stored.
    const count = await writeTransaction(db.kysely, async (tx) => (await sql<{ n: number }>`select count(*) as n from t`.execute(tx)).rows[0].n);
    expect(count).toBe(20);
    expect(db.groupCommit!.stats.groups).toBe(2);
  });

  it('rolls back a failing transaction alone, and tells only its caller', async () => {
    const refusal = new Error('refused');
    const failing = async (tx: Transaction<Database>) => {
      await sql`insert into t (x) values ('written then undone')`.execute(tx);
      throw refusal;
    };
    const results = await settle([
      writeTransaction(db.kysely, insert('a')),
      writeTransaction(db.kysely, failing),
      writeTransaction(db.kysely, insert('a')), // a constraint violation: SQLite's own error, same rule
      writeTransaction(db.kysely, insert('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(refusal);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(db.groupCommit!.stats).toMatchObject({ groups: 1, transactions: 4 });
    expect(committed()).toEqual(['a', 'b']);
  });

  it('answers a caller only after the commit, when other connections see its write', async () => {
    const seen: string[][] = [];
    const inTransaction: boolean[] = [];
    await Promise.all(['x', 'y', 'z'].map((v) =>
      writeTransaction(db.kysely, insert(v)).then(() => {
        inTransaction.push(db.sqlite!.inTransaction);
        seen.push(committed());
      })));
    expect(inTransaction).toEqual([false, false, false]);
    expect(seen).toEqual([['x', 'y', 'z'], ['x', 'y', 'z'], ['x', 'y', 'z']]);
  });

  it('fails every transaction of the group when the commit fails, and stores none of them', async () => {
    // A deferred foreign key is checked at COMMIT: one bad row makes the whole commit fail.
    await sql`create table child (parent text references t (x) deferrable initially deferred)`.execute(db.kysely);
    const orphan = async (tx: Transaction<Database>) => {
      await sql`insert into child (parent) values ('nobody')`.execute(tx);
      return 'orphan';
    };
    const results = await settle([writeTransaction(db.kysely, insert('a')), writeTransaction(db.kysely, orphan), writeTransaction(db.kysely, insert('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(committed()).toEqual([]);
    expect(db.sqlite!.inTransaction).toBe(false);
    // The connection is usable afterwards.
    await expect(writeTransaction(db.kysely, insert('c'))).resolves.toBe('c');
    expect(committed()).toEqual(['c']);
  });

  it('when SQLite ends the transaction itself (disk full), fails the work done so far and runs the rest in a new group', async () => {
    const pages = db.sqlite!.pragma('page_count', { simple: true }) as number;
    db.sqlite!.pragma(`max_page_count = ${pages + 2}`);
    const huge = insert('x'.repeat(200_000)); // overflow pages beyond the limit: SQLITE_FULL, whole transaction rolled back
    const results = await settle([writeTransaction(db.kysely, insert('a')), writeTransaction(db.kysely, huge), writeTransaction(db.kysely, insert('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    expect(committed()).toEqual(['b']);
    expect(db.groupCommit!.stats).toMatchObject({ groups: 1, transactions: 1 });
  });

  it('keeps a group within MAX_GROUP transactions and commits the rest next', async () => {
    const { MAX_GROUP } = await import('../../src/server/db/group-commit');
    const values = Array.from({ length: MAX_GROUP + 5 }, (_, i) => `n${String(i).padStart(3, '0')}`);
    await Promise.all(values.map((v) => writeTransaction(db.kysely, insert(v))));
    expect(db.groupCommit!.stats).toEqual({ groups: 2, transactions: MAX_GROUP + 5, largest: MAX_GROUP });
    expect(committed()).toEqual(values);
  });
});

describeEachDatabase('writeTransaction', (database) => {
  it('keeps each transaction whole for its caller: the failing ones undone, the others kept', async () => {
    const db = await database.create();
    try {
      await sql`create table t (x text not null unique)`.execute(db.kysely);
      const work = (x: string, fail: boolean) => async (tx: Transaction<Database>) => {
        await sql`insert into t (x) values (${x})`.execute(tx);
        await sql`insert into t (x) values (${`${x}-second`})`.execute(tx);
        if (fail) throw new Error(`refused ${x}`);
        return x;
      };
      const names = Array.from({ length: 12 }, (_, i) => `w${String(i).padStart(2, '0')}`);
      const results = await Promise.allSettled(names.map((x, i) => writeTransaction(db.kysely, work(x, i % 3 === 1))));
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(
        names.map((x, i) => (i % 3 === 1 ? `refused ${x}` : x)));
      const rows = await sql<{ x: string }>`select x from t order by x`.execute(db.kysely);
      expect(rows.rows.map((r) => r.x)).toEqual(names.filter((_, i) => i % 3 !== 1).flatMap((x) => [x, `${x}-second`]));
      // Inside an explicit transaction the handle is a Transaction: it is never grouped, and Kysely refuses a nested one.
      await db.kysely.transaction().execute(async (tx) => {
        await expect(writeTransaction(tx, async () => 1)).rejects.toThrow();
      });
    } finally {
      await db.drop();
    }
  });
});
