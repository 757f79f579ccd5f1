// The one dialect difference the migrations need: an auto-increment key is SERIAL on PostgreSQL
// and INTEGER PRIMARY KEY AUTOINCREMENT on SQLite.
import { type Kysely, PostgresAdapter } from 'kysely';

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
