// Administration over HTTP (the administrator, role admin): users with one-time passwords, roles per
// unit, disabling; the unit directory and its CSV import with a dry run; assignment overrides; the
// audit trail with filters and paging. Every write is audited as the command line's are.
import { z } from 'zod';
import { endpoint } from './endpoint';
import { errors, PlanParams, UnitIdSchema } from './common';
import { RoleGrantSchema, RoleSchema } from './auth';
import { IssueSchema } from '../schemas';

const Username = z.string().trim().min(2).max(64);
export const UserParams = z.strictObject({ username: Username });

/** A user as the administrator sees it (never a password hash). */
export const AdminUserSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Whether the account can sign in with a password at all (Microsoft-only accounts cannot). */
  hasPassword: z.boolean(),
  entraUpn: z.string().nullable(),
  grants: z.array(RoleGrantSchema),
  createdAt: z.string(),
});

export const CreateUserBodySchema = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  /** Microsoft sign-in as well, by user principal name. */
  entraUpn: z.string().trim().min(3).max(256).optional(),
  /** Roles granted with the account, in the same transaction. */
  grants: z.array(z.strictObject({ role: RoleSchema, unitId: UnitIdSchema.nullable() })).max(50).default([]),
});

/** The account and its one-time password: shown once to the administrator, to be changed at first sign-in. */
export const OneTimePasswordSchema = z.strictObject({ user: AdminUserSchema, oneTimePassword: z.string() });

export const GrantBodySchema = z.strictObject({ role: RoleSchema, unitId: UnitIdSchema.nullable() });
export const RevokeQuerySchema = z.strictObject({ role: RoleSchema, unitId: UnitIdSchema.optional() });
export const UserResponseSchema = z.strictObject({ user: AdminUserSchema, changed: z.boolean() });

export const AdminUnitSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  level: z.enum(['province', 'commune']),
  classes: z.array(z.string()),
  /** 'plan': named in a plan's catalogue; 'csv': loaded by the administrator. */
  source: z.enum(['plan', 'csv']),
  active: z.boolean(),
  updatedAt: z.string(),
});

export const UnitImportQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
/** The CSV text (id,name,level,classes), as the command line's `units import` reads it from a file. */
export const UnitImportBodySchema = z.strictObject({ csv: z.string().min(1).max(1_000_000) });
export const UnitImportResultSchema = z.strictObject({
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Each unit of the file that is (or would be) added or updated. */
  changes: z.array(z.strictObject({ id: z.string(), name: z.string(), change: z.enum(['add', 'update']) })),
});
/** A refused CSV: every bad line, nothing written. */
export const UnitImportRefusalSchema = z.strictObject({ error: z.string(), message: z.string(), issues: z.array(IssueSchema) });

const itemId = z.string().min(1).max(64);
export const OverrideListQuerySchema = z.strictObject({ itemId: itemId.optional() });
export const OverrideBodySchema = z.strictObject({
  itemId,
  unitId: UnitIdSchema,
  effect: z.enum(['include', 'exclude']),
  reason: z.string().trim().min(1).max(1000),
});
export const OverrideKeyQuerySchema = z.strictObject({ itemId, unitId: UnitIdSchema });

export const StoredOverrideSchema = z.strictObject({
  planId: z.string(), itemId: z.string(), unitId: z.string(), effect: z.enum(['include', 'exclude']),
  reason: z.string(), createdBy: z.string(), createdAt: z.string(),
});
const OverrideStateSchema = z.strictObject({
  override: z.strictObject({ effect: z.enum(['include', 'exclude']), reason: z.string(), createdBy: z.string(), createdAt: z.string() }).nullable(),
  /** Whether the plan's own text assigns the item to the unit. */
  plan: z.boolean(),
  /** Whether the unit reports the item after the override. */
  assigned: z.boolean(),
});
export const OverrideChangeSchema = z.strictObject({
  planId: z.string(), itemId: z.string(), unitId: z.string(), changed: z.boolean(), before: OverrideStateSchema, after: OverrideStateSchema,
});

const day = z.iso.date();
export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Paging: records older than this id (the previous page's nextBeforeId). */
  beforeId: z.coerce.number().int().min(1).optional(),
  /** Who: a user name, or an operator label such as "cli:root" or "system". */
  actor: z.string().trim().min(1).max(200).optional(),
  /** The unit a record concerns (its submission, role grant or assignment override). */
  unitId: UnitIdSchema.optional(),
  /** An action ('submission.approve'), or a family of them ending in a dot ('user.'). */
  action: z.string().trim().min(1).max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(200).optional(),
  /** First and last day (inclusive), Việt Nam time. */
  from: day.optional(),
  to: day.optional(),
});

export const AuditRecordSchema = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  /** The acting user's id or operator label, and the user's name when it is a user. */
  userId: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPageSchema = z.strictObject({
  records: z.array(AuditRecordSchema),
  /** Records matching the filters, all pages together. */
  total: z.number().int(),
  /** Pass as beforeId for the next (older) page; null on the last page. */
  nextBeforeId: z.number().int().nullable(),
});

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type AdminUnit = z.infer<typeof AdminUnitSchema>;
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;
export type UnitImportResult = z.infer<typeof UnitImportResultSchema>;
export type StoredOverride = z.infer<typeof StoredOverrideSchema>;
export type OverrideChange = z.infer<typeof OverrideChangeSchema>;
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export type AuditRecord = z.infer<typeof AuditRecordSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

const adminErrors = errors(400, 401, 403, 404);

export const adminEndpoints = {
  listUsers: endpoint({
    method: 'GET', path: '/api/admin/users', tag: 'admin', access: 'admin',
    summary: 'Every user with roles and state',
    responses: { 200: z.strictObject({ users: z.array(AdminUserSchema) }), ...errors(401, 403) },
  }),
  createUser: endpoint({
    method: 'POST', path: '/api/admin/users', tag: 'admin', access: 'admin',
    summary: 'Create a user with a one-time password (and roles); 409 when the name is taken',
    body: CreateUserBodySchema, responses: { 201: OneTimePasswordSchema, ...adminErrors, ...errors(409) },
  }),
  resetPassword: endpoint({
    method: 'POST', path: '/api/admin/users/:username/password-reset', tag: 'admin', access: 'admin',
    summary: 'Replace the password with a one-time password; the user\'s signed-in sessions end',
    params: UserParams, responses: { 200: OneTimePasswordSchema, ...adminErrors },
  }),
  grantRole: endpoint({
    method: 'PUT', path: '/api/admin/users/:username/roles', tag: 'admin', access: 'admin',
    summary: 'Grant a role for a unit (null: province-wide); granting a held role changes nothing',
    params: UserParams, body: GrantBodySchema, responses: { 200: UserResponseSchema, ...adminErrors },
  }),
  revokeRole: endpoint({
    method: 'DELETE', path: '/api/admin/users/:username/roles', tag: 'admin', access: 'admin',
    summary: 'Withdraw a role (unitId absent: the province-wide grant); the last administrator keeps theirs',
    params: UserParams, query: RevokeQuerySchema, responses: { 200: UserResponseSchema, ...adminErrors, ...errors(409) },
  }),
  disableUser: endpoint({
    method: 'POST', path: '/api/admin/users/:username/disable', tag: 'admin', access: 'admin',
    summary: 'Disable an account: it can no longer sign in and its tokens stop working',
    params: UserParams, responses: { 200: UserResponseSchema, ...adminErrors, ...errors(409) },
  }),
  enableUser: endpoint({
    method: 'POST', path: '/api/admin/users/:username/enable', tag: 'admin', access: 'admin',
    summary: 'Enable a disabled account again',
    params: UserParams, responses: { 200: UserResponseSchema, ...adminErrors },
  }),
  listUnits: endpoint({
    method: 'GET', path: '/api/admin/units', tag: 'admin', access: 'admin',
    summary: 'The unit directory, inactive units included',
    responses: { 200: z.strictObject({ units: z.array(AdminUnitSchema) }), ...errors(401, 403) },
  }),
  importUnits: endpoint({
    method: 'POST', path: '/api/admin/units/import', tag: 'admin', access: 'admin',
    summary: 'Load communes and wards from CSV (id,name,level,classes); dryRun=true only reports what would change; 422 lists every bad line',
    query: UnitImportQuerySchema, body: UnitImportBodySchema,
    responses: { 200: UnitImportResultSchema, 422: UnitImportRefusalSchema, ...adminErrors, ...errors(413) },
  }),
  listOverrides: endpoint({
    method: 'GET', path: '/api/plans/:planId/assignment-overrides', tag: 'admin', access: 'admin',
    summary: 'The administrator\'s include / exclude corrections of who reports an indicator or task',
    params: PlanParams, query: OverrideListQuerySchema,
    responses: { 200: z.strictObject({ planId: z.string(), overrides: z.array(StoredOverrideSchema) }), ...adminErrors },
  }),
  setOverride: endpoint({
    method: 'PUT', path: '/api/plans/:planId/assignment-overrides', tag: 'admin', access: 'admin',
    summary: 'Include or exclude one unit for one indicator or task, with a reason',
    params: PlanParams, body: OverrideBodySchema, responses: { 200: OverrideChangeSchema, ...adminErrors },
  }),
  clearOverride: endpoint({
    method: 'DELETE', path: '/api/plans/:planId/assignment-overrides', tag: 'admin', access: 'admin',
    summary: 'Remove an override: the catalogue\'s reading applies again',
    params: PlanParams, query: OverrideKeyQuerySchema, responses: { 200: OverrideChangeSchema, ...adminErrors },
  }),
  audit: endpoint({
    method: 'GET', path: '/api/audit', tag: 'admin', access: 'admin',
    summary: 'The audit trail, newest first: filter by who, unit, action, entity and date range; page with beforeId',
    query: AuditQuerySchema, responses: { 200: AuditPageSchema, ...errors(400, 401, 403) },
  }),
};
