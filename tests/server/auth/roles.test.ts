import type { Capability, Principal, RoleGrant } from '../../../src/server/auth/principal';
import { CAPABILITIES, can, canForSomeUnit, monitoringUnitIds, visibleUnitIds } from '../../../src/server/auth/roles';

// Units from the plan: Sở Tài chính (A), Sở Y tế (B), and the monitoring agency Sở KH&CN (SKHCN).
const A = 'so-tai-chinh';
const B = 'so-y-te';
const principal = (grants: RoleGrant[], mustChangePassword = false): Principal => ({
  userId: 'u', username: 'u', displayName: 'U', grants, mustChangePassword, via: 'local',
});

const who = {
  'reporter of A': principal([{ role: 'reporter', unitId: A }]),
  'approver of A': principal([{ role: 'approver', unitId: A }]),
  'province consolidator': principal([{ role: 'consolidator', unitId: null }]),
  'consolidator of agency A': principal([{ role: 'consolidator', unitId: A }]),
  admin: principal([{ role: 'admin', unitId: null }]),
  'no role': principal([]),
} as const;
type Who = keyof typeof who;

/** Expected answers for a resource of unit A (own) and unit B (other), indicator reports. */
const Y = true;
const N = false;
const expected: Record<Who, Record<Capability, [own: boolean, other: boolean]>> = {
  'reporter of A': { 'plan.read': [Y, Y], 'submission.create': [Y, N], 'submission.read': [Y, N], 'submission.approve': [N, N], 'submission.return': [N, N], 'consolidation.read': [N, N], 'audit.read': [N, N], 'units.manage': [N, N], 'users.manage': [N, N], 'submission.accept': [N, N], 'submission.reopen': [N, N], 'provinceReport.write': [N, N], 'provinceReport.approve': [N, N], 'apiKeys.manage': [N, N] },
  'approver of A': { 'plan.read': [Y, Y], 'submission.create': [N, N], 'submission.read': [Y, N], 'submission.approve': [Y, N], 'submission.return': [Y, N], 'consolidation.read': [N, N], 'audit.read': [N, N], 'units.manage': [N, N], 'users.manage': [N, N], 'submission.accept': [N, N], 'submission.reopen': [N, N], 'provinceReport.write': [N, N], 'provinceReport.approve': [Y, N], 'apiKeys.manage': [N, N] },
  'province consolidator': { 'plan.read': [Y, Y], 'submission.create': [N, N], 'submission.read': [Y, Y], 'submission.approve': [N, N], 'submission.return': [N, N], 'consolidation.read': [Y, Y], 'audit.read': [N, N], 'units.manage': [N, N], 'users.manage': [N, N], 'submission.accept': [Y, Y], 'submission.reopen': [Y, Y], 'provinceReport.write': [Y, Y], 'provinceReport.approve': [N, N], 'apiKeys.manage': [N, N] },
  // A monitoring agency sees nothing of indicator reports, not even of its own unit, through this grant.
  'consolidator of agency A': { 'plan.read': [Y, Y], 'submission.create': [N, N], 'submission.read': [N, N], 'submission.approve': [N, N], 'submission.return': [N, N], 'consolidation.read': [N, N], 'audit.read': [N, N], 'units.manage': [N, N], 'users.manage': [N, N], 'submission.accept': [N, N], 'submission.reopen': [N, N], 'provinceReport.write': [N, N], 'provinceReport.approve': [N, N], 'apiKeys.manage': [N, N] },
  // Administration is not reporting: no submitting, approving or returning without a unit role.
  admin: { 'plan.read': [Y, Y], 'submission.create': [N, N], 'submission.read': [Y, Y], 'submission.approve': [N, N], 'submission.return': [N, N], 'consolidation.read': [Y, Y], 'audit.read': [Y, Y], 'units.manage': [Y, Y], 'users.manage': [Y, Y], 'submission.accept': [Y, Y], 'submission.reopen': [Y, Y], 'provinceReport.write': [Y, Y], 'provinceReport.approve': [N, N], 'apiKeys.manage': [Y, Y] },
  'no role': { 'plan.read': [Y, Y], 'submission.create': [N, N], 'submission.read': [N, N], 'submission.approve': [N, N], 'submission.return': [N, N], 'consolidation.read': [N, N], 'audit.read': [N, N], 'units.manage': [N, N], 'users.manage': [N, N], 'submission.accept': [N, N], 'submission.reopen': [N, N], 'provinceReport.write': [N, N], 'provinceReport.approve': [N, N], 'apiKeys.manage': [N, N] },
};

const cases = (Object.keys(who) as Who[]).flatMap((w) =>
  CAPABILITIES.flatMap((c) => [
    [w, c, 'own unit', A, expected[w][c][0]] as const,
    [w, c, 'other unit', B, expected[w][c][1]] as const,
  ]),
);

describe('can()', () => {
  it.each(cases)('%s · %s · %s → %s', (w, capability, _label, unitId, answer) => {
    expect(can(who[w], capability, { unitId, kind: 'indicators' })).toBe(answer);
  });

  it('covers every capability in the table', () => {
    expect(Object.keys(expected['admin']).sort()).toEqual([...CAPABILITIES].sort());
  });

  describe('a monitoring agency sees task reports of the tasks it monitors, anywhere', () => {
    const agency = who['consolidator of agency A'];
    it.each([
      ['submission.read', { unitId: B, kind: 'tasks', monitorUnitIds: [A, 'so-khcn'] }, true],
      ['consolidation.read', { kind: 'tasks', monitorUnitIds: [A] }, true],
      ['submission.read', { unitId: B, kind: 'tasks', monitorUnitIds: ['so-khcn'] }, false],
      ['submission.read', { unitId: B, kind: 'indicators', monitorUnitIds: [A] }, false],
      ['consolidation.read', { kind: 'tasks' }, false],
      ['consolidation.read', undefined, false],
      ['submission.approve', { unitId: B, kind: 'tasks', monitorUnitIds: [A] }, false],
    ] as const)('%s %j → %s', (capability, resource, answer) => {
      expect(can(agency, capability as Capability, resource)).toBe(answer);
    });
  });

  it.each([
    ['nobody', null],
    ['a principal who must change the password', principal([{ role: 'admin', unitId: null }], true)],
  ])('refuses everything to %s', (_name, p) => {
    for (const c of CAPABILITIES) expect(can(p, c, { unitId: A })).toBe(false);
  });

  it('refuses unknown capabilities and unknown roles', () => {
    expect(can(who.admin, 'submission.delete' as Capability)).toBe(false);
    expect(can(who.admin, 'toString' as Capability)).toBe(false);
    expect(can(principal([{ role: 'superuser' as 'admin', unitId: null }]), 'audit.read')).toBe(false);
    expect(can(principal([{ role: 'constructor' as 'admin', unitId: null }]), 'audit.read')).toBe(false);
  });

  it('refuses a unit-scoped capability when the route names no unit', () => {
    expect(can(who['reporter of A'], 'submission.create')).toBe(false);
    expect(can(who['approver of A'], 'submission.approve', {})).toBe(false);
    // a malformed grant (reporter without a unit) reaches nothing
    expect(can(principal([{ role: 'reporter', unitId: null }]), 'submission.create', { unitId: A })).toBe(false);
  });
});

describe('list helpers', () => {
  it('canForSomeUnit: a clerk may list, a role-less user may not', () => {
    expect(canForSomeUnit(who['reporter of A'], 'submission.read')).toBe(true);
    expect(canForSomeUnit(who['consolidator of agency A'], 'consolidation.read')).toBe(true);
    expect(canForSomeUnit(who['no role'], 'submission.read')).toBe(false);
    expect(canForSomeUnit(who['reporter of A'], 'submission.approve')).toBe(false);
  });

  it('visibleUnitIds and monitoringUnitIds', () => {
    const both = principal([
      { role: 'reporter', unitId: A },
      { role: 'approver', unitId: A },
      { role: 'approver', unitId: B },
      { role: 'consolidator', unitId: 'so-khcn' },
    ]);
    expect(visibleUnitIds(both)).toEqual([A, B]);
    expect(visibleUnitIds(both, 'submission.create')).toEqual([A]);
    expect(monitoringUnitIds(both)).toEqual(['so-khcn']);
    expect(visibleUnitIds(who['province consolidator'])).toBe('all');
    expect(visibleUnitIds(who.admin, 'submission.read')).toBe('all');
    expect(visibleUnitIds(who['no role'])).toEqual([]);
    expect(visibleUnitIds(null)).toEqual([]);
  });
});
