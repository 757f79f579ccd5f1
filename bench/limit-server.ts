// The practical limit of this stack on this machine: a minimal Fastify route that parses the JSON
// body and stores it with one better-sqlite3 insert (WAL, as the server opens its file), nothing
// else. bench:server sends it the same bodies as the real server and prints the ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';

export interface LimitServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLimitServer(): Promise<LimitServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-limit-'));
  const sqlite = new SqliteDatabase(path.join(dir, 'limit.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table bodies (id integer primary key, body text not null)');
  const insert = sqlite.prepare('insert into bodies (body) values (?)');
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.post('/api/submissions', async (request, reply) => {
    const { lastInsertRowid } = insert.run(JSON.stringify(request.body));
    return reply.status(201).send({ id: Number(lastInsertRowid) });
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    close: async () => {
      await app.close();
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
