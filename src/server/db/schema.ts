// The database as Kysely sees it. One schema for SQLite and PostgreSQL (docs/architecture.md §8):
// ids are text (uuid), instants are ISO-8601 text in UTC, JSON is stored as text.
// The numbered migrations in src/server/db/migrations/ must create exactly these tables.
import type { Generated } from 'kysely';

export interface UnitTable {
  id: string;
  name: string;
  /** 'province' | 'commune' */
  level: string;
  /** JSON array of class ids */
  classes: string;
  /** 'plan' (named in the plan catalogue) | 'csv' (loaded by the administrator) */
  source: string;
  active: Generated<number>; // 1 | 0
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string; // unique, lower-case
  display_name: string;
  /** scrypt hash "scrypt$N$r$p$salt$hash" (base64); null for Entra-only accounts */
  password_hash: string | null;
  must_change_password: Generated<number>; // 1 | 0
  /** Microsoft Entra object id (oid) and user principal name, for tokens from MSAL */
  entra_oid: string | null;
  entra_upn: string | null;
  disabled: Generated<number>; // 1 | 0
  created_at: string;
  /** Raised by sign-out and disabling: tokens signed under an older version stop working (auth/sessions.ts). */
  token_version: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  /** 'reporter' | 'approver' | 'consolidator' | 'admin' */
  role: string;
  /** the unit the role is scoped to; '' means province-wide (consolidator, admin) */
  unit_id: string;
  granted_at: string;
}

export interface SubmissionTable {
  id: string;
  plan_id: string;
  unit_id: string;
  period: string; // '2026-Q1' …
  kind: string; // 'indicators' | 'tasks'
  /** status of the latest revision: 'submitted' | 'approved' | 'returned' */
  status: string;
  latest_revision: number;
  created_at: string;
  updated_at: string;
  /** What the province did with the approved report: 'accepted' | 'reopened' | null (migration 005). */
  province_state: string | null;
  /** The province's reason when it sent the report back. */
  province_comment: string | null;
}

/** An indicator revision's rows as [ids, value JSON texts, notes] (migration 009, src/server/report-rows.ts). */
export interface RevisionCellsTable {
  revision_id: string;
  cells: string;
}

export interface RevisionTable {
  id: string;
  submission_id: string;
  revision: number; // 1, 2, …
  client_submission_id: string; // unique: a retry is idempotent, a conflicting reuse is refused
  content_hash: string; // sha256 hex of the canonical rows
  rows: string; // JSON, as received (canonical form)
  evaluations: string; // JSON, the server's own evaluation
  late: number; // 1 | 0
  submitted_by: string; // user id
  submitted_at: string;
  /** JSON, the warnings the report was taken with (blank rows…), null when none: with the columns above, the answer a retry gets again (migration 010) */
  warnings: string | null;
}

export interface DecisionTable {
  id: string;
  submission_id: string;
  revision: number;
  /** 'approve' | 'return' */
  action: string;
  content_hash: string;
  comment: string | null;
  decided_by: string;
  decided_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  action: string; // e.g. 'submission.create', 'submission.approve', 'user.add', 'role.grant', 'units.import'
  entity: string; // e.g. 'submission', 'user', 'unit'
  entity_id: string | null;
  /** the unit the record concerns (a submission's, a role grant's, an override's), if one */
  unit_id: string | null;
  before: string | null; // JSON
  after: string | null; // JSON
}

/** An administrator's correction of who reports an indicator or task (docs/domain.md §3, §5). */
export interface AssignmentOverrideTable {
  plan_id: string;
  /** an indicator or task id of the plan's catalogue */
  item_id: string;
  unit_id: string;
  /** 'include' | 'exclude' */
  effect: string;
  reason: string;
  created_by: string; // user id, or "cli:<name>"
  created_at: string;
}

/** 006: one row per instance, rewritten by the readiness probe. */
export interface HealthCheckTable {
  instance: string;
  checked_at: string;
  payload: string;
}

/** One failed (or still being checked) sign-in: the throttle counts these (auth/throttle.ts). */
export interface SignInFailureTable {
  id: string;
  /** the user name as typed, normalised */
  account: string;
  /** the client's address (an IPv6 /64 as one address) */
  address: string;
  at: string;
}

/** An address an account signed in from: guesses from elsewhere cannot lock the account out from here. */
export interface SignInKnownAddressTable {
  account: string;
  address: string;
  last_success_at: string;
}

/** Sở KH&CN's consolidated report for a plan and period (migration 005): a snapshot with revisions. */
export interface ProvinceReportTable {
  id: string;
  plan_id: string;
  period: string;
  /** 'draft' | 'approved' | 'returned' */
  status: string;
  latest_revision: number;
  approved_revision: number | null;
  approved_hash: string | null;
  approved_by: string | null;
  approved_at: string | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProvinceReportRevisionTable {
  id: string;
  report_id: string;
  revision: number;
  content_hash: string; // sha256 hex of the canonical content
  content: string; // JSON: the consolidated report's content
  created_by: string;
  created_at: string;
}

/** A short code printed on a report document, resolving to what it shows (migration 005). */
export interface VerificationCodeTable {
  code: string;
  /** 'unit' | 'province' */
  document: string;
  ref_id: string;
  revision: number;
  content_hash: string;
  /** sha256 of the document's text before its verification block. */
  document_hash: string;
  created_at: string;
}

/** A key the IOC reads the open feed with; stored hashed (migration 005). */
export interface ApiKeyTable {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  submissions: SubmissionTable;
  revisions: RevisionTable;
  revision_cells: RevisionCellsTable;
  decisions: DecisionTable;
  audit: AuditTable;
  assignment_overrides: AssignmentOverrideTable;
  health_checks: HealthCheckTable;
  sign_in_failures: SignInFailureTable;
  sign_in_known_addresses: SignInKnownAddressTable;
  province_reports: ProvinceReportTable;
  province_report_revisions: ProvinceReportRevisionTable;
  verification_codes: VerificationCodeTable;
  api_keys: ApiKeyTable;
}
