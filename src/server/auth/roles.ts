// Who may do what (DOMAIN.md §5, phân cấp, phân quyền): roles as data, one can() (STYLE.md §9,
// after tldraw's roles.ts). Every route asks can(); anything not in the table is refused.
import type { Capability, Principal, Resource, Role, RoleGrant } from './principal';

/**
 * How far a grant reaches for one capability:
 * - 'unit': only resources of the grant's own unit (a grant without a unit reaches nothing);
 * - 'monitored': province-wide when the grant has no unit; otherwise only task reports whose tasks
 *   the grant's unit monitors (cơ quan theo dõi);
 * - 'global': everything, for province-wide grants only.
 */
type Scope = 'unit' | 'monitored' | 'global';

export const ROLES: readonly Role[] = ['reporter', 'approver', 'consolidator', 'admin'];

export const CAPABILITIES: readonly Capability[] = [
  'plan.read',
  'submission.create',
  'submission.read',
  'submission.approve',
  'submission.return',
  'submission.accept',
  'submission.reopen',
  'provinceReport.write',
  'provinceReport.approve',
  'apiKeys.manage',
  'consolidation.read',
  'audit.read',
  'units.manage',
  'users.manage',
];

/** The capability table. */
const TABLE: Readonly<Record<Role, Partial<Readonly<Record<Capability, Scope>>>>> = {
  reporter: { 'submission.create': 'unit', 'submission.read': 'unit' },
  // The head of Sở KH&CN approves the consolidated report: asked with Sở KH&CN's unit as the resource.
  approver: { 'submission.read': 'unit', 'submission.approve': 'unit', 'submission.return': 'unit', 'provinceReport.approve': 'unit' },
  consolidator: {
    'consolidation.read': 'monitored', 'submission.read': 'monitored',
    // The province accepts or sends back units' approved reports (a monitoring agency: its task reports).
    'submission.accept': 'monitored', 'submission.reopen': 'monitored',
    // Sở KH&CN's consolidated report: province-wide consolidators write it.
    'provinceReport.write': 'global',
  },
  admin: Object.fromEntries(CAPABILITIES.map((c) => [c, 'global'])),
};

/** Capabilities every signed-in user holds, with or without a role (reading the plan is public to staff). */
const SIGNED_IN: ReadonlySet<Capability> = new Set<Capability>(['plan.read']);

/** Roles whose grant names a unit; a consolidator may be either (province-wide or a monitoring agency). */
export function roleNeedsUnit(role: Role): 'required' | 'optional' | 'forbidden' {
  return role === 'reporter' || role === 'approver' ? 'required' : role === 'consolidator' ? 'optional' : 'forbidden';
}

export const isRole = (x: unknown): x is Role => typeof x === 'string' && (ROLES as readonly string[]).includes(x);

function grantAllows(grant: RoleGrant, capability: Capability, resource: Resource | undefined): boolean {
  const scope: Scope | undefined = Object.hasOwn(TABLE, grant.role) ? TABLE[grant.role][capability] : undefined;
  switch (scope) {
    case 'global':
      return grant.unitId === null;
    case 'unit':
      return grant.unitId !== null && resource?.unitId === grant.unitId;
    case 'monitored':
      if (grant.unitId === null) return true;
      return resource?.kind === 'tasks' && (resource.monitorUnitIds ?? []).includes(grant.unitId);
    default:
      return false;
  }
}

/**
 * Whether the principal may use the capability on the resource. Without a resource only grants that
 * reach everything count: a route about one unit must say which unit, or it is refused.
 * @example can(clerkOfA, 'submission.create', { unitId: 'A' }) // true; { unitId: 'B' } → false
 */
export function can(principal: Principal | null | undefined, capability: Capability, resource?: Resource): boolean {
  if (!principal || principal.mustChangePassword) return false;
  if (SIGNED_IN.has(capability)) return true;
  return principal.grants.some((g) => grantAllows(g, capability, resource));
}

/**
 * Whether the principal holds the capability for at least one unit: for list routes, which then
 * filter rows with visibleUnitIds()/monitoringUnitIds().
 */
export function canForSomeUnit(principal: Principal | null | undefined, capability: Capability): boolean {
  if (!principal || principal.mustChangePassword) return false;
  if (SIGNED_IN.has(capability)) return true;
  return principal.grants.some((g) => {
    if (g.unitId === null) return grantAllows(g, capability, undefined);
    return grantAllows(g, capability, { unitId: g.unitId, kind: 'tasks', monitorUnitIds: [g.unitId] });
  });
}

/**
 * The units whose rows the principal may see for a capability: 'all', or the units of its own-unit
 * grants. Task reports visible through monitoring are listed separately by monitoringUnitIds().
 * @example visibleUnitIds(clerkOfA) // ['A']
 */
export function visibleUnitIds(principal: Principal | null | undefined, capability: Capability = 'submission.read'): 'all' | readonly string[] {
  if (!principal || principal.mustChangePassword) return [];
  if (can(principal, capability)) return 'all';
  const units = principal.grants
    .filter((g) => g.unitId !== null && grantAllows(g, capability, { unitId: g.unitId }))
    .map((g) => g.unitId as string);
  return [...new Set(units)];
}

/**
 * The monitoring agencies through which the principal sees task reports (kind 'tasks') of other
 * units: a task row is visible when its monitoring units include one of these.
 */
export function monitoringUnitIds(principal: Principal | null | undefined, capability: Capability = 'submission.read'): readonly string[] {
  if (!principal || principal.mustChangePassword) return [];
  const units = principal.grants
    .filter((g) => g.unitId !== null && grantAllows(g, capability, { kind: 'tasks', monitorUnitIds: [g.unitId] }))
    .map((g) => g.unitId as string);
  return [...new Set(units)];
}
