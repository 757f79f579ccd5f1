// One unit's value (or a province figure) against the plan's target (Mục tiêu 2026).
// Source of truth: docs/domain.md §2 – đạt / vượt / chưa đạt / chưa có số liệu, and an
// unreadable input is an input error (a failed Result), never "chưa đạt".
//
// Semantics, on the 0–100 scale:
// - atLeast t ("≥ 70%", bare "95%"):  v < t notMet; v = t met; v > t exceeded (only possible when t < 100).
// - greaterThan t ("> 60%"):          v ≤ t notMet; v > t met (strictly more than is the goal itself).
// - band min–max ("50-80%"):          v < min notMet; min ≤ v ≤ max met; v > max exceeded (still fine).
// - complete / exists / applied:      done / Có / applied → met; anything else → notMet.
// A yes/no-like value against a percentage target counts as 100 % or 0 % (the unit's share); a number
// against a yes/no-like target is met only at 100 %. A count pair of 0 of 0 has no percentage: noData.
// Comparisons allow 1e-9 of rounding noise, so 7 of 10 is exactly "met" against ≥ 70 %.

import type { Indicator, Target } from './catalogue-types';
import { assertNever } from './result';
import { isAffirmative, parseIndicatorValue, valuePercent, type Checked, type ParsedValue, type RawIndicatorInput } from './values';

/** 'manual': the target is kept as text (not a form the grammar reads): a person judges the figure. */
export type Evaluation = 'met' | 'exceeded' | 'notMet' | 'noData' | 'manual';

export const EVALUATION_LABELS: Readonly<Record<Evaluation, string>> = {
  met: 'Đạt',
  exceeded: 'Vượt',
  notMet: 'Chưa đạt',
  noData: 'Chưa có số liệu',
  manual: 'Đánh giá thủ công',
};

const EPSILON = 1e-9;

/** A figure to evaluate: a percentage, or a yes/no-like outcome. */
export type Measure = { readonly kind: 'percent'; readonly percent: number } | { readonly kind: 'affirmative'; readonly yes: boolean };

/**
 * A measure against a target (shared by unit and province evaluation).
 * @example evaluateMeasure({ kind: 'atLeast', value: 70, explicit: true }, { kind: 'percent', percent: 72 }) === 'exceeded'
 */
export function evaluateMeasure(target: Target, measure: Measure | null): Evaluation {
  if (measure === null) return 'noData';
  switch (target.kind) {
    case 'atLeast': {
      const v = asPercent(measure);
      if (v < target.value - EPSILON) return 'notMet';
      return v > target.value + EPSILON ? 'exceeded' : 'met';
    }
    case 'greaterThan':
      return asPercent(measure) > target.value + EPSILON ? 'met' : 'notMet';
    case 'band': {
      const v = asPercent(measure);
      if (v < target.min - EPSILON) return 'notMet';
      return v > target.max + EPSILON ? 'exceeded' : 'met';
    }
    case 'complete':
    case 'exists':
    case 'applied':
      return (measure.kind === 'affirmative' ? measure.yes : measure.percent >= 100 - EPSILON) ? 'met' : 'notMet';
    case 'manual':
      return 'manual';
    default:
      return assertNever(target);
  }
}

function asPercent(m: Measure): number {
  return m.kind === 'percent' ? m.percent : m.yes ? 100 : 0;
}

/** The measure a unit's value stands for; null when it has none (blank, or 0 of 0). */
export function measureOf(value: ParsedValue | null): Measure | null {
  if (value === null) return null;
  if (value.kind === 'rate' || value.kind === 'countPair') {
    const percent = valuePercent(value);
    return percent === null ? null : { kind: 'percent', percent };
  }
  return { kind: 'affirmative', yes: isAffirmative(value) };
}

/**
 * One unit's parsed value against a target. A blank value (null) is "Chưa có số liệu".
 * @example evaluateValue({ kind: 'band', min: 50, max: 80 }, { kind: 'rate', percent: 85 }) === 'exceeded'
 * @example evaluateValue({ kind: 'complete' }, { kind: 'status', status: 'inProgress' }) === 'notMet'
 */
export function evaluateValue(target: Target, value: ParsedValue | null): Evaluation {
  return evaluateMeasure(target, measureOf(value));
}

/** A unit's input read and evaluated. */
export interface UnitEvaluation {
  readonly value: ParsedValue | null;
  readonly evaluation: Evaluation;
}

/**
 * Reads what a unit typed for an indicator and evaluates it; an unreadable input fails (with its
 * issues) instead of becoming "Chưa đạt". Warnings (e.g. a rate read as a fraction) ride along.
 * @example evaluateInput(ct01, { value: '72%' }) // ok, { value: { kind: 'rate', percent: 72 }, evaluation: 'exceeded' }
 */
export function evaluateInput(
  indicator: Pick<Indicator, 'id' | 'target' | 'form'>,
  raw: RawIndicatorInput,
): Checked<UnitEvaluation> {
  const parsed = parseIndicatorValue(indicator.form, raw, indicator.id);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { value: parsed.value, evaluation: evaluateValue(indicator.target, parsed.value) }, warnings: parsed.warnings };
}
