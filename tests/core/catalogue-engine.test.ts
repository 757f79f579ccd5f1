// Every one of the 51 indicators of the real catalogue (seeds/nghe-an-1174-2026.json, made by the
// importer) through the engine: what units type for its reporting form → parsed values → province
// figure per its aggregation rule → evaluation against its target. Skipped while the seed is absent.
import type { Indicator } from '../../src/core/catalogue-types';
import { aggregate, figureText, type UnitReport } from '../../src/core/aggregate';
import { evaluateInput, type Evaluation } from '../../src/core/evaluate';
import type { RawIndicatorInput } from '../../src/core/values';
import { hasRealCatalogue, loadCatalogue } from './fixtures/catalogue';

// Hand-made unit inputs, as clerks would type them, per (form, aggregation); five expected units
// (u1…u5) for the rules fed by many units, one for singleSource.
const SCENARIOS: Record<string, { readonly inputs: readonly RawIndicatorInput[]; readonly expected: number; readonly figure: string }> = {
  // 3 of 5 communes answer Có (one missing, one Không) → 60 %
  'yesNo/shareYes': { inputs: [{ value: 'Có' }, { value: ' có ' }, { value: 'KHÔNG' }, { value: 'Có'.normalize('NFD') }], expected: 5, figure: '60% (3/5)' },
  // Σ 1.500 / Σ 2.000 = 75 % (the mean of the units' 80 %, 60 % would be 70 %); a 0 of 0 unit adds nothing
  'countPair/ratioOfSums': { inputs: [{ numerator: '1.200', denominator: '1.500' }, { numerator: 300, denominator: 500 }, { numerator: '0', denominator: '0' }], expected: 5, figure: '75% (1.500/2.000)' },
  'status/allComplete': { inputs: [{ value: 'Hoàn thành' }, { value: 'Đã hoàn thành' }, { value: 'Đang triển khai' }, { value: 'hoàn thành' }, { value: 'Hoàn thành' }], expected: 5, figure: 'Hoàn thành 4/5 đơn vị' },
  'applied/allComplete': { inputs: [1, 2, 3, 4, 5].map((i) => ({ value: i % 2 ? 'Ứng dụng' : 'Có', note: `Dự án AI số ${i}` })), expected: 5, figure: 'Hoàn thành 5/5 đơn vị' },
  'rate/singleSource': { inputs: [{ value: '72,5%' }], expected: 1, figure: '72,5%' },
  'status/singleSource': { inputs: [{ value: 'Hoàn thành', note: 'Biên bản nghiệm thu' }], expected: 1, figure: 'Hoàn thành' },
  'yesNo/singleSource': { inputs: [{ value: 'Có' }], expected: 1, figure: 'Có' },
};

// The province evaluation of each indicator under its scenario, worked out by hand from its target:
// 72,5 % vs ≥ 70 / ≥ 50 / ≥ 60 / ≥ 15 → Vượt; vs 80 / 90 / 95 / 100 → Chưa đạt; vs > 10 → Đạt, > 80 → Chưa đạt.
// 60 % vs 40 → Vượt, vs 70 / 100 → Chưa đạt.  75 % vs ≥ 50 → Vượt, > 60 → Đạt, 50-80 → Đạt, 80 / 90 / 95 / 100 → Chưa đạt.
const EXPECTED: Readonly<Record<number, Evaluation>> = {
  1: 'exceeded', 2: 'exceeded', 3: 'notMet', 4: 'notMet', 5: 'notMet', 6: 'exceeded', 7: 'notMet', 8: 'notMet',
  9: 'notMet', 10: 'met', 11: 'met', 12: 'exceeded', 13: 'met', 14: 'notMet', 15: 'notMet', 16: 'notMet',
  17: 'notMet', 18: 'notMet', 19: 'notMet', 20: 'exceeded', 21: 'exceeded', 22: 'notMet', 23: 'notMet', 24: 'notMet',
  25: 'notMet', 26: 'notMet', 27: 'notMet', 28: 'notMet', 29: 'notMet', 30: 'notMet', 31: 'notMet', 32: 'notMet',
  33: 'notMet', 34: 'notMet', 35: 'notMet', 36: 'notMet', 37: 'notMet', 38: 'notMet', 39: 'notMet', 40: 'met',
  41: 'notMet', 42: 'met', 43: 'notMet', 44: 'notMet', 45: 'met', 46: 'met', 47: 'notMet', 48: 'exceeded',
  49: 'notMet', 50: 'notMet', 51: 'met',
};

const suite = hasRealCatalogue ? describe : describe.skip;

suite('the real catalogue nghe-an-1174-2026 through the engine', () => {
  const catalogue = loadCatalogue();
  const rows = catalogue.indicators.map((i) => [i.no, i.targetText, `${i.form.kind}/${i.aggregation.kind}`, i] as const);

  it('has the 51 indicators of Phụ lục 01, each with a scenario, and covers every form and rule', () => {
    expect(catalogue.indicators.map((i) => i.no)).toEqual(Array.from({ length: 51 }, (_, k) => k + 1));
    expect(rows.filter(([, , key]) => !SCENARIOS[key]).map(([no, , key]) => `${no}: ${key}`)).toEqual([]);
    expect(new Set(catalogue.indicators.map((i) => i.aggregation.kind))).toEqual(new Set(['shareYes', 'ratioOfSums', 'singleSource', 'allComplete']));
    expect(new Set(catalogue.indicators.map((i) => i.form.kind))).toEqual(new Set(['rate', 'countPair', 'yesNo', 'status', 'applied']));
  });

  it.each(rows)('%d (target %s, %s)', (no, _target, key, indicator: Indicator) => {
    const scenario = SCENARIOS[key];
    const units = Array.from({ length: scenario.expected }, (_, k) => `u${k + 1}`);
    const reports: UnitReport[] = scenario.inputs.map((raw, k) => {
      const r = evaluateInput(indicator, raw);
      if (!r.ok) throw new Error(`${indicator.id} ${JSON.stringify(raw)}: ${r.issues.map((i) => i.message).join(' ')}`);
      expect(r.warnings).toEqual([]);
      return { unitId: units[k], value: r.value.value };
    });
    const a = aggregate(indicator, units, reports);
    expect(figureText(a.figure)).toBe(scenario.figure);
    expect(a.evaluation).toBe(EXPECTED[no]);
    expect([a.expected, a.reported, a.provisional]).toEqual([scenario.expected, scenario.inputs.length, scenario.inputs.length < scenario.expected]);
    // with no report at all, every indicator is "Chưa có số liệu", never "Chưa đạt"
    expect(aggregate(indicator, units, []).evaluation).toBe('noData');
  });
});
