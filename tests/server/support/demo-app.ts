// The demo server (`npm run demo`) for a test: the real catalogue, the real sign-in, the demo data
// filled through the routes, and a sign-in header for every demo user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { withAuthOptions } from '../../../src/server/auth/plugin';
import { bootstrap } from '../../../src/server/bootstrap';
import { defaultSeedsDir, loadCatalogues } from '../../../src/server/catalogues';
import { loadConfig } from '../../../src/server/config';
import type { Db } from '../../../src/server/db/connect';
import { prepare } from '../../../src/server/demo';
import type { TestDatabase } from './databases';

export interface DemoApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** The Authorization header of a demo user ("demo.tonghop", "demo.lanhdao", …). */
  as(username: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function demoApp(database: TestDatabase, env: Record<string, string> = {}): Promise<DemoApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
  const db = await database.create();
  const app = await buildApp({
    config: loadConfig({ HTTPS: '0', DATA_DIR: dataDir, DIST_DIR: '/nonexistent', ...env }),
    catalogues: loadCatalogues(defaultSeedsDir),
    openDb: () => db,
    closeDb: false,
    auth: withAuthOptions({ env: { AUTH_SECRET: 'demo-app-test-secret-that-is-long-enough-01' } }),
  });
  await app.ready();
  let printed = '';
  await bootstrap(app, () => undefined);
  await prepare(app, (t) => { printed += t; });
  const passwords = new Map([...printed.matchAll(/^\s+(demo\.\S+)\s.*\s(Demo-\S+)$/gm)].map((m) => [m[1], m[2]]));
  const tokens = new Map<string, Record<string, string>>();
  return {
    app,
    db,
    async as(username) {
      const known = tokens.get(username);
      if (known) return known;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: passwords.get(username) } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
      const header = { authorization: `Bearer ${res.json().token}` };
      tokens.set(username, header);
      return header;
    },
    async close() {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
