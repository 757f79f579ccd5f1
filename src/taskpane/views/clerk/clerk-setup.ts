// What the clerk picks before any Excel action: the plan (from the server), a unit among those their
// roles let them report for (phân quyền, docs/domain.md §5), and a report period (docs/domain.md §4).
import type { PeriodInfo, PlanUnit } from '../../../core/api/catalogue';
import type { Catalogue } from '../../../core/catalogue-types';
import { currentPlanId } from '../../../core/plan-choice';
import { vietnamToday } from '../../../client/today';
import type { ApiClient } from '../../../client/api';
import { periods as fetchPeriods, plan as fetchPlan, plans as fetchPlans } from '../../../client/endpoints';
import { planText } from '../../../text/plans';
import { strings } from '../../../text/strings';

// A unit as GET /api/plans/:planId lists it: with the ids the server assigns it (admin overrides included).
export type { PlanUnit } from '../../../core/api/catalogue';
// Where the taskpane's views have always found them.
export { defaultPeriod } from '../../../core/plan-choice';
export { vietnamToday } from '../../../client/today';

/** A report period as GET /api/periods lists it. */
export type PeriodChoice = PeriodInfo;

export interface PlanContext {
  readonly catalogue: Catalogue;
  readonly units: readonly PlanUnit[];
  readonly periods: readonly PeriodChoice[];
  /** Every plan the server holds, for the picker (shown when there is more than one). */
  readonly plans: readonly { readonly planId: string; readonly label: string }[];
}

/**
 * The plan of the period being reported now (a server may hold several: a new plan comes every
 * year, and in December next year's is loaded while this year's last quarter is still reported),
 * with its units and periods; `planId` when the clerk picked another.
 */
export async function loadPlanContext(api: ApiClient, today: string = vietnamToday(), planId?: string): Promise<PlanContext> {
  const { plans } = await fetchPlans(api);
  if (plans.length === 0) throw new Error(strings.clerkFlow.noPlan);
  const withPeriods = await Promise.all(plans.map(async (p) => ({ planId: p.planId, periods: (await fetchPeriods(api, p.planId)).periods })));
  const chosen = withPeriods.find((p) => p.planId === (planId ?? currentPlanId(withPeriods, today))) ?? withPeriods[0];
  const plan = await fetchPlan(api, chosen.planId);
  const choices = plans.map((p) => ({ planId: p.planId, label: planText.choice(p.number, p.title) }));
  return { catalogue: plan.catalogue, units: plan.units, periods: chosen.periods, plans: choices };
}

/**
 * The units the user may submit for: those of their reporter roles; every unit for an administrator.
 * @example reportingUnits({ roles: [{ role: 'reporter', unitId: 'so-khcn' }] }, units) // [Sở KH&CN]
 */
export function reportingUnits(user: { readonly roles: readonly { readonly role: string; readonly unitId: string | null }[] }, units: readonly PlanUnit[]): PlanUnit[] {
  if (user.roles.some((r) => r.role === 'admin')) return [...units];
  const ids = new Set(user.roles.filter((r) => r.role === 'reporter' && r.unitId !== null).map((r) => r.unitId));
  return units.filter((u) => ids.has(u.id));
}
