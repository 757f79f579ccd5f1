// Which plan a picker opens on when a server holds several (a province's 2026 and 2027 plans):
// the plan of the period being reported now – not simply the newest. In December a 2027 plan is
// already loaded while every unit is still reporting the 2026 fourth quarter (reports are made
// after the cut-off, until the submission deadline: docs/catalogue.md, "Several plans").

export interface PlanPeriods {
  readonly planId: string;
  /** The plan's report periods as GET /api/periods lists them. */
  readonly periods: readonly { readonly id: string; readonly code: string; readonly deadline: string }[];
}

/**
 * The plan holding the first report period (by submission deadline, over every plan; the server
 * lists only the periods of each plan's reporting scheme) whose deadline is today or later; after
 * every deadline, the plan with the last one; null without plans.
 * @example currentPlanId([p2026, p2027], '2026-12-16') // p2026: its Q4 report is due a few days after 14/12
 * @example currentPlanId([p2026, p2027], '2027-01-05') // p2027
 */
export function currentPlanId(plans: readonly PlanPeriods[], today: string): string | null {
  const quarters = plans
    .flatMap((p) => p.periods.map((x) => ({ planId: p.planId, deadline: x.deadline })))
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  const due = quarters.find((q) => q.deadline >= today) ?? quarters[quarters.length - 1];
  return due?.planId ?? plans[0]?.planId ?? null;
}

/**
 * The period a clerk most likely reports now: the first period of the plan's reporting scheme (the
 * server lists only those, docs/figures.md) whose submission deadline has not passed – reports are
 * made after the cut-off; the last one after the year's end; null without periods.
 * @example defaultPeriod(periods, '2026-03-18') // '2026-Q1' (cut-off 14/03, deadline a few days later)
 * @example defaultPeriod(periods, '2026-11-29') // '2026-Y' with the default scheme Q1, H1, 9M, Y
 */
export function defaultPeriod(periods: readonly { readonly id: string; readonly deadline: string }[], today: string): string | null {
  return (periods.find((p) => p.deadline >= today) ?? periods[periods.length - 1])?.id ?? null;
}
