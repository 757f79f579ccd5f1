// Sign-in hardening (docs/security.md): the failed sign-in counters live in the database, so every
// server process behind a load balancer counts the same guesses; addresses that signed in to an
// account before are remembered, so guessing from elsewhere never locks out the account holder;
// users.token_version ends every token of a user at once (sign-out, disabling).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_address').on('sign_in_failures').columns(['address', 'at']).execute();
  await db.schema.createIndex('sign_in_failures_account').on('sign_in_failures').columns(['account', 'at']).execute();
  await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').column('at').execute();

  await db.schema
    .createTable('sign_in_known_addresses')
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_known_addresses_pk', ['account', 'address'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sign_in_known_addresses').execute();
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.alterTable('users').dropColumn('token_version').execute();
}
