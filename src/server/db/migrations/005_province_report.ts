// The province's side of the cycle (docs/province-report.md): acceptance of units' approved reports,
// the consolidated report with its revisions and approval, verification codes printed on every
// report document, and the API keys the IOC reads the open feed with.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time: they must not follow later changes of Database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // What the province did with the unit's approved report: 'accepted' | 'reopened' | null. Kept
  // beside the head's status so one row tells the consolidation both.
  await db.schema.alterTable('submissions').addColumn('province_state', 'text').execute();
  await db.schema.alterTable('submissions').addColumn('province_comment', 'text').execute();

  await db.schema
    .createTable('province_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    /** 'draft' | 'approved' | 'returned' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_revision', 'integer', (c) => c.notNull())
    .addColumn('approved_revision', 'integer')
    .addColumn('approved_hash', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('province_reports_plan_period', ['plan_id', 'period'])
    .execute();

  await db.schema
    .createTable('province_report_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('province_reports.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('province_report_revisions_report_revision', ['report_id', 'revision'])
    .execute();

  await db.schema
    .createTable('verification_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    /** 'unit' (a submission revision) | 'province' (a consolidated report revision) */
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    /** sha256 of the document's text before its verification block: an edited document no longer matches */
    .addColumn('document_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('verification_codes_document', ['document', 'ref_id', 'revision', 'document_hash'])
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** sha256 hex of the key; the key itself is shown once, when issued */
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['api_keys', 'verification_codes', 'province_report_revisions', 'province_reports']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('submissions').dropColumn('province_comment').execute();
  await db.schema.alterTable('submissions').dropColumn('province_state').execute();
}
