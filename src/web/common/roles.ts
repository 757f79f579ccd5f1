// Which pages a user gets, from their roles (the server decides what each may read or write; this
// only chooses what to show). An administrator sees every page.
import type { SessionUser } from '../../client/session';

export type PageId = 'clerk' | 'head' | 'consolidator' | 'admin';
export const PAGES: readonly PageId[] = ['clerk', 'head', 'consolidator', 'admin'];

const ROLE_OF: Readonly<Record<PageId, string>> = { clerk: 'reporter', head: 'approver', consolidator: 'consolidator', admin: 'admin' };

/**
 * @example pagesFor({ roles: [{ role: 'reporter', unitId: 'so-khcn' }] }) // ['clerk']
 */
export function pagesFor(user: Pick<SessionUser, 'roles'>): PageId[] {
  const admin = user.roles.some((r) => r.role === 'admin');
  return PAGES.filter((p) => admin || user.roles.some((r) => r.role === ROLE_OF[p]));
}

/** The units a role's grants name (null: province-wide, or every unit for an administrator). */
export function unitsOfRole(user: Pick<SessionUser, 'roles'>, role: string): Set<string> | null {
  if (user.roles.some((r) => r.role === 'admin')) return null;
  const grants = user.roles.filter((r) => r.role === role);
  if (grants.some((g) => g.unitId === null)) return null;
  return new Set(grants.map((g) => g.unitId as string));
}
