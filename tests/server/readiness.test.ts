// /api/health is liveness only; /api/health/ready proves the database answers and a write commits.
// A full SQLite file and a held PostgreSQL lock make the server not ready, and the log carries the
// database's own error, not the "cannot rollback" that used to hide it (docs/deploy.md#health).
import { Writable } from 'node:stream';
import pg from 'pg';
import type { TestApp } from './support/app';
import { testApp } from './support/app';
import { SKHCN } from './support/catalogue';
import { describeEachDatabase, postgresTestDatabase, postgresUrl, sqliteTestDatabase } from './support/databases';
import { indicatorReport } from './support/requests';
import { as, principal } from './support/test-auth';
import { isStorageFailure } from '../../src/server/db/readiness';

const clerk = as(principal('reporter', SKHCN));

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

describeEachDatabase('health and readiness', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp(database);
  });
  afterEach(async () => t.close());

  it('is alive and ready on a working database, and the probe writes a row of its own', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: database.kind });
    const rows = await t.db.kysely.selectFrom('health_checks').select('instance').execute();
    expect(rows).toEqual([{ instance: t.app.readiness.instance }]);
  });
});

describe('a full SQLite file', () => {
  it('logs SQLITE_FULL (not a rollback error), answers 500 with a request id, and is not ready while writes fail', async () => {
    const sink = logSink();
    const t = await testApp(sqliteTestDatabase, { logger: sink.logger });
    try {
      const sqlite = t.db.sqlite!;
      // The database may not grow by a single page: what a full disk does to every new row.
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.pragma(`max_page_count = ${pages + 8}`);
      sqlite.exec('create table filler (b blob)');
      expect(() => {
        for (;;) sqlite.prepare('insert into filler values (randomblob(200))').run();
      }).toThrow(/full/);
      // Corrections fill the free space left in the tables' own pages; one of them needs a new page.
      let res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport() });
      for (let i = 0; i < 200 && res.statusCode !== 500; i++) {
        const rows = [{ id: 'ct-11', value: 'Đang triển khai', note: `Lần ${i} ${'ghi chú '.repeat(60)}` }];
        res = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: clerk, payload: indicatorReport({ rows }) });
        expect([201, 500]).toContain(res.statusCode);
      }
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ error: 'internal', requestId: expect.any(String) });
      const failed = sink.lines.find((l) => l.msg === 'request failed') as { err: { code?: string; message: string } } | undefined;
      expect(failed?.err.code).toBe('SQLITE_FULL');
      expect(JSON.stringify(sink.lines)).not.toMatch(/cannot rollback/);
      expect(sqlite.inTransaction).toBe(false);

      const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBe('5');
      // Liveness is not readiness: the process still answers.
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

(postgresUrl ? describe : describe.skip)('a held PostgreSQL lock', () => {
  it('answers not ready within about a second while another session holds the table', async () => {
    const t = await testApp(postgresTestDatabase);
    const holder = new pg.Client({ connectionString: postgresUrl });
    await holder.connect();
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
      await holder.query('begin');
      await holder.query(`lock table ${t.db.schema}.health_checks in access exclusive mode`);
      const started = Date.now();
      const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().reason).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2500);
      await holder.query('rollback');
      // lock_timeout ends the blocked probe; once the lock is gone the instance is ready again.
      await new Promise((r) => setTimeout(r, 200));
      expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
    } finally {
      await holder.end();
      await t.close();
    }
  });
});

describe('isStorageFailure', () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, true],
    [{ code: 'SQLITE_IOERR_WRITE' }, true],
    [{ code: 'SQLITE_READONLY' }, true],
    [{ code: '53100' }, true], // disk_full
    [{ code: '55P03' }, true], // lock_not_available (lock_timeout)
    [{ code: '57014' }, true], // query_canceled (statement_timeout)
    [{ code: '08006' }, true], // connection failure
    [new Error('timeout exceeded when trying to connect'), true],
    [{ code: '23505' }, false], // a unique violation is the request's problem
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    [new Error('boom'), false],
  ])('%j → %s', (error, expected) => expect(isStorageFailure(error)).toBe(expected));
});
