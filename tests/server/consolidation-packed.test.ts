// The packed consolidation (issue 12: the JSON answer names each unit once and each distinct value
// once per indicator) gives the very figures, values, words, judgements and notes the straightforward
// unit-by-unit computation gave (tests/support/reference-consolidation.ts, the code before the change):
// over the real plan's catalogue with synthetic units, every reporting form, missing, returned and
// approved reports, blank values, notes, free texts, rows for indicators a unit is not assigned,
// overrides, the first quarter and the year's report – both as the server's other consumers read it
// and as a client reads the answer after JSON.
import type { Catalogue, Indicator, Unit } from '../../src/core/catalogue-types';
import { expandConsolidation, packConsolidation, type ConsolidationData } from '../../src/core/consolidation-sheet';
import { parsePeriod } from '../../src/core/periods';
import type { ParsedValue } from '../../src/core/values';
import { assignmentsOf, type AssignmentOverride } from '../../src/server/assignments';
import { consolidateIndicators, type StoredReport } from '../../src/server/consolidation';
import { consolidateIndicatorsPacked } from '../../src/server/consolidation-indicators';
import { digestRows } from '../../src/server/report-rows';
import { referenceConsolidateIndicators } from '../support/reference-consolidation';
import { realCatalogue, syntheticUnits } from '../support/synthetic-consolidation';

const catalogue: Catalogue = realCatalogue;

/** A value of the indicator's form, repeating often (as thousands of communes do) and sometimes blank or odd. */
function valueFor(i: Indicator, k: number): ParsedValue | null {
  if (k % 17 === 3) return null;
  switch (i.form.kind) {
    case 'rate': return { kind: 'rate', percent: k % 11 === 0 ? 100 : k % 7 === 0 ? 0 : 35 + (k % 9) * 7.25 };
    case 'countPair': return { kind: 'countPair', numerator: k % 13, denominator: k % 19 === 0 ? 0 : 12 + (k % 5) };
    case 'yesNo': return { kind: 'yesNo', yes: k % 3 !== 0 };
    case 'status': return k % 4 === 0 ? { kind: 'status', status: 'done', evidence: `Quyết định số ${k % 6}/QĐ-UBND` } : { kind: 'status', status: k % 2 ? 'inProgress' : 'done' };
    case 'applied': return k % 5 === 0 ? { kind: 'applied', applied: false } : { kind: 'applied', applied: true, description: k % 2 ? 'Đã ứng dụng' : 'Ứng dụng "một cửa"\u0000' };
  }
}

const STATUSES = ['submitted', 'approved', 'returned', 'submitted'] as const;

/** Every 9th unit missing; the others report their indicators (and, every 10th, one more it is not assigned). */
function storedReports(units: readonly Unit[], a: ReturnType<typeof assignmentsOf>, yearly: boolean): StoredReport[] {
  const stored: StoredReport[] = [];
  units.forEach((u, k) => {
    if (k % 9 === 8) return;
    const rows = catalogue.indicators
      .filter((i) => a.indicatorUnits.get(i.id)?.includes(u.id) || (k % 10 === 0 && i.id === 'ct-01'))
      .filter((i) => yearly || !i.yearlyOnly || k % 4 === 0)
      .filter((_, j) => (k + j) % 23 !== 5) // some rows left out of the report
      .map((i, j) => ({ id: i.id, value: valueFor(i, k + j), note: (k + j) % 8 === 0 ? `Ghi chú ${k % 3}` : (k + j) % 29 === 0 ? '' : null }));
    if (rows.length === 0 && k % 2 === 0) return;
    stored.push({
      unitId: u.id, status: STATUSES[k % 4], revision: 1 + (k % 3), late: k % 5 === 0, submittedAt: `2026-03-${String(10 + (k % 15)).padStart(2, '0')}T02:00:00.000Z`,
      content: { rows }, provinceState: k % 4 === 1 ? (k % 8 === 1 ? 'accepted' : null) : null,
    });
  });
  return stored;
}

const OVERRIDES: AssignmentOverride[] = [
  { itemId: 'ct-01', unitId: 'xa-thu-005', effect: 'include' },
  { itemId: 'ct-05', unitId: 'xa-thu-010', effect: 'exclude' },
  { itemId: 'ct-16', unitId: 'so-khoa-hoc-va-cong-nghe', effect: 'include' },
];

describe.each([
  ['2026-Q1', 400, []],
  ['2026-H1', 160, OVERRIDES],
  ['2026-Y', 400, OVERRIDES],
] as const)('packed consolidation of %s, %i units', (periodId, count, overrides) => {
  const period = parsePeriod(periodId);
  if (!period.ok) throw new Error(periodId);
  const units = syntheticUnits(catalogue, count);
  const a = assignmentsOf(catalogue, units, overrides);
  const stored = storedReports(units, a, periodId.endsWith('-Y'));
  const reference = referenceConsolidateIndicators(catalogue, units, a, stored, period.value);
  const digested = stored.map(({ content, ...r }) => ({ ...r, provinceState: r.provinceState ?? null, rows: digestRows(content.rows) }));

  it('written out unit by unit, equals the straightforward computation', () => {
    expect(consolidateIndicators(catalogue, units, a, stored, period.value)).toEqual(reference);
  });

  it('as a client reads the JSON answer, equals it too', () => {
    const wire = JSON.parse(JSON.stringify({ kind: 'indicators', ...consolidateIndicatorsPacked(catalogue, units, a, digested, period.value) }));
    expect(expandConsolidation(wire)).toEqual({ kind: 'indicators', ...reference });
  });

  it('names each distinct value once per indicator, and packing the written-out form gives the answer back', () => {
    const packed = consolidateIndicatorsPacked(catalogue, units, a, digested, period.value);
    for (const line of packed.indicators) {
      expect(new Set(line.values.map((v) => JSON.stringify(v))).size).toBe(line.values.length);
      expect(new Set(line.judgements.map((j) => JSON.stringify(j))).size).toBe(line.judgements.length);
      expect(line.judged).toHaveLength(line.values.length);
      expect(line.unitIndexes).toHaveLength(line.expected);
    }
    const data = { planId: catalogue.planId, period: periodId, generatedAt: 'x', kind: 'indicators', ...reference } as ConsolidationData;
    expect(expandConsolidation(packConsolidation(data))).toEqual(data);
  });
});

it('a unit listed twice for an indicator (assignments never list one so) still gives the reference figures', () => {
  const period = parsePeriod('2026-Q1');
  if (!period.ok) throw new Error('period');
  const units = syntheticUnits(catalogue, 60);
  const a = assignmentsOf(catalogue, units);
  const [first, ...rest] = catalogue.indicators.filter((i) => (a.indicatorUnits.get(i.id) ?? []).length > 1);
  const twice = new Map(a.indicatorUnits);
  const listed = a.indicatorUnits.get(first.id)!;
  twice.set(first.id, [...listed, listed[0]]);
  const doubled = { ...a, indicatorUnits: twice };
  const stored = storedReports(units, a, false);
  expect(rest.length).toBeGreaterThan(0);
  expect(consolidateIndicators(catalogue, units, doubled, stored, period.value)).toEqual(referenceConsolidateIndicators(catalogue, units, doubled, stored, period.value));
});
