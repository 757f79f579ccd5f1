// The consolidator's actions without React: the choices (plans, periods), and "Tổng hợp" / "Làm mới" –
// fetch the consolidation the server allows this user (a monitoring agency gets only its tasks), build
// the sheet spec, draw it in Excel (waiting out cell-edit mode). Failures come back as Vietnamese text.
import { ApiError, type ApiClient } from '../../../client/api';
import { consolidation, periods as fetchPeriods, plan as fetchPlan, plans as fetchPlans } from '../../../client/endpoints';
import type { Group, PlanDocument } from '../../../core/catalogue-types';
import { buildConsolidationSheet, type ConsolidationData } from '../../../core/consolidation-sheet';
import type { ExcelConsolidation } from '../../../office/excel/consolidation-index';
import type { WaitingState } from '../../../office/excel/errors';
import { currentPlanId } from '../../../core/plan-choice';
import { planText } from '../../../text/plans';
import { defaultPeriod } from '../clerk/clerk-setup';

export type Kind = ConsolidationData['kind'];

export interface Choice {
  readonly planId: string;
  readonly period: string;
  readonly kind: Kind;
}

export interface PlanOption {
  readonly planId: string;
  readonly title: string;
  readonly periods: readonly { readonly id: string; readonly label: string; readonly code: string; readonly deadline: string }[];
  readonly groups: Readonly<Record<Kind, readonly Group[]>>;
  /** Named in the sheet's title, as in the .xlsx export. */
  readonly document: Pick<PlanDocument, 'number' | 'issuedOn' | 'title'>;
}

export interface Deps {
  readonly api: ApiClient;
  readonly excel: ExcelConsolidation;
  readonly onWaiting?: (state: WaitingState | null) => void;
}

const message = (e: unknown): string => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/** Plans with their periods and group titles (for the per-group table and chart). */
export async function loadPlans(api: ApiClient): Promise<PlanOption[]> {
  const { plans } = await fetchPlans(api);
  return Promise.all(plans.map(async (p) => {
    const [periods, plan] = await Promise.all([fetchPeriods(api, p.planId), fetchPlan(api, p.planId)]);
    return {
      planId: p.planId, title: planText.choice(p.number, p.title), periods: periods.periods.map((x) => ({ id: x.id, label: x.label, code: x.code, deadline: x.deadline })),
      groups: { indicators: plan.catalogue.indicatorGroups, tasks: plan.catalogue.taskGroups },
      document: plan.catalogue.document,
    };
  }));
}

/**
 * The picker's first choice: the plan of the period being reported now and that period (a server
 * may hold a province's 2026 and 2027 plans side by side), indicators first.
 */
export function initialChoice(plans: readonly PlanOption[], today: string): Choice | null {
  const planId = currentPlanId(plans, today);
  const plan = plans.find((p) => p.planId === planId);
  if (!plan) return null;
  return { planId: plan.planId, period: defaultPeriod(plan.periods, today) ?? plan.periods[0]?.id ?? '', kind: 'indicators' };
}

export type Outcome =
  | {
    readonly ok: true; readonly sheetName: string; readonly refreshed: boolean; readonly units: number; readonly missing: number; readonly items: number;
    /** Each expected unit's report and the province's word on it: the acceptance list (acceptance-flow.ts). */
    readonly unitStates: ConsolidationData['units'];
  }
  | { readonly ok: false; readonly message: string };

/**
 * "Tổng hợp" (a new sheet) and "Làm mới" (the same sheet, refreshed in place): one function, since
 * the sheet is found by its name (plan appendix and period).
 * @example const r = await consolidate({ api, excel: excelConsolidation }, { planId, period: '2026-Q1', kind: 'indicators' }, { groups: plan.groups.indicators, document: plan.document })
 */
export async function consolidate(
  deps: Deps,
  choice: Choice,
  sheet: { readonly groups: readonly Group[]; readonly document?: PlanOption['document'] },
): Promise<Outcome> {
  let data: ConsolidationData;
  try {
    data = await consolidation(deps.api, { planId: choice.planId, period: choice.period, kind: choice.kind });
  } catch (e) {
    return { ok: false, message: message(e) };
  }
  const spec = buildConsolidationSheet(data, sheet);
  const r = await deps.excel.withCellEditRetry(() => deps.excel.writeConsolidation(spec), { onWaiting: deps.onWaiting });
  if (!r.ok) return { ok: false, message: r.error.message };
  return {
    ok: true, sheetName: r.value.sheetName, refreshed: r.value.refreshed, units: data.summary.expected, missing: data.summary.missing,
    items: data.kind === 'indicators' ? data.indicators.length : data.tasks.length, unitStates: data.units,
  };
}

/** Whether the user holds a role that may consolidate (the server decides what they see). */
export const mayConsolidate = (roles: readonly { readonly role: string }[]): boolean => roles.some((r) => r.role === 'consolidator' || r.role === 'admin');
