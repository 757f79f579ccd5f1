// The province figure of an indicator from its units' values, per the catalogue's AggregationRule,
// and its evaluation against the target. Source of truth: docs/figures.md (the consolidator sees
// completeness, so every figure says how many units reported of how many expected).
//
// One rule for missing units, whatever the form (docs/figures.md "Missing is not zero"): a unit
// that has not reported (or left the row blank) is neither "Không" nor 0 – the figure is computed
// over the units that reported, `reported`/`expected` is its completeness, and while some expected
// unit is missing the figure and its evaluation are provisional ("Tạm tính").
// - shareYes:    units answering yes ÷ units that answered.
// - ratioOfSums: Σ numerators ÷ Σ denominators of the units that reported; Σ denominators = 0 → no figure.
// - singleSource: the named source unit's value (rule.unitId), else the first expected unit that reported.
// - allComplete: met when every unit that reported is done / Có / applied.
// - perSector:   one rate per sector from its unit; met when every reported sector meets the target.
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
  /** `of` = units that reported (the missing ones are in `Aggregate.missing`, never counted as not done). */
  | { readonly kind: 'allComplete'; readonly done: number; readonly of: number }
  | { readonly kind: 'sectors'; readonly sectors: readonly SectorFigure[] };

export interface SectorFigure {
  readonly label: string;
  readonly unitId: string;
  readonly value: ParsedValue | null;
  readonly evaluation: Evaluation;
}

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
  return { ...aggregateExpected(indicator, expected, expected.map((unitId) => latest.get(unitId) ?? null)), unexpected };
}

/**
 * As aggregate, for expected units given once each with the value each gives, in the same order
 * (null: missing or blank) – the consolidation knows both already, for thousands of units.
 * @example aggregateExpected(indicator, ['xa-1', 'xa-2'], [{ kind: 'yesNo', yes: true }, null]) // as aggregate's example
 */
export function aggregateExpected(
  indicator: Pick<Indicator, 'target' | 'aggregation'>,
  expected: readonly string[],
  valueOf: readonly (ParsedValue | null)[],
): Aggregate {
  const values: { unitId: string; value: ParsedValue }[] = [];
  const missing: string[] = [];
  for (let k = 0; k < expected.length; k++) {
    const value = valueOf[k];
    if (value === null) missing.push(expected[k]);
    else values.push({ unitId: expected[k], value });
  }
  const { figure, evaluation } = figureOf(indicator, values);
  return {
    rule: indicator.aggregation.kind,
    figure,
    evaluation: values.length === 0 ? 'noData' : evaluation,
    expected: expected.length,
    reported: values.length,
    missing,
    unexpected: [],
    provisional: missing.length > 0,
  };
}

function figureOf(
  indicator: Pick<Indicator, 'target' | 'aggregation'>,
  values: readonly { unitId: string; value: ParsedValue }[],
): { figure: AggregateFigure; evaluation: Evaluation } {
  const rule = indicator.aggregation;
  const judge = (figure: AggregateFigure, measure: Measure | null) => ({ figure, evaluation: evaluateMeasure(indicator.target, measure) });
  switch (rule.kind) {
    case 'shareYes': {
      const yes = values.filter((v) => isAffirmative(v.value)).length;
      return judge(...percentFigure(yes, values.length));
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
      return judge(...percentFigure(num, den));
    }
    case 'singleSource': {
      const source = rule.unitId === undefined ? values[0] : values.find((v) => v.unitId === rule.unitId);
      return judge({ kind: 'single', unitId: source?.unitId ?? null, value: source?.value ?? null }, source ? measureOf(source.value) : null);
    }
    case 'allComplete': {
      const done = values.filter((v) => isAffirmative(v.value)).length;
      return judge({ kind: 'allComplete', done, of: values.length }, values.length === 0 ? null : { kind: 'affirmative', yes: done === values.length });
    }
    case 'perSector': {
      const sectors = rule.sectors.map((s): SectorFigure => {
        const value = values.find((v) => v.unitId === s.unitId)?.value ?? null;
        return { label: s.label, unitId: s.unitId, value, evaluation: evaluateMeasure(indicator.target, measureOf(value)) };
      });
      const judged = sectors.map((s) => s.evaluation).filter((e) => e !== 'noData');
      const evaluation: Evaluation = judged.length === 0 ? 'noData'
        : judged.includes('notMet') ? 'notMet'
        : judged.every((e) => e === 'exceeded') ? 'exceeded' : 'met';
      return { figure: { kind: 'sectors', sectors }, evaluation };
    }
    default:
      return assertNever(rule);
  }
}

function percentFigure(numerator: number, denominator: number): [AggregateFigure, Measure | null] {
  // × 100 before ÷ keeps whole results exact (7 × 100 / 10 = 70, while 7 / 10 × 100 = 70.00000000000001).
  const percent = denominator === 0 ? null : (numerator * 100) / denominator;
  return [{ kind: 'percent', percent, numerator, denominator }, percent === null ? null : { kind: 'percent', percent }];
}

/**
 * The figure as a consolidation sheet prints it.
 * @example figureText({ kind: 'percent', percent: 62.5, numerator: 5, denominator: 8 }) === '62,5% (5/8)'
 * @example figureText({ kind: 'allComplete', done: 3, of: 4 }) === 'Hoàn thành 3/4 đơn vị đã báo cáo'
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
      return `Hoàn thành ${formatCount(figure.done)}/${formatCount(figure.of)} đơn vị đã báo cáo`;
    case 'sectors':
      return figure.sectors.map((s) => `${s.label}: ${s.value === null ? 'chưa báo cáo' : valueText(s.value)}`).join('; ');
    default:
      return assertNever(figure);
  }
}
