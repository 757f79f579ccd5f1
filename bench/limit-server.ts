// The practical limit of this stack on this machine: a minimal Fastify route that parses the JSON
// body and stores it with one better-sqlite3 insert (WAL, synchronous=NORMAL, as the server opens
// its file), nothing else. bench:server sends it the same bodies as the real server and prints the
// ratio. Like the real server it runs in a child process with plain node (compiled by esbuild), so
// both are measured alike: wall-clock rate, latency, and CPU time of the server process per request.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { buildSync } from 'esbuild';
import Fastify from 'fastify';
import { NODE_FLAGS } from '../scripts/node-flags';

export interface LimitServer {
  readonly url: string;
  readonly pid: number;
  close(): Promise<void>;
}

/** The limit in this process; the child's entry point (main below). */
export async function serveLimit(): Promise<{ url: string; close(): Promise<void> }> {
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
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      await app.close();
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Compiles this file (esbuild) and starts it as a child process; resolves when it listens. */
export async function startLimitServer(): Promise<LimitServer> {
  // Inside the project, so the child finds fastify and better-sqlite3 in node_modules.
  const dir = path.resolve(__dirname, '..', '.cache', `bench-limit-${process.pid}`);
  const entry = path.join(dir, 'limit.js');
  buildSync({ entryPoints: [__filename], outfile: entry, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  // Run as the real server is (scripts/node-flags.js): the same heap settings for both.
  const child = spawn(process.execPath, [...NODE_FLAGS, entry], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, BENCH_LIMIT_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = /^(http:\S+)\n/m.exec(out);
      if (line) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`the limit server exited (${code}): ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.env.BENCH_LIMIT_CHILD === '1' && require.main === module) {
  void serveLimit().then(({ url, close }) => {
    process.stdout.write(`${url}\n`);
    process.once('SIGTERM', () => void close().then(() => process.exit(0)));
  });
}
