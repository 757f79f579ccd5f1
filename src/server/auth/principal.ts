// Who is calling, and what roles they hold. Roles are scoped to a unit (phân cấp, phân quyền):
// DOMAIN.md §5. The capability table and can() live in ./roles.ts.

export type Role = 'reporter' | 'approver' | 'consolidator' | 'admin';

export interface RoleGrant {
  readonly role: Role;
  /** The unit the role is scoped to; null = province-wide (consolidator at SKHCN level, admin). */
  readonly unitId: string | null;
}

export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly RoleGrant[];
  readonly mustChangePassword: boolean;
  /** How the caller signed in. */
  readonly via: 'local' | 'entra';
}

export type Capability =
  | 'plan.read'
  | 'submission.create'
  | 'submission.read'
  | 'submission.approve'
  | 'submission.return'
  | 'submission.accept'
  | 'submission.reopen'
  | 'provinceReport.write'
  | 'provinceReport.approve'
  | 'apiKeys.manage'
  | 'consolidation.read'
  | 'audit.read'
  | 'units.manage'
  | 'users.manage';

/** What a capability is asked about: the unit a submission belongs to, and for task consolidation
 * the monitoring agencies of the tasks concerned. */
export interface Resource {
  readonly unitId?: string;
  readonly kind?: 'indicators' | 'tasks';
  readonly monitorUnitIds?: readonly string[];
}
