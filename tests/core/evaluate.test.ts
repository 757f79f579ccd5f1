import { EVALUATION_LABELS, evaluateInput, evaluateValue } from '../../src/core/evaluate';
import type { ParsedValue } from '../../src/core/values';
import { byNo, indicatorOf } from './fixtures/appendix01';

const rate = (percent: number): ParsedValue => ({ kind: 'rate', percent });

describe('one unit against the real targets of Phụ lục 01', () => {
  it.each([
    // indicator, target text, value, evaluation
    [1, '≥ 70%', rate(69.9), 'notMet'],
    [1, '≥ 70%', rate(70), 'met'],
    [1, '≥ 70%', rate(70.5), 'exceeded'],
    [20, '≥60%', rate(60), 'met'],
    [5, '70%', { kind: 'yesNo', yes: true }, 'exceeded'],
    [5, '70%', { kind: 'yesNo', yes: false }, 'notMet'],
    [16, '100%', { kind: 'countPair', numerator: 1200, denominator: 1200 }, 'met'],
    [16, '100%', { kind: 'countPair', numerator: 1199, denominator: 1200 }, 'notMet'],
    [16, '100%', { kind: 'countPair', numerator: 0, denominator: 0 }, 'noData'],
    [37, '100% đối với các thủ tục đủ điều kiện', rate(100), 'met'],
    [13, '> 60%', { kind: 'countPair', numerator: 6, denominator: 10 }, 'notMet'],
    [13, '> 60%', { kind: 'countPair', numerator: 61, denominator: 100 }, 'met'],
    [49, '>80%', rate(80), 'notMet'],
    [49, '>80%', rate(95), 'met'],
    [51, '>10%', rate(10.01), 'met'],
    [46, '50-80%', rate(49.99), 'notMet'],
    [46, '50-80%', rate(50), 'met'],
    [46, '50-80%', rate(80), 'met'],
    [46, '50-80%', rate(80.5), 'exceeded'],
    [11, 'Hoàn thành', { kind: 'status', status: 'done' }, 'met'],
    [11, 'Hoàn thành', { kind: 'status', status: 'inProgress' }, 'notMet'],
    [11, 'Hoàn thành', { kind: 'status', status: 'notStarted' }, 'notMet'],
    [40, 'Có', { kind: 'yesNo', yes: true }, 'met'],
    [40, 'Có', { kind: 'yesNo', yes: false }, 'notMet'],
    [10, 'Ứng dụng', { kind: 'applied', applied: true, description: 'Camera AI' }, 'met'],
    [10, 'Ứng dụng', { kind: 'applied', applied: false }, 'notMet'],
    [1, '≥ 70%', null, 'noData'],
    [11, 'Hoàn thành', null, 'noData'],
  ] as const)('%d (%s): %j → %s', (no, targetText, value, expected) => {
    const row = byNo(no);
    expect(row.targetText).toBe(targetText);
    expect(evaluateValue(row.target, value as ParsedValue | null)).toBe(expected);
  });

  it('7 of 10 is exactly met against ≥ 70 % (no rounding noise)', () => {
    expect(evaluateValue({ kind: 'atLeast', value: 70, explicit: true }, { kind: 'countPair', numerator: 7, denominator: 10 })).toBe('met');
  });

  it('labels the outcomes in Vietnamese', () => {
    expect(EVALUATION_LABELS).toEqual({ met: 'Đạt', exceeded: 'Vượt', notMet: 'Chưa đạt', noData: 'Chưa có số liệu', manual: 'Đánh giá thủ công' });
  });
});

describe('evaluateInput: an unreadable input is an input error, never "Chưa đạt"', () => {
  it.each([
    [1, { value: 'bảy mươi' }, 'value.notNumber'],
    [1, { value: '170%' }, 'value.percentOutOfRange'],
    [16, { numerator: '50', denominator: '40' }, 'value.numeratorAboveDenominator'],
    [11, { value: 'Rồi' }, 'value.unknownStatus'],
  ] as const)('indicator %d, %j fails with %s', (no, raw, code) => {
    const r = evaluateInput(indicatorOf(byNo(no)), raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => [i.code, i.rowId])).toEqual([[code, indicatorOf(byNo(no)).id]]);
  });

  it.each([
    [1, { value: '72%' }, 'exceeded', []],
    [1, { value: '0,65' }, 'notMet', ['value.readAsFraction']],
    [46, { numerator: '1.300', denominator: '2.000' }, 'met', []],
    [5, { value: 'không' }, 'notMet', []],
    [5, {}, 'noData', []],
  ] as const)('indicator %d, %j → %s', (no, raw, evaluation, warnings) => {
    const r = evaluateInput(indicatorOf(byNo(no)), raw);
    expect(r.ok && r.value.evaluation).toBe(evaluation);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(warnings);
  });
});
