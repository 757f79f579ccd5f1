// The administrator's routes: users (one-time passwords, roles per unit, disable/enable), the unit
// directory and its CSV import (dry run first), assignment overrides, the audit trail with filters,
// and reopening an approved report with a reason. Every call goes through the typed endpoints
// (src/client/endpoints.ts); the shapes are the contract's (src/core/api/admin.ts).
import type { ApiClient } from '../../client/api';
import * as endpoints from '../../client/endpoints';
import type { AuditQuery, CreateUserBody } from '../../core/api/admin';

export type { AdminUnit, AdminUser, AuditRecord, StoredOverride as Override, UnitImportResult } from '../../core/api/admin';

export interface RoleGrant {
  readonly role: NonNullable<CreateUserBody['grants']>[number]['role'];
  readonly unitId: string | null;
}

export type AuditFilter = Pick<AuditQuery, 'actor' | 'unitId' | 'action' | 'from' | 'to' | 'beforeId'>;

export const listUsers = async (api: ApiClient) => (await endpoints.adminUsers(api)).users;
export const createUser = (api: ApiClient, body: { username: string; displayName: string; grants: RoleGrant[] }) => endpoints.createUser(api, body);
export const resetPassword = (api: ApiClient, username: string) => endpoints.resetPassword(api, username);
export const disableUser = (api: ApiClient, username: string) => endpoints.disableUser(api, username);
export const enableUser = (api: ApiClient, username: string) => endpoints.enableUser(api, username);
export const grantRole = (api: ApiClient, username: string, grant: RoleGrant) => endpoints.grantRole(api, username, { role: grant.role, unitId: grant.unitId });
export const revokeRole = (api: ApiClient, username: string, grant: RoleGrant) =>
  endpoints.revokeRole(api, username, { role: grant.role, unitId: grant.unitId ?? undefined });

export const listUnits = async (api: ApiClient) => (await endpoints.adminUnits(api)).units;
export const importUnits = (api: ApiClient, csv: string, dryRun: boolean) => endpoints.importUnits(api, csv, { dryRun });

export const listOverrides = async (api: ApiClient, planId: string) => (await endpoints.listOverrides(api, planId)).overrides;
export const setOverride = (api: ApiClient, planId: string, body: { itemId: string; unitId: string; effect: 'include' | 'exclude'; reason: string }) =>
  endpoints.setOverride(api, planId, body);
export const clearOverride = (api: ApiClient, planId: string, itemId: string, unitId: string) => endpoints.clearOverride(api, planId, { itemId, unitId });

/** A page of 50 records, newest first. */
export const listAudit = (api: ApiClient, filter: AuditFilter) =>
  endpoints.audit(api, { limit: 50, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) });

export const reopenSubmission = (api: ApiClient, id: string, reason: string, contentHash: string) => endpoints.reopenSubmission(api, id, { reason, contentHash });
