// The province figure of an indicator from its units' values, per the catalogue's AggregationRule,
// and its evaluation against the target. Source of truth: ../shared/docs/domain.md §3 (and §4: the
// consolidator sees completeness, so every figure says how many units reported of how many expected).
//
// Missing units (expected but no value, or a blank value):
// - shareYes:    divides by ALL expected units – a missing unit is not (yet) a "yes" – so the share
//                can only rise as reports arrive; the figure is provisional while units are missing.
// - ratioOfSums: Σ numerators ÷ Σ denominators over the units that reported (their denominators
//                cannot be invented); provisional while units are missing; Σ denominators = 0 → no figure.
//                Only count-pair values have numerators; other kinds add nothing.
// - singleSource: the value of the first expected unit (catalogue order) that reported.
// - allComplete: met only when every expected unit reports done / Có / applied; a missing unit
//                keeps it not met (provisional).
// With no report at all the evaluation is noData ("Chưa có số liệu"), whatever the rule.
// Reports from units not in the expected list are left out and listed in `unexpected` (an
// administrator's assignment decides who counts). When a unit appears twice, its last report wins.

import type { AggregationRule, Indicator } from './catalogue-types';
import { assertNever } from './result';
import { evaluateMeasure, measureOf, type Evaluation, type Measure } from './evaluate';
import { formatCount, formatPercent } from './numbers';
import { isAffirmative, valueText, type ParsedValue } from './values';

/** One unit's latest value for the indicator (null = blank). */
export interface UnitReport {
  readonly unitId: string;
  readonly value: ParsedValue | null;
}

export type AggregateFigure =
  /** shareYes (numerator = yes answers, denominator = expected units) and ratioOfSums (Σ, Σ). */
  | { readonly kind: 'percent'; readonly percent: number | null; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'single'; readonly unitId: string | null; readonly value: ParsedValue | null }
  | { readonly kind: 'allComplete'; readonly done: number; readonly of: number };

export interface Aggregate {
  readonly rule: AggregationRule['kind'];
  readonly figure: AggregateFigure;
  readonly evaluation: Evaluation;
  /** Units expected to report (the indicator's responsible units). */
  readonly expected: number;
  /** Expected units that gave a (non-blank) value. */
  readonly reported: number;
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
  /** True while some expected unit is missing: the figure may still change. */
  readonly provisional: boolean;
}

/**
 * The province figure of one indicator.
 * @example
 * aggregate({ target: { kind: 'atLeast', value: 70, explicit: false }, aggregation: { kind: 'shareYes' } },
 *   ['xa-1', 'xa-2'], [{ unitId: 'xa-1', value: { kind: 'yesNo', yes: true } }])
 * // figure { kind: 'percent', percent: 50, numerator: 1, denominator: 2 }, evaluation 'notMet',
 * // reported 1 of expected 2, missing ['xa-2'], provisional true
 */
export function aggregate(
  indicator: Pick<Indicator, 'target' | 'aggregation'>,
  expectedUnitIds: readonly string[],
  reports: readonly UnitReport[],
): Aggregate {
  const expected = [...new Set(expectedUnitIds)];
  const expectedSet = new Set(expected);
  const latest = new Map<string, ParsedValue | null>();
  const unexpected: string[] = [];
  for (const r of reports) {
    if (expectedSet.has(r.unitId)) latest.set(r.unitId, r.value);
    else if (!unexpected.includes(r.unitId)) unexpected.push(r.unitId);
  }
  const values: { unitId: string; value: ParsedValue }[] = [];
  const missing: string[] = [];
  for (const unitId of expected) {
    const value = latest.get(unitId) ?? null;
    if (value === null) missing.push(unitId);
    else values.push({ unitId, value });
  }
  const { figure, measure } = figureOf(indicator.aggregation, expected.length, values);
  return {
    rule: indicator.aggregation.kind,
    figure,
    evaluation: values.length === 0 ? 'noData' : evaluateMeasure(indicator.target, measure),
    expected: expected.length,
    reported: values.length,
    missing,
    unexpected,
    provisional: missing.length > 0,
  };
}

function figureOf(
  rule: AggregationRule,
  expectedCount: number,
  values: readonly { unitId: string; value: ParsedValue }[],
): { figure: AggregateFigure; measure: Measure | null } {
  switch (rule.kind) {
    case 'shareYes': {
      const yes = values.filter((v) => isAffirmative(v.value)).length;
      return percentFigure(yes, expectedCount);
    }
    case 'ratioOfSums': {
      let num = 0;
      let den = 0;
      for (const { value } of values) {
        if (value.kind === 'countPair') {
          num += value.numerator;
          den += value.denominator;
        }
      }
      return percentFigure(num, den);
    }
    case 'singleSource': {
      const first = values[0];
      return {
        figure: { kind: 'single', unitId: first?.unitId ?? null, value: first?.value ?? null },
        measure: first ? measureOf(first.value) : null,
      };
    }
    case 'allComplete': {
      const done = values.filter((v) => isAffirmative(v.value)).length;
      return {
        figure: { kind: 'allComplete', done, of: expectedCount },
        measure: expectedCount === 0 ? null : { kind: 'affirmative', yes: done === expectedCount },
      };
    }
    default:
      return assertNever(rule);
  }
}

function percentFigure(numerator: number, denominator: number): { figure: AggregateFigure; measure: Measure | null } {
  // × 100 before ÷ keeps whole results exact (7 × 100 / 10 = 70, while 7 / 10 × 100 = 70.00000000000001).
  const percent = denominator === 0 ? null : (numerator * 100) / denominator;
  return {
    figure: { kind: 'percent', percent, numerator, denominator },
    measure: percent === null ? null : { kind: 'percent', percent },
  };
}

/**
 * The figure as a consolidation sheet prints it.
 * @example figureText({ kind: 'percent', percent: 62.5, numerator: 5, denominator: 8 }) === '62,5% (5/8)'
 * @example figureText({ kind: 'allComplete', done: 3, of: 4 }) === 'Hoàn thành 3/4 đơn vị'
 */
export function figureText(figure: AggregateFigure): string {
  switch (figure.kind) {
    case 'percent':
      return figure.percent === null
        ? 'Chưa có số liệu'
        : `${formatPercent(figure.percent)} (${formatCount(figure.numerator)}/${formatCount(figure.denominator)})`;
    case 'single':
      return valueText(figure.value);
    case 'allComplete':
      return `Hoàn thành ${formatCount(figure.done)}/${formatCount(figure.of)} đơn vị`;
    default:
      return assertNever(figure);
  }
}
