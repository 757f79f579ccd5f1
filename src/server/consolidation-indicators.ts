// The indicators of one period, packed as GET /api/consolidation sends them (src/core/consolidation-sheet/wire.ts):
// per indicator the province figure by its aggregation rule (docs/figures.md: over the units that
// reported, provisional with its completeness), assessed as progress before the year's report and
// finally in it; each expected unit's value as a position among the indicator's distinct values,
// each worded and judged once – thousands of communes give a few hundred distinct values. Values of
// returned reports are shown but left out of the province figure: they await correction.
// Built in one pass over the stored rows into a unit × indicator table, not a Map per report: at the
// national scale (3,400 units × ~50 indicators, bench/consolidation.ts) per-cell work is the cost.
import { aggregate, aggregateExpected, figureText } from '../core/aggregate';
import { assessmentLabel, assessMeasure, assessValue, contributionText } from '../core/assessment';
import type { Catalogue, Indicator, Unit } from '../core/catalogue-types';
import type { Judgement, PackedIndicatorLine } from '../core/consolidation-sheet/wire';
import { evaluateValue } from '../core/evaluate';
import { formatCount } from '../core/numbers';
import { closesYear, periodWording, type Period } from '../core/periods';
import type { ParsedValue } from '../core/values';
import type { Assignments } from './assignments';
import { completeness } from './consolidation-completeness';
import type { DigestedReport, RowDigest } from './report-rows';

const NOBODY: readonly string[] = [];

/**
 * The packed indicators of one period and the completeness of the units they expect; yearly-only
 * indicators are left out before the year's report. Every expected unit is in `units` (assignments
 * are computed over the same directory), so a line names it by its position there.
 * @example const { indicators, units: expected, summary } = consolidateIndicatorsPacked(catalogue, units, a, stored, period);
 */
export function consolidateIndicatorsPacked(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly DigestedReport[], period: Period,
) {
  const inPeriod = catalogue.indicators.filter((i) => !i.yearlyOnly || closesYear(period));
  // Indicators naming the same lead cell share one list of units (assignments.ts): each distinct
  // list is read once – for the set of expected units and for the units' positions.
  const unitsOf = (i: Indicator) => a.indicatorUnits.get(i.id) ?? NOBODY;
  const lists = [...new Set(inPeriod.map(unitsOf))];
  const expectedIds = new Set(lists.flat());
  const expectedUnits = units.filter((u) => expectedIds.has(u.id));
  const position = new Map(expectedUnits.map((u, k) => [u.id, k]));
  const placed = new Map(lists.map((list) => [list, placeUnits(list, position)]));
  const reports = new Map(stored.map((r) => [r.unitId, r]));
  const column = new Map(inPeriod.map((i, k) => [i.id, k]));
  // table[indicator][unit position]: which row of the unit's report gives the indicator (the last
  // one, should a report repeat an id), and whether that report counts towards the figure.
  const table: Int32Array[] = inPeriod.map(() => new Int32Array(expectedUnits.length).fill(-1));
  const digest = new Array<RowDigest | undefined>(expectedUnits.length);
  const counts = new Array<boolean>(expectedUnits.length).fill(false);
  for (const report of reports.values()) {
    const at = position.get(report.unitId);
    if (at === undefined) continue;
    digest[at] = report.rows;
    counts[at] = report.status !== 'returned';
    const ids = report.rows.ids;
    for (let k = 0; k < ids.length; k++) {
      const col = column.get(ids[k]);
      if (col !== undefined) table[col][at] = k;
    }
  }
  const indicators = inPeriod.map((indicator, col): PackedIndicatorLine => {
    const expected = unitsOf(indicator);
    const { unitIndexes, distinct } = placed.get(expected)!;
    const rows = table[col];
    const valueIndexes = new Array<number | null>(expected.length);
    const values: (ParsedValue | null)[] = [];
    const judged: number[] = [];
    const judgements: Judgement[] = [];
    const said = new Map<string, number>();
    const known = new Map<string, number>();
    const notes: Record<string, string> = {};
    // Each expected unit's value as the province figure counts it: null when missing, blank or returned.
    const counted = new Array<ParsedValue | null>(expected.length);
    for (let k = 0; k < expected.length; k++) {
      const at = unitIndexes[k];
      const row = rows[at];
      if (row < 0) {
        counted[k] = null;
        valueIndexes[k] = null;
        continue;
      }
      const d = digest[at]!;
      const value = d.values[row];
      counted[k] = counts[at] ? value : null;
      const note = d.notes[row];
      if (note !== null) notes[k] = note;
      const key = d.keys[row];
      let v = known.get(key);
      if (v === undefined) {
        const j: Judgement = {
          display: contributionText(value), evaluation: evaluateValue(indicator.target, value),
          assessment: assessmentLabel(assessValue(indicator, value, period)),
        };
        const jKey = `${j.display}\u0000${j.evaluation}\u0000${j.assessment}`;
        let ja = said.get(jKey);
        if (ja === undefined) said.set(jKey, (ja = judgements.push(j) - 1));
        v = values.push(value) - 1;
        judged.push(ja);
        known.set(key, v);
      }
      valueIndexes[k] = v;
    }
    const agg = distinct ? aggregateExpected(indicator, expected, counted)
      // A unit listed twice: aggregate's own matching, with each listing's value as before.
      : aggregate(indicator, expected, expected.flatMap((unitId, k) => (counts[unitIndexes[k]] ? [{ unitId, value: counted[k] }] : [])));
    const province = assessMeasure(indicator, 'province', null, period, agg.evaluation);
    return {
      id: indicator.id, no: indicator.no, group: indicator.group, text: indicator.text, targetText: indicator.targetText,
      rule: agg.rule, figure: agg.figure, figureText: figureText(agg.figure), evaluation: agg.evaluation,
      evaluationLabel: assessmentLabel(province.kind === 'progress' ? { ...province, ofTarget: ofTargetOf(agg.figure, indicator) } : province),
      expected: agg.expected, reported: agg.reported, provisional: agg.provisional,
      completeness: `${formatCount(agg.reported)}/${formatCount(agg.expected)} đơn vị đã báo cáo`,
      periodText: `Số liệu ${periodWording(indicator.measure, period)}`,
      unitIndexes, valueIndexes, values, judged, judgements, notes,
    };
  });
  return { indicators, ...completeness(expectedUnits, reports) };
}

/** The positions of a list's units among the expected units, and whether no unit is listed twice. */
function placeUnits(list: readonly string[], position: ReadonlyMap<string, number>) {
  const unitIndexes = new Array<number>(list.length);
  const seen = new Uint8Array(position.size);
  let distinct = true;
  for (let k = 0; k < list.length; k++) {
    const at = position.get(list[k]);
    if (at === undefined) throw new Error(`consolidation: unit ${list[k]} is expected but not in the directory given`);
    unitIndexes[k] = at;
    if (seen[at]) distinct = false;
    seen[at] = 1;
  }
  return { unitIndexes, distinct };
}

/** How far a province figure is towards the year's target, for the progress wording. */
function ofTargetOf(figure: ReturnType<typeof aggregate>['figure'], indicator: Indicator): number | null {
  const percent = figure.kind === 'percent' ? figure.percent
    : figure.kind === 'single' && figure.value && (figure.value.kind === 'rate' || figure.value.kind === 'countPair')
      ? (figure.value.kind === 'rate' ? figure.value.percent : figure.value.denominator === 0 ? null : (figure.value.numerator * 100) / figure.value.denominator)
      : null;
  if (percent === null) return null;
  const a = assessMeasure(indicator, 'province', { kind: 'percent', percent }, { code: 'Q1' });
  return a.kind === 'progress' ? a.ofTarget : null;
}
