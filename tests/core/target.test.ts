// The target grammar of Phụ lục 01 (docs/domain.md §2), over every form the plan prints and some it does not.
import fc from 'fast-check';
import type { Target } from '../../src/core/catalogue-types';
import { formatTarget, parseTarget } from '../../src/core/target';

describe('parseTarget', () => {
  it.each<[string, Target]>([
    ['≥ 70%', { kind: 'atLeast', value: 70, explicit: true }],
    ['≥60%', { kind: 'atLeast', value: 60, explicit: true }],
    ['>= 60 %', { kind: 'atLeast', value: 60, explicit: true }],
    ['> 60%', { kind: 'greaterThan', value: 60 }],
    ['>80%', { kind: 'greaterThan', value: 80 }],
    ['>10%', { kind: 'greaterThan', value: 10 }],
    ['100%', { kind: 'atLeast', value: 100, explicit: false }],
    ['95%', { kind: 'atLeast', value: 95, explicit: false }],
    [' 40 % ', { kind: 'atLeast', value: 40, explicit: false }],
    ['70,5%', { kind: 'atLeast', value: 70.5, explicit: false }],
    ['50-80%', { kind: 'band', min: 50, max: 80 }],
    ['50 – 80 %', { kind: 'band', min: 50, max: 80 }],
    ['100% đối với các thủ tục đủ điều kiện', { kind: 'atLeast', value: 100, explicit: false, qualifier: 'đối với các thủ tục đủ điều kiện' }],
    ['Hoàn thành', { kind: 'complete' }],
    ['hoàn thành', { kind: 'complete' }],
    ['Hoa\u0300n tha\u0300nh', { kind: 'complete' }], // NFD, as a Mac keyboard types it
    ['Có', { kind: 'exists' }],
    ['Ứng dụng', { kind: 'applied' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseTarget(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'Đạt', 'khoảng 70', '70', '≥ 170%', '80-50%', '≤ 10%', 'Không', '70% %', 'x%'])('"%s" is an issue, never met', (text) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe('target.unknown');
      expect(r.issues[0].message).toMatch(/Không đọc được mục tiêu/);
    }
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTarget(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.constantFrom('≥', '>', '>=', '', ' '), fc.double(), fc.string(), (op, n, tail) => {
      parseTarget(`${op}${n}%${tail}`);
    }));
  });

  it.each<[Target, string]>([
    [{ kind: 'atLeast', value: 70, explicit: true }, '≥ 70%'],
    [{ kind: 'atLeast', value: 95, explicit: false }, '95%'],
    [{ kind: 'atLeast', value: 70.5, explicit: false }, '70,5%'],
    [{ kind: 'greaterThan', value: 60 }, '> 60%'],
    [{ kind: 'band', min: 50, max: 80 }, '50-80%'],
    [{ kind: 'atLeast', value: 100, explicit: false, qualifier: 'đối với các thủ tục đủ điều kiện' }, '100% đối với các thủ tục đủ điều kiện'],
    [{ kind: 'complete' }, 'Hoàn thành'],
    [{ kind: 'exists' }, 'Có'],
    [{ kind: 'applied' }, 'Ứng dụng'],
  ])('formats %j as "%s", which reads back the same', (target, text) => {
    expect(formatTarget(target)).toBe(text);
    expect(parseTarget(formatTarget(target))).toEqual({ ok: true, value: target });
  });
});
