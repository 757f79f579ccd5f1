// db/read-cache.ts: a remembered read lasts until anything in the watched tables changes – through
// this connection (any statement, any code) or another one – and never on PostgreSQL.
// (tests/server/auth/revocation-two-instances.test.ts checks what it protects: every revocation.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { rememberedRead, WATCHED_TABLES } from '../../src/server/db/read-cache';
import { describeEachDatabase } from './support/databases';

const now = '2026-04-01T00:00:00.000Z';

/** A statement per watched table and kind of write, as any code of the server might issue it. */
const WRITES: Record<(typeof WATCHED_TABLES)[number], readonly string[]> = {
  users: [
    `insert into users (id, username, display_name, created_at) values ('u3', 'c', 'C', '${now}')`,
    "update users set display_name = 'A đổi tên' where id = 'u1'",
    "delete from users where id = 'u2'",
  ],
  user_roles: [
    `insert into user_roles (user_id, role, unit_id, granted_at) values ('u2', 'reporter', 'so-a', '${now}')`,
    "update user_roles set role = 'approver' where user_id = 'u1'",
    "delete from user_roles where user_id = 'u1'",
  ],
  units: [
    `insert into units (id, name, level, classes, source, active, updated_at) values ('so-c', 'Sở C', 'province', '[]', 'csv', 1, '${now}')`,
    "update units set active = 0 where id = 'so-a'",
    "delete from units where id = 'so-b'",
  ],
  assignment_overrides: [
    `insert into assignment_overrides (plan_id, item_id, unit_id, effect, reason, created_by, created_at) values ('p', 'ct-02', 'so-a', 'include', 'Lý do', 'cli:test', '${now}')`,
    "update assignment_overrides set effect = 'include' where item_id = 'ct-01'",
    "delete from assignment_overrides where item_id = 'ct-01'",
  ],
};
/** One row in each watched table for the writes above to change. */
const SEED = `insert into users (id, username, display_name, created_at) values ('u1', 'a', 'A', '${now}'), ('u2', 'b', 'B', '${now}');
  insert into units (id, name, level, classes, source, active, updated_at) values ('so-a', 'Sở A', 'province', '[]', 'csv', 1, '${now}'), ('so-b', 'Sở B', 'province', '[]', 'csv', 1, '${now}');
  insert into user_roles (user_id, role, unit_id, granted_at) values ('u1', 'reporter', 'so-a', '${now}');
  insert into assignment_overrides (plan_id, item_id, unit_id, effect, reason, created_by, created_at) values ('p', 'ct-01', 'so-a', 'exclude', 'Lý do', 'cli:test', '${now}');`;

describe('remembered reads (SQLite)', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let loads: number;
  const read = () => rememberedRead(db.kysely, 'k', async () => ++loads);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-cache-'));
    file = path.join(dir, 'reporting.sqlite');
    db = connect({ sqliteFile: file });
    await migrateToLatest(db);
    db.sqlite!.exec(SEED);
    loads = 0;
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads once while nothing changes, and keeps reads of different keys apart', async () => {
    expect([await read(), await read(), await read()]).toEqual([1, 1, 1]);
    expect(await rememberedRead(db.kysely, 'other', async () => 'x')).toBe('x');
    expect(loads).toBe(1);
  });

  it.each(Object.entries(WRITES).flatMap(([table, statements]) => statements.map((s) => [table, s.split(' ')[0], s] as const)))(
    'forgets after this connection writes %s (%s)', async (_table, _kind, statement) => {
      await read();
      const { numAffectedRows } = await sql.raw(statement).execute(db.kysely);
      expect(Number(numAffectedRows)).toBe(1);
      expect(await read()).toBe(2);
      expect(await read()).toBe(2);
    });

  it('gives every request the same value, frozen through and through', async () => {
    const first = await rememberedRead(db.kysely, 'p', async () => ({ grants: [{ role: 'reporter', unitId: 'so-a' }] }));
    const again = await rememberedRead(db.kysely, 'p', async () => ({ grants: [] }));
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.grants) && Object.isFrozen(first.grants[0])).toBe(true);
    expect(() => (first.grants as { role: string }[]).push({ role: 'admin' })).toThrow(TypeError);
  });

  it('keeps what it remembers when other tables change on this connection (the submissions themselves)', async () => {
    await read();
    await db.kysely.insertInto('audit').values({ at: now, user_id: null, action: 'x', entity: 'test', entity_id: '1', unit_id: null, before: null, after: null }).execute();
    expect(await read()).toBe(1);
  });

  it('forgets after another connection commits (another process: npm run admin), from the next turn of the event loop', async () => {
    await read();
    const other = connect({ sqliteFile: file });
    try {
      await other.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', 'u1').execute();
    } finally {
      await other.close();
    }
    // data_version is read once per turn: requests of the next turn see the commit.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  it('forgets a value read while the tables changed', async () => {
    const value = await rememberedRead(db.kysely, 'k', async () => {
      await sql`update users set display_name = 'B' where id = 'u1'`.execute(db.kysely);
      return ++loads;
    });
    expect(value).toBe(1);
    expect(await read()).toBe(2);
  });

  it('keeps nothing from a read that began before a change another read has already seen', async () => {
    let release!: () => void;
    const slow = rememberedRead(db.kysely, 'k', async () => {
      await new Promise<void>((r) => (release = r));
      return 'before the change';
    });
    await sql`update users set display_name = 'B' where id = 'u1'`.execute(db.kysely);
    expect(await rememberedRead(db.kysely, 'other', async () => 'after')).toBe('after');
    release();
    expect(await slow).toBe('before the change');
    expect(await read()).toBe(1); // loaded now: the slow read's value was not kept
  });
});

describeEachDatabase('remembered reads elsewhere', (database) => {
  it('reads every time on PostgreSQL (other instances write unseen) and inside a transaction', async () => {
    const db = await database.create();
    try {
      let loads = 0;
      await rememberedRead(db.kysely, 'k', async () => ++loads);
      await rememberedRead(db.kysely, 'k', async () => ++loads);
      expect(loads).toBe(database.kind === 'postgres' ? 2 : 1);
      await db.kysely.transaction().execute(async (tx) => {
        await rememberedRead(tx, 'k', async () => ++loads);
      });
      expect(loads).toBe(database.kind === 'postgres' ? 3 : 2);
    } finally {
      await db.drop();
    }
  });
});
