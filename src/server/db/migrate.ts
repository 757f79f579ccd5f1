// Numbered migrations, run at every start (Kysely's Migrator, which reports instead of throwing).
// The provider is static – an import per file – so the bundle and tsx need no file-system scan.
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './connect';
import * as m001 from './migrations/001_initial';
import * as m002 from './migrations/002_assignment_overrides';
import * as m004 from './migrations/004_audit_unit';
import * as m005 from './migrations/005_province_report';
import * as m006 from './migrations/006_health_checks';
import * as m007 from './migrations/007_sign_in_and_sessions';
import * as m009 from './migrations/009_revision_cells';
import * as m010 from './migrations/010_revision_answers';

const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_assignment_overrides': m002,
  '004_audit_unit': m004,
  '005_province_report': m005,
  '006_health_checks': m006,
  '007_sign_in_and_sessions': m007,
  '009_revision_cells': m009,
  '010_revision_answers': m010,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database up to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    // Migrations numbered in parallel branches (003…008) may reach a database out of order.
    allowUnorderedMigrations: true,
    // On PostgreSQL the bookkeeping tables must be looked up in our own schema, not any schema.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks its bookkeeping tables up across every schema; a schema dropped by someone else
  // at that moment (3F000, test suites side by side on one server) fails the look-up, not ours.
  for (let attempt = 1; attempt < 4 && error && (error as { code?: string }).code === '3F000' && !results?.length; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
