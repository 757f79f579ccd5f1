// What the clerk picks before any Excel action: the plan (from the server), a unit among those their
// roles let them report for (phân quyền, DOMAIN.md §5), and a report period (DOMAIN.md §4).
import type { Catalogue, Unit } from '../../../core/catalogue-types';
import type { ApiClient } from '../../../client/api';
import { periods as fetchPeriods, plan as fetchPlan, plans as fetchPlans } from '../../../client/endpoints';
import { strings } from '../../../text/strings';

/** A unit as GET /api/plans/:planId lists it: with the ids the server assigns it (admin overrides included). */
export interface PlanUnit extends Unit {
  readonly indicators: readonly string[];
  readonly tasks: readonly string[];
}

export interface PeriodChoice {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** Last day to submit on time (ISO date). */
  readonly deadline: string;
}

export interface PlanContext {
  readonly catalogue: Catalogue;
  readonly units: readonly PlanUnit[];
  readonly periods: readonly PeriodChoice[];
}

/** The newest plan the server holds (a new plan comes every year), with its units and periods. */
export async function loadPlanContext(api: ApiClient): Promise<PlanContext> {
  const { plans } = await fetchPlans(api);
  if (plans.length === 0) throw new Error(strings.clerkFlow.noPlan);
  const newest = [...plans].sort((a, b) => b.planYear - a.planYear)[0];
  const [plan, periods] = await Promise.all([fetchPlan(api, newest.planId), fetchPeriods(api, newest.planId)]);
  return { catalogue: plan.catalogue, units: plan.units, periods: periods.periods };
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

/**
 * The period a clerk most likely reports now: the first quarter whose submission deadline has not
 * passed (reports are made after the cut-off, DOMAIN.md §4); the last quarter after the year's end.
 * @example defaultPeriod(periods, '2026-03-18') // '2026-Q1' (cut-off 14/03, deadline a few days later)
 */
export function defaultPeriod(periods: readonly PeriodChoice[], today: string): string | null {
  const quarters = periods.filter((p) => p.code.startsWith('Q'));
  const list = quarters.length > 0 ? quarters : periods;
  return (list.find((p) => p.deadline >= today) ?? list[list.length - 1])?.id ?? null;
}

/** Today's date in Vietnam (UTC+7), as an ISO date. */
export const vietnamToday = (now: Date = new Date()): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
