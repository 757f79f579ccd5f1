// The administrator's routes: users (one-time passwords, roles per unit, disable/enable), the unit
// directory and its CSV import (dry run first), assignment overrides, the audit trail with filters,
// and reopening an approved report with a reason.
import type { ApiClient } from '../../client/api';
import type { FileClient } from '../../client/files';

export interface RoleGrant {
  readonly role: string;
  readonly unitId: string | null;
}

export interface AdminUser {
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly grants: readonly RoleGrant[];
}

export interface AdminUnit {
  readonly id: string;
  readonly name: string;
  readonly level: 'province' | 'commune';
  readonly classes: readonly string[];
}

export interface UnitImportResult {
  readonly dryRun: boolean;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface Override {
  readonly planId: string;
  readonly itemId: string;
  readonly unitId: string;
  readonly effect: 'include' | 'exclude';
  readonly reason: string;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly username?: string | null;
  readonly displayName?: string | null;
  readonly userId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly unitId?: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly unitId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly beforeId?: number;
}

const u = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;
const q = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  return s.toString();
};

export const listUsers = async (api: ApiClient) => (await api.get<{ users: AdminUser[] }>('/api/admin/users')).users;
export const createUser = (api: ApiClient, body: { username: string; displayName: string; grants: RoleGrant[] }) =>
  api.post<{ user: AdminUser; oneTimePassword: string }>('/api/admin/users', body);
export const resetPassword = (api: ApiClient, username: string) => api.post<{ user: AdminUser; oneTimePassword: string }>(`${u(username)}/password-reset`);
export const disableUser = (api: ApiClient, username: string) => api.post(`${u(username)}/disable`);
export const enableUser = (api: ApiClient, username: string) => api.post(`${u(username)}/enable`);
export const grantRole = (files: FileClient, username: string, grant: RoleGrant) => files.send('PUT', `${u(username)}/roles`, grant);
export const revokeRole = (files: FileClient, username: string, grant: RoleGrant) =>
  files.send('DELETE', `${u(username)}/roles?${q({ role: grant.role, unitId: grant.unitId ?? undefined })}`);

export const listUnits = async (api: ApiClient) => (await api.get<{ units: AdminUnit[] }>('/api/admin/units')).units;
export const importUnits = (api: ApiClient, csv: string, dryRun: boolean) => api.post<UnitImportResult>(`/api/admin/units/import?${q({ dryRun: String(dryRun) })}`, { csv });

const overrides = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/assignment-overrides`;
export const listOverrides = async (api: ApiClient, planId: string) => (await api.get<{ overrides: Override[] }>(overrides(planId))).overrides;
export const setOverride = (files: FileClient, planId: string, body: { itemId: string; unitId: string; effect: 'include' | 'exclude'; reason: string }) =>
  files.send('PUT', overrides(planId), body);
export const clearOverride = (files: FileClient, planId: string, itemId: string, unitId: string) => files.send('DELETE', `${overrides(planId)}?${q({ itemId, unitId })}`);

export const listAudit = (api: ApiClient, filter: AuditFilter) =>
  api.get<{ records: AuditRecord[]; nextBeforeId: number | null; total?: number }>(`/api/audit?${q({ limit: 50, ...filter })}`);

export const reopenSubmission = (api: ApiClient, id: string, reason: string, contentHash: string) =>
  api.post(`/api/submissions/${encodeURIComponent(id)}/reopen`, { reason, contentHash });
