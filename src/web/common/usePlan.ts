// The plan a page works on: the list of plans (newest first), the chosen one with its units and
// periods, and the chosen period (the one being reported now by default).
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../client/api';
import { vietnamToday } from '../../client/today';
import { defaultPeriod } from '../../core/plan-choice';
import { getPlan, listPlans, type PlanDetail, type PlanSummary } from '../data/plans';

export interface PlanState {
  readonly plans: readonly PlanSummary[] | null;
  readonly planId: string;
  readonly setPlanId: (id: string) => void;
  readonly plan: PlanDetail | null;
  readonly period: string;
  readonly setPeriod: (id: string) => void;
  readonly error: string | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function usePlan(api: ApiClient): PlanState {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [planId, setPlanId] = useState('');
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [period, setPeriod] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listPlans(api).then((list) => {
      setPlans(list);
      setPlanId((id) => id || (list[0]?.planId ?? ''));
    }, (e) => setError(message(e)));
  }, [api]);
  useEffect(() => {
    if (!planId) return;
    let live = true;
    setPlan(null);
    getPlan(api, planId).then((p) => {
      if (!live) return;
      setPlan(p);
      setPeriod((old) => (p.periods.some((x) => x.id === old) ? old : defaultPeriod(p.periods, vietnamToday()) ?? ''));
    }, (e) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, [api, planId]);
  return { plans, planId, setPlanId, plan, period, setPeriod, error };
}
