// db/checkpoints.ts: the server's SQLite file is checkpointed by a thread, not by the requests' commits.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { BackgroundCheckpoints, SAFETY_NET_PAGES } from '../../src/server/db/checkpoints';
import { connect, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';

const now = '2026-03-20T01:00:00.000Z';

describe('WAL checkpoints in a thread (SQLite file)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-'));
    file = path.join(dir, 'reporting.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const walBytes = () => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  /** `n` commits of one audit row each (~1 KB): a write load of small transactions, as submissions are. */
  async function write(db: Db, n: number, from = 0): Promise<void> {
    for (let i = from; i < from + n; i++) {
      await db.kysely.insertInto('audit').values({ at: now, user_id: null, action: 'load', entity: 'test', entity_id: String(i), unit_id: null, before: null, after: JSON.stringify({ pad: 'x'.repeat(1000) }) }).execute();
    }
  }

  it('raises the connection\'s own checkpoint to a safety net and leaves the checkpoints to the thread', async () => {
    const db = connect({ sqliteFile: file, backgroundCheckpoints: { intervalMs: 60_000 } });
    try {
      await migrateToLatest(db);
      expect(db.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
      // 800 commits of a row and its four indexes: ~5,000 pages, below the safety net, so no commit
      // checkpointed and the log holds every frame written so far.
      await write(db, 800);
      const logBefore = walBytes();
      const frames = Math.floor(logBefore / (4096 + 24));
      expect(frames).toBeGreaterThan(800 * 2);
      expect(frames).toBeLessThan(SAFETY_NET_PAGES);
      const copied = await db.checkpoints!.checkpointNow();
      expect(copied).toBeGreaterThanOrEqual(frames - 5);
      // Everything is in the database file now: the next commit starts the log from its beginning,
      // so as many writes again reuse it instead of growing it (a few more pages: the indexes grew).
      await write(db, 800, 800);
      expect(walBytes()).toBeLessThan(logBefore * 1.2);
      expect(await db.kysely.selectFrom('audit').select(sql<number>`count(*)`.as('n')).where('action', '=', 'load').executeTakeFirstOrThrow()).toEqual({ n: 1600 });
    } finally {
      await db.close();
    }
  });

  it('checkpoints by itself at its interval while the server writes', async () => {
    const db = connect({ sqliteFile: file, backgroundCheckpoints: { intervalMs: 20 } });
    try {
      await migrateToLatest(db);
      for (let round = 0; round < 10; round++) {
        await write(db, 200, round * 200);
        await new Promise((r) => setTimeout(r, 60));
      }
      // 2,000 commits of several pages each (over 10,000 frames): without the thread the log would
      // grow to the safety net (10,000 pages); with it, it restarts after each pause, so it never
      // holds much more than one round's frames (the file keeps its largest size).
      const frames = walBytes() / (4096 + 24);
      expect(frames).toBeLessThan(SAFETY_NET_PAGES / 3);
    } finally {
      await db.close();
    }
  });

  it('ends with the database: the thread stops first, the last connection folds the log in and removes it', async () => {
    const errors: Error[] = [];
    const db = connect({ sqliteFile: file, backgroundCheckpoints: { intervalMs: 10, onError: (e) => errors.push(e) } });
    await migrateToLatest(db);
    await write(db, 300);
    await db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(errors).toEqual([]);
    // The file holds everything written.
    const reopened = connect({ sqliteFile: file });
    try {
      expect(await reopened.kysely.selectFrom('audit').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 300 });
    } finally {
      await reopened.close();
    }
  });

  it('finishes closing in a process that has nothing else left to do (the thread holds it until it has stopped)', () => {
    // The thread never keeps a running process alive; while it stops, it must – or the process exits
    // in the middle of closing, the log never folded in.
    const script = `
      const { connect } = require(${JSON.stringify(path.join(__dirname, '../../src/server/db/connect'))});
      const db = connect({ sqliteFile: ${JSON.stringify(file)}, backgroundCheckpoints: { intervalMs: 60000 } });
      db.sqlite.exec('create table t (x text)');
      for (let i = 0; i < 200; i++) db.sqlite.prepare('insert into t values (?)').run('x'.repeat(1000));
      void db.close().then(() => console.log('closed'));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('is not started for a database in memory, nor unless asked', async () => {
    const memory = connect({ sqliteFile: ':memory:', backgroundCheckpoints: {} });
    const plain = connect({ sqliteFile: file });
    try {
      expect(memory.checkpoints).toBeUndefined();
      expect(plain.checkpoints).toBeUndefined();
      expect(plain.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      await memory.close();
      await plain.close();
    }
  });

  it('a thread that cannot work is reported, and stopping it still resolves (the safety net takes over)', async () => {
    const errors: Error[] = [];
    const thread = new BackgroundCheckpoints(path.join(dir, 'missing', 'reporting.sqlite'), { onError: (e) => errors.push(e) });
    await thread.stop();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/unable to open|SQLITE_CANTOPEN|directory does not exist/i);
  });
});
