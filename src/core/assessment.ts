// What a report says about a value against the plan's target, by WHOSE value it is and WHEN
// (docs/figures.md "Whose target" and "Targets are year-end"):
// - a unit's value is judged only where the target applies to it (the indicator's level is 'unit'
//   or 'single'); otherwise it is the unit's contribution to the province figure – its value, and
//   for a count pair its share ("40/60 = 66,67%") – with no Đạt / Vượt;
// - the province figure is always judged;
// - the targets are year-end targets: in the Q1, 6-month and 9-month reports a value is progress
//   ("đạt x% mục tiêu năm", or "đã đạt mục tiêu năm" once reached); the final Đạt / Vượt / Chưa đạt
//   belongs to the report that closes the year.
import type { Indicator, Target } from './catalogue-types';
import { evaluateMeasure, EVALUATION_LABELS, measureOf, type Evaluation, type Measure } from './evaluate';
import { formatCount, formatPercent } from './numbers';
import { closesYear, type Period } from './periods';
import { valueText, type ParsedValue } from './values';

export type Assessment =
  /** The year's report: the final evaluation. */
  | { readonly kind: 'final'; readonly evaluation: Evaluation }
  /** An earlier report: how far towards the year's target (`ofTarget` in percent of the target, when it is a number). */
  | { readonly kind: 'progress'; readonly evaluation: Evaluation; readonly ofTarget: number | null }
  /** A unit's value where the target is the province's: shown, not judged. */
  | { readonly kind: 'contribution'; readonly hasValue: boolean };

export type Whose = 'unit' | 'province';

/** Whether the target judges a unit's own value (the province figure is always judged). */
export const judgesUnitValue = (indicator: Pick<Indicator, 'level'>): boolean => indicator.level !== 'province';

/**
 * A measure (a value's, or a province figure's) in a period.
 * @example assessMeasure(ct05, 'unit', { kind: 'affirmative', yes: true }, q1) // { kind: 'contribution', hasValue: true }
 * @example assessMeasure(ct01, 'unit', { kind: 'percent', percent: 35 }, q1) // { kind: 'progress', evaluation: 'notMet', ofTarget: 50 }
 */
export function assessMeasure(
  indicator: Pick<Indicator, 'target' | 'level'>,
  whose: Whose,
  measure: Measure | null,
  period: Pick<Period, 'code'>,
  evaluation: Evaluation = evaluateMeasure(indicator.target, measure),
): Assessment {
  if (whose === 'unit' && !judgesUnitValue(indicator)) return { kind: 'contribution', hasValue: measure !== null };
  if (closesYear(period)) return { kind: 'final', evaluation };
  return { kind: 'progress', evaluation, ofTarget: measure === null ? null : shareOfTarget(indicator.target, measure) };
}

/** A unit's parsed value in a period. */
export const assessValue = (
  indicator: Pick<Indicator, 'target' | 'level'>, value: ParsedValue | null, period: Pick<Period, 'code'>,
): Assessment => assessMeasure(indicator, 'unit', measureOf(value), period);

/** How far a number is towards a numeric target, in percent of the target; null for yes/no-like targets. */
function shareOfTarget(target: Target, measure: Measure): number | null {
  if (measure.kind !== 'percent') return null;
  const goal = target.kind === 'atLeast' || target.kind === 'greaterThan' ? target.value : target.kind === 'band' ? target.min : null;
  if (goal === null || goal <= 0) return null;
  return Math.round((measure.percent * 10000) / goal) / 100;
}

/**
 * The words a report prints in its evaluation column.
 * @example assessmentLabel({ kind: 'progress', evaluation: 'notMet', ofTarget: 50 }) === 'Đạt 50% mục tiêu năm'
 * @example assessmentLabel({ kind: 'contribution', hasValue: true }) === 'Đóng góp vào số liệu toàn tỉnh'
 */
export function assessmentLabel(a: Assessment): string {
  switch (a.kind) {
    case 'final':
      return EVALUATION_LABELS[a.evaluation];
    case 'progress':
      if (a.evaluation === 'noData') return EVALUATION_LABELS.noData;
      if (a.evaluation === 'met' || a.evaluation === 'exceeded') return 'Đã đạt mục tiêu năm';
      return a.ofTarget === null ? 'Chưa đạt mục tiêu năm' : `Đạt ${formatPercent(a.ofTarget)} mục tiêu năm`;
    case 'contribution':
      return a.hasValue ? CONTRIBUTION_LABEL : EVALUATION_LABELS.noData;
  }
}

export const CONTRIBUTION_LABEL = 'Đóng góp vào số liệu toàn tỉnh';

/** Every label an assessment can start with, for the template's colour rules. */
export const PROGRESS_REACHED_LABEL = 'Đã đạt mục tiêu năm';

/**
 * A unit's value as its report shows it: a count pair with its share ("40/60 = 66,67%"), else the value.
 * @example contributionText({ kind: 'countPair', numerator: 40, denominator: 60 }) === '40/60 = 66,67%'
 */
export function contributionText(value: ParsedValue | null): string {
  if (value?.kind === 'countPair') {
    const pair = `${formatCount(value.numerator)}/${formatCount(value.denominator)}`;
    return value.denominator === 0 ? pair : `${pair} = ${formatPercent((value.numerator * 100) / value.denominator)}`;
  }
  return valueText(value);
}
