// The plans, their units (with what each is assigned) and report periods, as the server gives them.
import type { ApiClient } from '../../client/api';
import type { Catalogue, Unit } from '../../core/catalogue-types';

export interface PlanSummary {
  readonly planId: string;
  readonly number: string;
  readonly title: string;
  readonly planYear: number;
  readonly province: string;
  readonly indicators: number;
  readonly tasks: number;
}

export interface PlanUnit extends Unit {
  readonly indicators: readonly string[];
  readonly tasks: readonly string[];
}

export interface PeriodInfo {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** Last day to submit on time (ISO date). */
  readonly deadline: string;
}

export interface PlanDetail {
  readonly catalogue: Catalogue;
  readonly units: readonly PlanUnit[];
  readonly periods: readonly PeriodInfo[];
}

const id = (planId: string) => encodeURIComponent(planId);

/** Newest plan first (a new plan comes every year). */
export async function listPlans(api: ApiClient): Promise<PlanSummary[]> {
  const { plans } = await api.get<{ plans: PlanSummary[] }>('/api/plans');
  return [...plans].sort((a, b) => b.planYear - a.planYear);
}

export async function getPlan(api: ApiClient, planId: string): Promise<PlanDetail> {
  const [plan, periods] = await Promise.all([
    api.get<{ catalogue: Catalogue; units: PlanUnit[] }>(`/api/plans/${id(planId)}`),
    api.get<{ periods: PeriodInfo[] }>(`/api/periods?planId=${id(planId)}`),
  ]);
  return { catalogue: plan.catalogue, units: plan.units, periods: periods.periods };
}

/** Today's date in Việt Nam (UTC+7), as an ISO date. */
export const vietnamToday = (now: Date = new Date()): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The period most likely reported now: the first of the plan's scheme (the server lists only those)
 * whose deadline has not passed; the last one after the year's end.
 */
export function currentPeriod(periods: readonly PeriodInfo[], today: string): string | null {
  return (periods.find((p) => p.deadline >= today) ?? periods[periods.length - 1])?.id ?? null;
}
