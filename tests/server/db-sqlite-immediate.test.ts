// SQLite transactions begin IMMEDIATE (db/connect.ts): a transaction that reads and then writes while
// another process holds the write lock waits for it and reads what it committed. Begun DEFERRED (what
// Kysely sends), the same transaction fails at once at its first write with "database is locked":
// its snapshot is older than the other's commit, and SQLite does not wait for that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { connect, type Db } from '../../src/server/db/connect';
import { otherProcessWriting } from './support/two-connections';

describe('a SQLite transaction while another process writes', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-immediate-'));
    file = path.join(dir, 'reporting.sqlite');
    db = connect({ sqliteFile: file });
    await sql`create table t (x text not null)`.execute(db.kysely);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the other to commit, then reads and writes after it', async () => {
    const other = await otherProcessWriting(file, ["insert into t (x) values ('other')"]);
    const seen = await db.kysely.transaction().execute(async (trx) => {
      const { rows } = await sql<{ x: string }>`select x from t order by x`.execute(trx);
      await sql`insert into t (x) values (${`mine after ${rows.length}`})`.execute(trx);
      return rows.map((r) => r.x);
    });
    expect(await other.exited).toBe(0);
    expect(seen).toEqual(['other']);
    expect((await sql<{ x: string }>`select x from t order by x`.execute(db.kysely)).rows.map((r) => r.x)).toEqual(['mine after 1', 'other']);
  });

  it('(why: the same transaction begun DEFERRED fails at its first write)', async () => {
    const plain = new SqliteDatabase(file);
    plain.pragma('busy_timeout = 5000');
    try {
      const other = await otherProcessWriting(file, ["insert into t (x) values ('other')"]);
      plain.exec('begin');
      plain.prepare('select count(*) from t').get();
      expect(() => plain.prepare("insert into t (x) values ('mine')").run()).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }));
      plain.exec('rollback');
      expect(await other.exited).toBe(0);
    } finally {
      plain.close();
    }
  });
});
