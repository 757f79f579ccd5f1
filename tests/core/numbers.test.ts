import fc from 'fast-check';
import { formatCount, formatNumber, formatPercent, readNumber, shiftDecimal } from '../../src/core/numbers';

describe('readNumber: numbers as Vietnamese clerks type them', () => {
  it.each([
    // text, style, value, percent sign
    ['70,5%', 'decimal', 70.5, true],
    ['70.5', 'decimal', 70.5, false],
    [' 70 % ', 'decimal', 70, true],
    ['0,705', 'decimal', 0.705, false],
    ['1.234', 'decimal', 1.234, false],
    ['1.234', 'count', 1234, false],
    ['1.234.567', 'count', 1234567, false],
    ['1.234.567', 'decimal', 1234567, false],
    ['1 234', 'count', 1234, false],
    ['1\u00a0234\u00a0567', 'count', 1234567, false],
    ['1.234,5', 'count', 1234.5, false],
    ['1,234.5', 'count', 1234.5, false],
    ['1,5', 'count', 1.5, false],
    ['1.5', 'count', 1.5, false],
    ['1.23', 'count', 1.23, false],
    ['0.705', 'count', 0.705, false],
    ['-5', 'count', -5, false],
    ['−12,5%', 'decimal', -12.5, true],
    ['+3', 'count', 3, false],
    ['007', 'count', 7, false],
  ] as const)('%j (%s) reads as %d', (text, style, value, percentSign) => {
    expect(readNumber(text, style)).toMatchObject({ kind: 'number', value, percentSign });
  });

  it.each(['abc', '70,', ',5', '1e3', '1..2', '1.2.3', '1,2,3.4.5', '70 5', '1_234', '%', '12%%', '1.234,5,6', 'Infinity', 'NaN', '0x10'])(
    '%j is not a number',
    (text) => {
      expect(readNumber(text, 'decimal').kind).toBe('notNumber');
      expect(readNumber(text, 'count').kind).toBe('notNumber');
    },
  );

  it.each([null, undefined, '', '   ', '\u00a0'])('%j is empty', (input) => {
    expect(readNumber(input, 'decimal')).toEqual({ kind: 'empty' });
  });

  it.each([
    [70.5, 70.5],
    [0, 0],
    [-0, 0],
    [1e-7, 1e-7],
  ])('a JS number %d from Excel reads as itself', (input, value) => {
    const r = readNumber(input, 'decimal');
    expect(r).toMatchObject({ kind: 'number', value });
    if (r.kind === 'number') expect(Object.is(r.value, -0)).toBe(false);
  });

  it.each([NaN, Infinity, -Infinity, {}, true])('%p is not a number', (input) => {
    expect(readNumber(input, 'decimal').kind).toBe('notNumber');
  });

  it.each([
    ['0.705', 2, '70.5'],
    ['0.5', 2, '50'],
    ['1', 2, '100'],
    ['0.0001', 2, '0.01'],
    ['70.5', -2, '0.705'],
    ['-0.25', 2, '-25'],
  ])('shiftDecimal(%j, %d) = %j', (d, places, expected) => {
    expect(shiftDecimal(d, places)).toBe(expected);
  });

  it('never throws, on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[-+−]?[\d.,% ]{0,14}$/), fc.double(), fc.anything()), fc.constantFrom('decimal', 'count' as const), (input, style) => {
        readNumber(input, style as 'decimal' | 'count');
      }),
    );
  });
});

describe('formatting the Vietnamese way', () => {
  it.each([
    [70.5, undefined, '70,5%'],
    [70, undefined, '70%'],
    [100 / 3, undefined, '33,33%'],
    [100 / 3, 1, '33,3%'],
    [0.0000001, 'exact', '0,0000001%'],
    [12.345678, 'exact', '12,345678%'],
    [-0.001, undefined, '0%'],
  ] as const)('formatPercent(%d, %p) = %j', (v, digits, expected) => {
    expect(formatPercent(v, digits)).toBe(expected);
  });

  it.each([
    [1234, '1.234'],
    [1234567, '1.234.567'],
    [999, '999'],
    [0, '0'],
    [-1234, '-1.234'],
  ])('formatCount(%d) = %j', (n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });

  it.each([
    [1234.5, '1.234,5'],
    [-1234567.25, '-1.234.567,25'],
    [1e21, '1.000.000.000.000.000.000.000'],
  ])('formatNumber(%d) = %j', (v, expected) => {
    expect(formatNumber(v)).toBe(expected);
  });

  it('prints whole numbers as the Vietnamese locale does, whatever their size and sign (the whole-number path)', () => {
    const grouped = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
    const plain = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, useGrouping: false });
    const whole = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ min: -1e21, max: 1e21, noNaN: true }).map(Math.trunc));
    fc.assert(
      fc.property(whole, (n) => {
        const expected = Object.is(n, -0) ? '0' : grouped.format(n);
        expect(formatNumber(n)).toBe(expected);
        expect(formatCount(n)).toBe(expected);
        expect(formatNumber(n, 2)).toBe(expected);
        expect(formatPercent(n)).toBe(`${Object.is(n, -0) ? '0' : plain.format(n)}%`);
      }),
    );
    expect([formatNumber(-0), formatPercent(-0), formatCount(-0)]).toEqual(['0', '0%', '0']);
  });

  it('reads back exactly what it prints: counts', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(readNumber(formatCount(n), 'count')).toMatchObject({ kind: 'number', value: n === 0 ? 0 : n });
      }),
    );
  });

  it('reads back exactly what it prints: percentages (exact)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (v) => {
        const r = readNumber(formatPercent(v, 'exact'), 'decimal');
        expect(r).toMatchObject({ kind: 'number', value: v === 0 ? 0 : v, percentSign: true });
      }),
    );
  });

  it('reads back what it prints: percentages with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (hundredths) => {
        const v = hundredths / 100;
        expect(readNumber(formatPercent(v), 'decimal')).toMatchObject({ value: v });
      }),
    );
  });
});
