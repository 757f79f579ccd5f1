// What a report says about a value, by whose target and when (docs/figures.md §1–2), table-driven
// over the real catalogue's indicators: every level, every kind of target, every period of the scheme.
import { assessmentLabel, assessMeasure, assessValue, contributionText } from '../../src/core/assessment';
import { parsePeriod, periodsOfScheme } from '../../src/core/periods';
import type { ParsedValue } from '../../src/core/values';
import { loadCatalogue } from './fixtures/catalogue';

const catalogue = loadCatalogue();
const ind = (no: number) => catalogue.indicators.find((i) => i.no === no)!;
const period = (id: string) => {
  const p = parsePeriod(id);
  if (!p.ok) throw new Error(id);
  return p.value;
};
const rate = (percent: number): ParsedValue => ({ kind: 'rate', percent });
const pair = (numerator: number, denominator: number): ParsedValue => ({ kind: 'countPair', numerator, denominator });

describe('a unit’s value in each period of the scheme', () => {
  it.each([
    // no, value, Q1 / H1 / 9M label, Y label
    [1, rate(35), 'Đạt 50% mục tiêu năm', 'Chưa đạt'],          // single source, ≥ 70 %
    [1, rate(70), 'Đã đạt mục tiêu năm', 'Đạt'],
    [1, rate(72.5), 'Đã đạt mục tiêu năm', 'Vượt'],
    [13, pair(30, 60), 'Đóng góp vào số liệu toàn tỉnh', 'Đóng góp vào số liệu toàn tỉnh'], // > 60 % of the province
    [46, rate(25), 'Đạt 50% mục tiêu năm', 'Chưa đạt'],          // band 50-80 %: progress against its lower bound
    [46, rate(85), 'Đã đạt mục tiêu năm', 'Vượt'],
    [49, rate(80), 'Đạt 100% mục tiêu năm', 'Chưa đạt'],          // "> 80 %": 80 is not yet there
    [5, { kind: 'yesNo', yes: true }, 'Đóng góp vào số liệu toàn tỉnh', 'Đóng góp vào số liệu toàn tỉnh'],
    [7, { kind: 'yesNo', yes: true }, 'Đã đạt mục tiêu năm', 'Đạt'], // 100 % of communes: each commune's own part
    [7, { kind: 'yesNo', yes: false }, 'Chưa đạt mục tiêu năm', 'Chưa đạt'],
    [16, pair(90, 120), 'Đạt 75% mục tiêu năm', 'Chưa đạt'],
    [10, { kind: 'applied', applied: true, description: 'AI' }, 'Đã đạt mục tiêu năm', 'Đạt'],
    [45, { kind: 'status', status: 'inProgress' }, 'Chưa đạt mục tiêu năm', 'Chưa đạt'],
    [5, null, 'Chưa có số liệu', 'Chưa có số liệu'],
    [1, null, 'Chưa có số liệu', 'Chưa có số liệu'],
  ] as const)('indicator %d, %j → “%s” before the year, “%s” in it', (no, value, interim, final) => {
    for (const p of periodsOfScheme(2026, catalogue.reportingScheme)) {
      expect([p.id, assessmentLabel(assessValue(ind(no), value, p))]).toEqual([p.id, p.code === 'Y' ? final : interim]);
    }
  });

  it('judges a unit’s value only where the target applies to it, for every indicator of the plan', () => {
    for (const i of catalogue.indicators) {
      const a = assessValue(i, rate(50), period('2026-Y'));
      expect([i.no, a.kind]).toEqual([i.no, i.level === 'province' ? 'contribution' : 'final']);
    }
  });

  it('always judges the province figure (as progress before the year’s report)', () => {
    for (const i of catalogue.indicators) {
      expect(assessMeasure(i, 'province', { kind: 'percent', percent: 50 }, period('2026-9M')).kind).toBe('progress');
      expect(assessMeasure(i, 'province', { kind: 'percent', percent: 50 }, period('2026-Y')).kind).toBe('final');
    }
  });
});

describe('contributionText', () => {
  it.each([
    [pair(40, 60), '40/60 = 66,67%'],
    [pair(1234, 2000), '1.234/2.000 = 61,7%'],
    [pair(0, 0), '0/0'],
    [{ kind: 'yesNo', yes: true }, 'Có'],
    [rate(70.5), '70,5%'],
    [null, 'Chưa có số liệu'],
  ] as const)('%j → %s', (value, text) => expect(contributionText(value as ParsedValue | null)).toBe(text));
});
