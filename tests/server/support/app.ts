// Builds the app for a test on a fresh database (HTTPS=0, no built add-in), with the test catalogue
// and communes loaded, and closes both afterwards.
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify';
import type { Catalogue } from '../../../src/core/catalogue-types';
import { buildApp } from '../../../src/server/app';
import { catalogueStore } from '../../../src/server/catalogues';
import { loadConfig } from '../../../src/server/config';
import type { Db } from '../../../src/server/db/connect';
import { importUnitsCsv, syncCatalogueUnits } from '../../../src/server/repositories/units';
import { COMMUNES_CSV, testCatalogue } from './catalogue';
import type { TestDatabase } from './databases';
import { testAuth } from './test-auth';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** Moves the server's clock (deadlines). */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function testApp(
  database: TestDatabase,
  opts: {
    readonly auth?: FastifyPluginAsync; readonly env?: Record<string, string>; readonly logger?: FastifyServerOptions['logger'];
    /** The plan served: the small test catalogue unless a suite needs the real plan (seeds/). */
    readonly catalogue?: Catalogue;
  } = {},
): Promise<TestApp> {
  const db = await database.create();
  const now = '2026-03-16T02:00:00.000Z';
  const catalogue = opts.catalogue ?? testCatalogue;
  await syncCatalogueUnits(db.kysely, catalogue, now);
  const imported = await importUnitsCsv(db.kysely, COMMUNES_CSV, { userId: null, now });
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  let clock = new Date(now);
  const config = loadConfig({ HTTPS: '0', PORT: '3000', DIST_DIR: '/nonexistent-dist', DATA_DIR: '/nonexistent-data', ...opts.env });
  const app = await buildApp({
    config,
    catalogues: catalogueStore([catalogue]),
    openDb: () => db,
    closeDb: false,
    auth: opts.auth ?? testAuth,
    clock: () => clock,
    logger: opts.logger,
    // Every JSON answer of every server test is checked against its response schema (src/core/api).
    checkResponses: true,
  });
  await app.ready();
  return {
    app,
    db,
    setNow: (iso) => {
      clock = new Date(iso);
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
