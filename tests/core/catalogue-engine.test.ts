// Every one of the 51 indicators of the real catalogue (seeds/nghe-an-1174-2026.json, made by the
// importer from the plan and its review): whose value the target judges, stock or flow, yearly-only,
// form and aggregation (the decisions of docs/figures.md, one row each), then what units type for its
// form → parsed values → province figure → evaluation, with a missing unit in every scenario that
// has more than one unit (docs/figures.md: missing is not zero). Skipped while the seed is absent.
import type { Indicator } from '../../src/core/catalogue-types';
import { aggregate, figureText, type UnitReport } from '../../src/core/aggregate';
import { evaluateInput, type Evaluation } from '../../src/core/evaluate';
import type { RawIndicatorInput } from '../../src/core/values';
import { hasRealCatalogue, loadCatalogue } from './fixtures/catalogue';

// no, level, measure, yearlyOnly, form, aggregation (with the source / sector units where named).
const DECISIONS: readonly (readonly [number, string, string, boolean, string, string])[] = [
  [1, 'single', 'stock', false, 'rate', 'singleSource'],
  [2, 'single', 'stock', false, 'rate', 'singleSource'],
  [3, 'unit', 'stock', false, 'yesNo', 'shareYes'],
  [4, 'unit', 'stock', false, 'yesNo', 'shareYes'],
  [5, 'province', 'stock', false, 'yesNo', 'shareYes'],
  [6, 'province', 'stock', false, 'yesNo', 'shareYes'],
  [7, 'unit', 'stock', false, 'yesNo', 'shareYes'],
  [8, 'unit', 'stock', false, 'yesNo', 'shareYes'],
  [9, 'unit', 'stock', false, 'status', 'allComplete'],
  [10, 'unit', 'stock', false, 'applied', 'allComplete'],
  [11, 'single', 'stock', false, 'status', 'singleSource'],
  [12, 'province', 'stock', false, 'countPair', 'ratioOfSums'],
  [13, 'province', 'stock', false, 'countPair', 'ratioOfSums'],
  [14, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [15, 'unit', 'stock', false, 'yesNo', 'shareYes'],
  [16, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [17, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [18, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [19, 'single', 'stock', false, 'countPair', 'singleSource:so-gddt'],
  [20, 'single', 'stock', false, 'rate', 'singleSource'],
  [21, 'single', 'flow', false, 'rate', 'singleSource'],
  [22, 'single', 'flow', false, 'countPair', 'singleSource:vp-ubnd-tinh'],
  [23, 'province', 'stock', false, 'countPair', 'ratioOfSums'],
  [24, 'single', 'stock', false, 'rate', 'singleSource'],
  [25, 'single', 'flow', false, 'rate', 'singleSource'],
  [26, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [27, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [28, 'single', 'stock', false, 'countPair', 'singleSource:vp-ubnd-tinh'],
  [29, 'single', 'stock', false, 'countPair', 'singleSource:vp-ubnd-tinh'],
  [30, 'province', 'flow', false, 'countPair', 'ratioOfSums'],
  [31, 'unit', 'stock', false, 'status', 'allComplete'],
  [32, 'single', 'stock', false, 'status', 'singleSource:vp-ubnd-tinh'],
  [33, 'single', 'flow', false, 'rate', 'singleSource'],
  [34, 'single', 'flow', false, 'rate', 'singleSource'],
  [35, 'single', 'flow', false, 'rate', 'singleSource'],
  [36, 'province', 'flow', false, 'countPair', 'ratioOfSums'],
  [37, 'single', 'stock', false, 'rate', 'singleSource'],
  [38, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [39, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [40, 'single', 'stock', false, 'yesNo', 'singleSource'],
  [41, 'unit', 'stock', false, 'countPair', 'ratioOfSums'],
  [42, 'single', 'stock', false, 'yesNo', 'singleSource'],
  [43, 'single', 'stock', false, 'countPair', 'singleSource:so-khcn'],
  [44, 'single', 'stock', false, 'rate', 'singleSource'],
  [45, 'single', 'stock', false, 'status', 'singleSource'],
  [46, 'single', 'flow', false, 'rate', 'singleSource:ngan-hang-nn-kv8'],
  [47, 'unit', 'stock', true, 'rate', 'perSector:so-y-te,so-gddt,ngan-hang-nn-kv8'],
  [48, 'single', 'flow', true, 'rate', 'singleSource'],
  [49, 'single', 'stock', false, 'rate', 'singleSource'],
  [50, 'single', 'stock', false, 'rate', 'singleSource'],
  [51, 'single', 'flow', true, 'rate', 'singleSource'],
];

// Hand-made unit inputs, as clerks would type them, per (form, aggregation). `units` expected units
// (u1…), or the units the rule names; fewer inputs than units = the rest have not reported.
const SCENARIOS: Record<string, { readonly inputs: readonly RawIndicatorInput[]; readonly units?: number; readonly figure: string }> = {
  // 3 Có of the 4 communes that answered (the fifth has not reported: not a "Không") → 75 %, provisional
  'yesNo/shareYes': { inputs: [{ value: 'Có' }, { value: ' có ' }, { value: 'KHÔNG' }, { value: 'Có'.normalize('NFD') }], units: 5, figure: '75% (3/4)' },
  // Σ 1.500 / Σ 2.000 = 75 % (the mean of the units' 80 %, 60 % would be 70 %); a 0 of 0 unit adds nothing; two missing
  'countPair/ratioOfSums': { inputs: [{ numerator: '1.200', denominator: '1.500' }, { numerator: 300, denominator: 500 }, { numerator: '0', denominator: '0' }], units: 5, figure: '75% (1.500/2.000)' },
  // 3 of the 4 that reported are done (the fifth is missing, not "not done")
  'status/allComplete': { inputs: [{ value: 'Hoàn thành' }, { value: 'Đã hoàn thành' }, { value: 'Đang triển khai' }, { value: 'hoàn thành' }], units: 5, figure: 'Hoàn thành 3/4 đơn vị đã báo cáo' },
  'applied/allComplete': { inputs: [1, 2, 3, 4].map((i) => ({ value: i % 2 ? 'Ứng dụng' : 'Có', note: `Dự án AI số ${i}` })), units: 9, figure: 'Hoàn thành 4/4 đơn vị đã báo cáo' },
  'rate/singleSource': { inputs: [{ value: '72,5%' }], figure: '72,5%' },
  'countPair/singleSource': { inputs: [{ numerator: '45', denominator: '50' }], figure: '90% (45/50)' },
  'status/singleSource': { inputs: [{ value: 'Hoàn thành', note: 'Biên bản nghiệm thu' }], figure: 'Hoàn thành' },
  'yesNo/singleSource': { inputs: [{ value: 'Có' }], figure: 'Có' },
  // two of three sectors reported: 85 % and 78 % against 80 % each; the third is "chưa báo cáo"
  'rate/perSector': { inputs: [{ value: '85%' }, { value: '78%' }], figure: 'Chăm sóc sức khỏe từ xa: 85%; Học tập trực tuyến: 78%; Giao dịch tài chính: chưa báo cáo' },
};

// The province evaluation of each indicator under its scenario, worked out by hand from its target:
// 72,5 % vs ≥ 70 / ≥ 50 / ≥ 60 / ≥ 15 → Vượt; vs 50-80 → Đạt; vs 80 / 90 / 95 / 100 → Chưa đạt; vs > 10 → Đạt, > 80 → Chưa đạt.
// 75 % (shares) vs 40 / 70 → Vượt, vs 100 → Chưa đạt.  75 % (sums) vs ≥ 50 → Vượt, > 60 → Đạt, 80 / 90 / 95 / 100 → Chưa đạt.
// 90 % (one source's pair) vs 100 → Chưa đạt.  47: one sector under 80 % → Chưa đạt.
const EXPECTED: Readonly<Record<number, Evaluation>> = {
  1: 'exceeded', 2: 'exceeded', 3: 'notMet', 4: 'notMet', 5: 'exceeded', 6: 'exceeded', 7: 'notMet', 8: 'notMet',
  9: 'notMet', 10: 'met', 11: 'met', 12: 'exceeded', 13: 'met', 14: 'notMet', 15: 'notMet', 16: 'notMet',
  17: 'notMet', 18: 'notMet', 19: 'notMet', 20: 'exceeded', 21: 'exceeded', 22: 'notMet', 23: 'notMet', 24: 'notMet',
  25: 'notMet', 26: 'notMet', 27: 'notMet', 28: 'notMet', 29: 'notMet', 30: 'notMet', 31: 'notMet', 32: 'met',
  33: 'notMet', 34: 'notMet', 35: 'notMet', 36: 'notMet', 37: 'notMet', 38: 'notMet', 39: 'notMet', 40: 'met',
  41: 'notMet', 42: 'met', 43: 'notMet', 44: 'notMet', 45: 'met', 46: 'met', 47: 'notMet', 48: 'exceeded',
  49: 'notMet', 50: 'notMet', 51: 'met',
};

const suite = hasRealCatalogue ? describe : describe.skip;
const ruleKey = (i: Indicator): string => {
  const a = i.aggregation;
  if (a.kind === 'singleSource' && a.unitId) return `singleSource:${a.unitId}`;
  if (a.kind === 'perSector') return `perSector:${a.sectors.map((s) => s.unitId).join(',')}`;
  return a.kind;
};
/** The units a scenario expects: the ones the rule names, else u1…un. */
const unitsOf = (i: Indicator, n = 1): string[] => {
  const a = i.aggregation;
  if (a.kind === 'singleSource' && a.unitId) return [a.unitId];
  if (a.kind === 'perSector') return a.sectors.map((s) => s.unitId);
  return Array.from({ length: n }, (_, k) => `u${k + 1}`);
};

suite('the real catalogue nghe-an-1174-2026 through the engine', () => {
  const catalogue = loadCatalogue();
  const byNo = new Map(catalogue.indicators.map((i) => [i.no, i]));
  const rows = catalogue.indicators.map((i) => [i.no, i.targetText, `${i.form.kind}/${i.aggregation.kind}`, i] as const);

  it('has the 51 indicators of Phụ lục 01, each with a decision row and a scenario, and covers every form and rule', () => {
    expect(catalogue.indicators.map((i) => i.no)).toEqual(Array.from({ length: 51 }, (_, k) => k + 1));
    expect(DECISIONS.map(([no]) => no)).toEqual(catalogue.indicators.map((i) => i.no));
    expect(rows.filter(([, , key]) => !SCENARIOS[key]).map(([no, , key]) => `${no}: ${key}`)).toEqual([]);
    expect(new Set(catalogue.indicators.map((i) => i.aggregation.kind))).toEqual(new Set(['shareYes', 'ratioOfSums', 'singleSource', 'allComplete', 'perSector']));
    expect(new Set(catalogue.indicators.map((i) => i.form.kind))).toEqual(new Set(['rate', 'countPair', 'yesNo', 'status', 'applied']));
  });

  it.each(DECISIONS)('%d: target judges %s values, %s, yearly-only %s, %s / %s', (no, level, measure, yearlyOnly, form, rule) => {
    const i = byNo.get(no)!;
    expect([i.level, i.measure, i.yearlyOnly, i.form.kind, ruleKey(i)]).toEqual([level, measure, yearlyOnly, form, rule]);
    expect(i.levelReason.length).toBeGreaterThan(20);
    // a single source reports alone; a named sector or source unit is who reports
    if (i.aggregation.kind === 'singleSource' && i.aggregation.unitId) expect(i.reporters).toEqual([{ kind: 'unit', unitId: i.aggregation.unitId }]);
    if (level === 'single') expect(i.aggregation.kind).toBe('singleSource');
  });

  it.each(rows)('%d (target %s, %s): province figure from hand-made values with missing units', (no, _target, key, indicator: Indicator) => {
    const scenario = SCENARIOS[key];
    const units = unitsOf(indicator, scenario.units);
    const reports: UnitReport[] = scenario.inputs.map((raw, k) => {
      const r = evaluateInput(indicator, raw);
      if (!r.ok) throw new Error(`${indicator.id} ${JSON.stringify(raw)}: ${r.issues.map((i) => i.message).join(' ')}`);
      expect(r.warnings).toEqual([]);
      return { unitId: units[k], value: r.value.value };
    });
    // a report from a unit outside the expected list never enters the figure
    const a = aggregate(indicator, units, [...reports, { unitId: 'khac', value: reports[0].value }]);
    expect(figureText(a.figure)).toBe(scenario.figure);
    expect(a.evaluation).toBe(EXPECTED[no]);
    expect([a.expected, a.reported, a.provisional]).toEqual([units.length, scenario.inputs.length, scenario.inputs.length < units.length]);
    expect(a.unexpected).toEqual(['khac']);
    // with no report at all, every indicator is "Chưa có số liệu", never "Chưa đạt" or 0
    expect(aggregate(indicator, units, []).evaluation).toBe('noData');
  });
});
