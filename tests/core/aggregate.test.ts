import { aggregate, figureText, type UnitReport } from '../../src/core/aggregate';
import type { ParsedValue } from '../../src/core/values';
import { byNo } from './fixtures/appendix01';

const yes: ParsedValue = { kind: 'yesNo', yes: true };
const no: ParsedValue = { kind: 'yesNo', yes: false };
const pair = (numerator: number, denominator: number): ParsedValue => ({ kind: 'countPair', numerator, denominator });
const done: ParsedValue = { kind: 'status', status: 'done' };
const doing: ParsedValue = { kind: 'status', status: 'inProgress' };
const communes = Array.from({ length: 10 }, (_, i) => `xa-${i + 1}`);
const reports = (values: readonly (ParsedValue | null)[], ids = communes): UnitReport[] => values.map((value, i) => ({ unitId: ids[i], value }));

describe('shareYes (indicator 5: communes with a smart loudspeaker system ÷ all communes, target 70%)', () => {
  it.each([
    // yes, no, blank/missing → percent, evaluation, reported, provisional
    [[yes, yes, yes, yes, yes, yes, yes, no, no, no], 70, 'met', 10, false],
    [[yes, yes, yes, yes, yes, yes, yes, yes, no, no], 80, 'exceeded', 10, false],
    [[yes, yes, yes, yes, yes, yes, no, no, no, no], 60, 'notMet', 10, false],
    // a missing (or blank) unit is not "Không": the share is over the units that answered, provisional
    [[yes, yes, yes, yes, yes, yes], 100, 'exceeded', 6, true],
    [[yes, yes, yes, yes, yes, yes, yes, null], 100, 'exceeded', 7, true],
    [[yes, yes, no, no, null, null], 50, 'notMet', 4, true],
    [[], null, 'noData', 0, true],
  ] as const)('%j → %p%% %s (%d of 10 reported)', (values, percent, evaluation, reported, provisional) => {
    const a = aggregate(byNo(5), communes, reports(values));
    expect(a.figure).toEqual({ kind: 'percent', percent, numerator: values.filter((v) => v === yes).length, denominator: reported });
    expect([a.evaluation, a.reported, a.expected, a.provisional]).toEqual([evaluation, reported, 10, provisional]);
    expect(a.missing).toEqual(communes.slice(reported));
  });
});

describe('ratioOfSums (indicator 16: Σ trained ÷ Σ staff – never the mean of percentages)', () => {
  const agencies = ['skhcn', 'syt', 'sgddt'];
  it('is not the mean of the units’ percentages', () => {
    // 10/10 = 100 %, 0/90 = 0 %: the mean would be 50 %, Σ/Σ is 10 %
    const a = aggregate(byNo(16), agencies, reports([pair(10, 10), pair(0, 90)], agencies));
    expect(a.figure).toEqual({ kind: 'percent', percent: 10, numerator: 10, denominator: 100 });
    expect([a.evaluation, a.reported, a.missing]).toEqual(['notMet', 2, ['sgddt']]);
    expect(a.provisional).toBe(true);
  });

  it.each([
    [[pair(100, 100), pair(50, 50), pair(850, 850)], 100, 'met'],
    [[pair(0, 0), pair(5, 5), pair(0, 0)], 100, 'met'],
    [[pair(0, 0), pair(0, 0), pair(0, 0)], null, 'noData'],
  ] as const)('%j → %p%% %s', (values, percent, evaluation) => {
    const a = aggregate(byNo(16), agencies, reports(values, agencies));
    expect(a.figure.kind === 'percent' && a.figure.percent).toBe(percent);
    expect(a.evaluation).toBe(evaluation);
  });

  it('band target (indicator 46, 50-80%): 1.300 of 2.000 is met, 1.700 of 2.000 exceeded', () => {
    expect(aggregate(byNo(46), ['a', 'b'], [{ unitId: 'a', value: pair(800, 1000) }, { unitId: 'b', value: pair(500, 1000) }]).evaluation).toBe('met');
    expect(aggregate(byNo(46), ['a', 'b'], [{ unitId: 'a', value: pair(900, 1000) }, { unitId: 'b', value: pair(800, 1000) }]).evaluation).toBe('exceeded');
  });

  it('reads 7 of 10 as exactly 70 %', () => {
    const a = aggregate({ target: { kind: 'atLeast', value: 70, explicit: true }, aggregation: { kind: 'ratioOfSums' } }, ['a'], [{ unitId: 'a', value: pair(7, 10) }]);
    expect(a.figure).toEqual({ kind: 'percent', percent: 70, numerator: 7, denominator: 10 });
    expect(a.evaluation).toBe('met');
  });
});

describe('singleSource (indicator 1: SKHCN reports the 5G coverage; indicator 11: the IOC)', () => {
  it.each([
    [1, { kind: 'rate', percent: 72 }, 'exceeded'],
    [1, { kind: 'rate', percent: 68 }, 'notMet'],
    [1, null, 'noData'],
    [11, done, 'met'],
    [11, doing, 'notMet'],
  ] as const)('indicator %d, %j → %s', (no_, value, evaluation) => {
    const a = aggregate(byNo(no_), ['skhcn'], [{ unitId: 'skhcn', value: value as ParsedValue | null }]);
    expect(a.figure).toEqual({ kind: 'single', unitId: value === null ? null : 'skhcn', value });
    expect(a.evaluation).toBe(evaluation);
    expect(a.provisional).toBe(value === null);
  });

  it('takes the first expected unit that reported and ignores units that are not expected', () => {
    const a = aggregate(byNo(1), ['skhcn', 'vnpt'], [
      { unitId: 'khac', value: { kind: 'rate', percent: 99 } },
      { unitId: 'vnpt', value: { kind: 'rate', percent: 65 } },
    ]);
    expect(a.figure).toEqual({ kind: 'single', unitId: 'vnpt', value: { kind: 'rate', percent: 65 } });
    expect([a.evaluation, a.unexpected, a.missing]).toEqual(['notMet', ['khac'], ['skhcn']]);
  });
});

describe('allComplete (indicator 9: every department completes its databases)', () => {
  const depts = ['syt', 'sgddt', 'sct'];
  it.each([
    [[done, done, done], 3, 'met', false],
    [[done, doing, done], 2, 'notMet', false],
    // a missing unit is not "not done": 2 of the 2 that reported, provisional
    [[done, done], 2, 'met', true],
    [[done, doing], 1, 'notMet', true],
    [[null, null], 0, 'noData', true],
  ] as const)('%j → %d of 3 done, %s', (values, doneCount, evaluation, provisional) => {
    const a = aggregate(byNo(9), depts, reports(values, depts));
    expect(a.figure).toEqual({ kind: 'allComplete', done: doneCount, of: values.filter((v) => v !== null).length });
    expect([a.evaluation, a.provisional]).toEqual([evaluation, provisional]);
  });

  it('the last report of a unit wins', () => {
    const a = aggregate(byNo(9), ['syt'], [{ unitId: 'syt', value: doing }, { unitId: 'syt', value: done }]);
    expect(a.evaluation).toBe('met');
  });

  it('no expected unit at all: no data', () => {
    const a = aggregate(byNo(9), [], []);
    expect([a.evaluation, a.expected, a.reported]).toEqual(['noData', 0, 0]);
  });
});

describe('figureText', () => {
  it.each([
    [{ kind: 'percent', percent: 62.5, numerator: 5, denominator: 8 }, '62,5% (5/8)'],
    [{ kind: 'percent', percent: 100 / 3, numerator: 1, denominator: 3 }, '33,33% (1/3)'],
    [{ kind: 'percent', percent: null, numerator: 0, denominator: 0 }, 'Chưa có số liệu'],
    [{ kind: 'percent', percent: 10, numerator: 1234, denominator: 12340 }, '10% (1.234/12.340)'],
    [{ kind: 'allComplete', done: 3, of: 4 }, 'Hoàn thành 3/4 đơn vị đã báo cáo'],
    [{ kind: 'sectors', sectors: [
      { label: 'Y tế', unitId: 'syt', value: { kind: 'rate', percent: 85 }, evaluation: 'exceeded' },
      { label: 'Tài chính', unitId: 'nhnn', value: null, evaluation: 'noData' },
    ] }, 'Y tế: 85%; Tài chính: chưa báo cáo'],
    [{ kind: 'single', unitId: 'skhcn', value: { kind: 'rate', percent: 70.5 } }, '70,5%'],
    [{ kind: 'single', unitId: null, value: null }, 'Chưa có số liệu'],
  ] as const)('%j → %j', (figure, text) => {
    expect(figureText(figure)).toBe(text);
  });
});
