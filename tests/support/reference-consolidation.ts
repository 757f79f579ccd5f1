// The indicators' consolidation as it was computed before issue 12's packed answer (commit 19ce52b,
// src/server/consolidation.ts): straightforward, unit by unit, every value worded and judged where it
// stands. The reference the packed consolidation is compared with (tests/server/consolidation-packed.test.ts):
// any difference in a figure, a unit's value, words, judgement or note fails there.
import { aggregate, figureText, type UnitReport } from '../../src/core/aggregate';
import { assessmentLabel, assessMeasure, assessValue, contributionText } from '../../src/core/assessment';
import type { Catalogue, Indicator, Unit } from '../../src/core/catalogue-types';
import { evaluateValue } from '../../src/core/evaluate';
import { formatCount } from '../../src/core/numbers';
import { closesYear, periodWording, type Period } from '../../src/core/periods';
import type { ParsedValue } from '../../src/core/values';
import type { Assignments } from '../../src/server/assignments';
import type { StoredReport } from '../../src/server/consolidation';

type IndicatorRow = { id: string; value: ParsedValue | null; note: string | null };

function completeness(expected: readonly Unit[], reports: ReadonlyMap<string, StoredReport>) {
  const units = expected.map((u) => {
    const r = reports.get(u.id);
    return r
      ? { unitId: u.id, name: u.name, status: r.status as string, revision: r.revision as number | null, late: r.late as boolean | null, submittedAt: r.submittedAt as string | null, provinceState: r.provinceState ?? null }
      : { unitId: u.id, name: u.name, status: 'missing', revision: null, late: null, submittedAt: null, provinceState: null };
  });
  const n = (status: string) => units.filter((u) => u.status === status).length;
  const received = units.length - n('missing');
  const onTime = units.filter((u) => u.late === false).length;
  const rate = (x: number, of: number) => (of === 0 ? null : Math.round((x * 10000) / of) / 100);
  return {
    units,
    summary: {
      expected: units.length, submitted: n('submitted'), approved: n('approved'), returned: n('returned'), missing: n('missing'),
      onTime, late: received - onTime, completenessRate: rate(received, units.length), onTimeRate: rate(onTime, units.length),
    },
  };
}

function ofTargetOf(figure: ReturnType<typeof aggregate>['figure'], indicator: Indicator): number | null {
  const percent = figure.kind === 'percent' ? figure.percent
    : figure.kind === 'single' && figure.value && (figure.value.kind === 'rate' || figure.value.kind === 'countPair')
      ? (figure.value.kind === 'rate' ? figure.value.percent : figure.value.denominator === 0 ? null : (figure.value.numerator * 100) / figure.value.denominator)
      : null;
  if (percent === null) return null;
  const a = assessMeasure(indicator, 'province', { kind: 'percent', percent }, { code: 'Q1' });
  return a.kind === 'progress' ? a.ofTarget : null;
}

export function referenceConsolidateIndicators(
  catalogue: Catalogue, units: readonly Unit[], a: Assignments, stored: readonly StoredReport[], period: Period,
) {
  const reports = new Map(stored.map((r) => [r.unitId, r]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rowMaps = new Map(stored.map((r) => [r.unitId, new Map((r.content.rows as IndicatorRow[]).map((row) => [row.id, row]))]));
  const inPeriod = catalogue.indicators.filter((i) => !i.yearlyOnly || closesYear(period));
  const indicators = inPeriod.map((indicator) => {
    const expected = a.indicatorUnits.get(indicator.id) ?? [];
    const counted: UnitReport[] = [];
    const unitValues = expected.map((unitId) => {
      const report = reports.get(unitId);
      const row = rowMaps.get(unitId)?.get(indicator.id);
      const value = row?.value ?? null;
      if (report && report.status !== 'returned') counted.push({ unitId, value });
      const judged = report && row;
      return {
        unitId, name: names.get(unitId) ?? unitId, status: report?.status ?? 'missing',
        value, display: judged ? contributionText(value) : null, note: row?.note ?? null,
        evaluation: judged ? evaluateValue(indicator.target, value) : null,
        assessment: judged ? assessmentLabel(assessValue(indicator, value, period)) : null,
      };
    });
    const agg = aggregate(indicator, expected, counted);
    const province = assessMeasure(indicator, 'province', null, period, agg.evaluation);
    return {
      id: indicator.id, no: indicator.no, group: indicator.group, text: indicator.text, targetText: indicator.targetText,
      rule: agg.rule, figure: agg.figure, figureText: figureText(agg.figure), evaluation: agg.evaluation,
      evaluationLabel: assessmentLabel(province.kind === 'progress' ? { ...province, ofTarget: ofTargetOf(agg.figure, indicator) } : province),
      expected: agg.expected, reported: agg.reported, provisional: agg.provisional,
      completeness: `${formatCount(agg.reported)}/${formatCount(agg.expected)} đơn vị đã báo cáo`,
      periodText: `Số liệu ${periodWording(indicator.measure, period)}`,
      units: unitValues,
    };
  });
  const expectedIds = new Set(inPeriod.flatMap((i) => a.indicatorUnits.get(i.id) ?? []));
  return { indicators, ...completeness(units.filter((u) => expectedIds.has(u.id)), reports) };
}
