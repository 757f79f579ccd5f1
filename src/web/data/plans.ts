// The plans, their units (with what each is assigned) and report periods, as the server gives them.
import type { ApiClient } from '../../client/api';
import { periods as fetchPeriods, plan as fetchPlan, plans as fetchPlans } from '../../client/endpoints';
import type { PeriodInfo, PlanSummary, PlanUnit } from '../../core/api/catalogue';
import type { Catalogue } from '../../core/catalogue-types';

// The shapes are the contract's (src/core/api), not copies of it.
export type { PeriodInfo, PlanSummary, PlanUnit } from '../../core/api/catalogue';

export interface PlanDetail {
  readonly catalogue: Catalogue;
  readonly units: readonly PlanUnit[];
  readonly periods: readonly PeriodInfo[];
}

/** Newest plan first (a new plan comes every year). */
export async function listPlans(api: ApiClient): Promise<PlanSummary[]> {
  const { plans } = await fetchPlans(api);
  return [...plans].sort((a, b) => b.planYear - a.planYear);
}

export async function getPlan(api: ApiClient, planId: string): Promise<PlanDetail> {
  const [plan, periods] = await Promise.all([fetchPlan(api, planId), fetchPeriods(api, planId)]);
  return { catalogue: plan.catalogue, units: plan.units, periods: periods.periods };
}
