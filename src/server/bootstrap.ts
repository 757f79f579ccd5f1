// What every start does after the migrations: the plan catalogues' own units are added or refreshed,
// and an empty database gets its administrator (ensureAdmin prints the one-time password once).
import type { FastifyInstance } from 'fastify';
import { ensureAdmin } from './bootstrap-admin';
import { syncCatalogueUnits } from './repositories/units';

export async function bootstrap(app: FastifyInstance, print?: (line: string) => void): Promise<string | null> {
  const now = app.clock().toISOString();
  for (const catalogue of app.catalogues.catalogues.values()) await syncCatalogueUnits(app.db.kysely, catalogue, now);
  return ensureAdmin(app.db.kysely, app.log, print);
}
