import fc from 'fast-check';
import type { ReportingForm } from '../../src/core/catalogue-types';
import {
  formatIndicatorValue, isAffirmative, parseCount, parseIndicatorValue, parseRate, parseTaskStatus, valuePercent, valueText,
  type ParsedValue, type RawIndicatorInput,
} from '../../src/core/values';
import { tidy } from '../../src/core/text';

const nfd = (s: string) => s.normalize('NFD');
const rate: ReportingForm = { kind: 'rate' };
const pair: ReportingForm = { kind: 'countPair', numeratorLabel: 'Số cán bộ được đào tạo', denominatorLabel: 'Tổng số cán bộ' };
const yesNo: ReportingForm = { kind: 'yesNo' };
const status: ReportingForm = { kind: 'status' };
const applied: ReportingForm = { kind: 'applied' };
const FORMS = [rate, pair, yesNo, status, applied];

const codes = (r: { ok: boolean; issues?: readonly { code: string }[]; warnings?: readonly { code: string }[] }) =>
  (r.ok ? r.warnings! : r.issues!).map((i) => i.code);

describe('rate field (indicators 1, 20, 49, 51: one unit reports the rate)', () => {
  it.each([
    ['70,5%', 70.5],
    ['70.5', 70.5],
    [' 70 % ', 70],
    ['100%', 100],
    ['0', 0],
    ['0%', 0],
    ['0,5%', 0.5],
    [72, 72],
    ['', null],
  ] as const)('%j → %p %%', (input, expected) => {
    const r = parseRate(input, 'value', 'ct-01');
    expect(r).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    ['0,705', 70.5],
    ['0.705', 70.5],
    [0.705, 70.5],
    ['1', 100],
    ['0,5', 50],
  ] as const)('%j without "%%" and ≤ 1 is read as a fraction: %d %% with a warning', (input, expected) => {
    const r = parseRate(input, 'value', 'ct-01');
    expect(r.ok && r.value).toBe(expected);
    expect(r.ok && r.warnings).toEqual([
      expect.objectContaining({ code: 'value.readAsFraction', severity: 'warning', field: 'value', rowId: 'ct-01' }),
    ]);
    expect(r.ok && r.warnings[0].message).toContain(`${String(expected).replace('.', ',')}%`);
  });

  it.each([
    ['120%', 'value.percentOutOfRange'],
    ['100,01', 'value.percentOutOfRange'],
    ['-5%', 'value.percentOutOfRange'],
    ['bảy mươi', 'value.notNumber'],
    ['70,5,1', 'value.notNumber'],
    [NaN, 'value.notNumber'],
  ] as const)('%j is refused: %s', (input, code) => {
    const r = parseRate(input, 'value', 'ct-01');
    expect(codes(r)).toEqual([code]);
    expect(r.ok).toBe(false);
  });

  it('says what was typed, in Vietnamese with diacritics', () => {
    const r = parseRate('120%', 'value');
    expect(!r.ok && r.issues[0].message).toBe('Giá trị “120%” phải là tỷ lệ từ 0% đến 100%.');
  });
});

describe('count fields', () => {
  it.each([
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['45', 45],
    [1200, 1200],
    ['0', 0],
  ] as const)('%j → %d', (input, expected) => {
    expect(parseCount(input, 'numerator')).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    ['12,5', 'value.fractionalCount'],
    ['1.5', 'value.fractionalCount'],
    [3.2, 'value.fractionalCount'],
    ['-3', 'value.negative'],
    ['45%', 'value.notNumber'],
    ['mười', 'value.notNumber'],
    ['99999999999999999999', 'value.notNumber'],
  ] as const)('%j is refused: %s', (input, code) => {
    expect(codes(parseCount(input, 'numerator'))).toEqual([code]);
  });
});

describe('count pair (indicator 16: trained staff of all staff)', () => {
  it.each([
    [{ numerator: '45', denominator: '1.200' }, { kind: 'countPair', numerator: 45, denominator: 1200 }],
    [{ numerator: 1200, denominator: 1200 }, { kind: 'countPair', numerator: 1200, denominator: 1200 }],
    [{ numerator: '0', denominator: '0' }, { kind: 'countPair', numerator: 0, denominator: 0 }],
    [{}, null],
    [{ numerator: ' ', denominator: '' }, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseIndicatorValue(pair, input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    [{ numerator: '50', denominator: '40' }, ['value.numeratorAboveDenominator']],
    [{ numerator: '5', denominator: '0' }, ['value.denominatorZero']],
    [{ numerator: '5' }, ['value.required']],
    [{ denominator: '5' }, ['value.required']],
    [{ numerator: '-1', denominator: '2,5' }, ['value.negative', 'value.fractionalCount']],
  ] as const)('%j is refused: %j', (input, expected) => {
    const r = parseIndicatorValue(pair, input, 'ct-16');
    expect(codes(r)).toEqual(expected);
    expect(!r.ok && r.issues.every((i) => i.rowId === 'ct-16' && i.severity === 'error')).toBe(true);
  });

  it('points value.required at the missing side', () => {
    const r = parseIndicatorValue(pair, { numerator: '5' });
    expect(!r.ok && r.issues[0]).toMatchObject({ field: 'denominator', message: 'Mẫu số chưa được nhập.' });
  });
});

describe('Có / Không (indicator 5: each commune answers)', () => {
  it.each([
    ['Có', true], ['có', true], [' CÓ ', true], [nfd('Có'), true],
    ['Không', false], [nfd('KHÔNG'), false], ['Chưa có', false],
    ['Hoàn thành', true], ['Đã hoàn thành', true], ['Chưa hoàn thành', false],
  ] as const)('%j → %p', (input, yes) => {
    expect(parseIndicatorValue(yesNo, { value: input })).toEqual({ ok: true, value: { kind: 'yesNo', yes }, warnings: [] });
  });

  it.each(['Rồi', 'Chưa', 'Co', 'Khong', 'x', '1', 1])('%j is refused with the accepted words', (input) => {
    const r = parseIndicatorValue(yesNo, { value: input }, 'ct-05');
    expect(codes(r)).toEqual(['value.unknownYesNo']);
    expect(!r.ok && r.issues[0].message).toContain('Chọn một trong: Có; Không.');
  });
});

describe('status (indicator 11: IOC – Hoàn thành / Đang triển khai / Chưa triển khai)', () => {
  it.each([
    ['Hoàn thành', 'done'], ['Đã hoàn thành', 'done'], [nfd('hoàn THÀNH'), 'done'],
    ['Đang triển khai', 'inProgress'], ['Đang triển khai (đúng tiến độ)', 'inProgress'], ['Chậm tiến độ', 'inProgress'],
    ['Chưa triển khai', 'notStarted'],
  ] as const)('%j → %s', (input, expected) => {
    const r = parseIndicatorValue(status, { value: input, note: ' Quyết định số 12/QĐ-UBND ' });
    expect(r).toEqual({ ok: true, value: { kind: 'status', status: expected, evidence: 'Quyết định số 12/QĐ-UBND' }, warnings: [] });
  });

  it.each(['Chưa hoàn thành', 'Có', 'Rồi', 'Hoan thanh'])('%j is refused as a status', (input) => {
    const r = parseIndicatorValue(status, { value: input });
    expect(codes(r)).toEqual(['value.unknownStatus']);
    expect(!r.ok && r.issues[0].message).toContain('Hoàn thành; Đang triển khai; Chưa triển khai');
  });
});

describe('task progress vocabulary (Phụ lục 02)', () => {
  it.each([
    ['Hoàn thành', 'done'], ['Đã hoàn thành', 'done'],
    ['Đang triển khai (đúng tiến độ)', 'onTrack'], ['đang triển khai(đúng tiến độ)', 'onTrack'], ['Đang triển khai', 'onTrack'],
    ['Chậm tiến độ', 'late'], [nfd('CHẬM TIẾN ĐỘ'), 'late'], ['Đang triển khai (chậm tiến độ)', 'late'],
    ['Chưa triển khai', 'notStarted'],
    ['', null],
  ] as const)('%j → %p', (input, expected) => {
    expect(parseTaskStatus(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each(['Chưa hoàn thành', 'Rồi', 'Chưa', 'done', 'Có'])('%j is refused', (input) => {
    expect(codes(parseTaskStatus(input, 'status', 'nv-07'))).toEqual(['value.unknownStatus']);
  });
});

describe('applied (indicator 10: IoT / AI / Big Data projects, with a description)', () => {
  it.each([
    [{ value: 'Ứng dụng', note: 'Hệ thống camera AI giám sát giao thông' }, { kind: 'applied', applied: true, description: 'Hệ thống camera AI giám sát giao thông' }],
    [{ value: 'Có', note: 'Bệnh án điện tử' }, { kind: 'applied', applied: true, description: 'Bệnh án điện tử' }],
    [{ value: 'Chưa ứng dụng' }, { kind: 'applied', applied: false }],
    [{ value: 'Không' }, { kind: 'applied', applied: false }],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseIndicatorValue(applied, input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([{ value: 'Đã ứng dụng' }, { value: 'Có', note: '   ' }])('yes without a description is an error: %j', (input) => {
    const r = parseIndicatorValue(applied, input, 'ct-10');
    expect(!r.ok && r.issues).toEqual([expect.objectContaining({ code: 'value.descriptionRequired', severity: 'error', field: 'note', rowId: 'ct-10' })]);
  });
});

describe('helpers on parsed values', () => {
  it.each([
    [{ kind: 'rate', percent: 70.5 }, 70.5, false, '70,5%'],
    [{ kind: 'rate', percent: 100 }, 100, true, '100%'],
    [{ kind: 'countPair', numerator: 45, denominator: 1200 }, 3.75, false, '3,75% (45/1.200)'],
    [{ kind: 'countPair', numerator: 0, denominator: 0 }, null, false, '0/0'],
    [{ kind: 'countPair', numerator: 7, denominator: 7 }, 100, true, '100% (7/7)'],
    [{ kind: 'yesNo', yes: true }, null, true, 'Có'],
    [{ kind: 'status', status: 'inProgress' }, null, false, 'Đang triển khai'],
    [{ kind: 'applied', applied: true, description: 'x' }, null, true, 'Đã ứng dụng'],
  ] as const)('%j: percent %p, affirmative %p, printed %j', (v, percent, yes, text) => {
    expect(valuePercent(v as ParsedValue)).toBe(percent);
    expect(isAffirmative(v as ParsedValue)).toBe(yes);
    expect(valueText(v as ParsedValue)).toBe(text);
  });
});

// ---- properties ----------------------------------------------------------------------------------

const WORDS = ['Hoàn thành', 'Đã hoàn thành', 'Chưa hoàn thành', 'Có', 'Không', 'Chưa có', 'Đang triển khai',
  'Đang triển khai (đúng tiến độ)', 'Chậm tiến độ', 'Chưa triển khai', 'Ứng dụng', 'Đã ứng dụng', 'Chưa ứng dụng'];
const numberish = fc.stringMatching(/^ ?[-+−]?[\d.,]{1,12} ?%? ?$/);
const typedWord = fc.tuple(fc.constantFrom(...WORDS), fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '  ', '\u00a0'))
  .map(([w, upper, decomposed, pad]) => `${pad}${(upper ? w.toUpperCase() : w).normalize(decomposed ? 'NFD' : 'NFC')}${pad}`);
const cell = fc.oneof(fc.string(), numberish, typedWord, fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined));
const rawInput = fc.record({ value: cell, numerator: cell, denominator: cell, note: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: [] });
const formArb = fc.constantFrom(...FORMS);

describe('properties of the value parser', () => {
  it('never throws, whatever is typed, in every form', () => {
    fc.assert(fc.property(formArb, rawInput, (form, raw) => {
      const r = parseIndicatorValue(form, raw as RawIndicatorInput);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 2000 });
  });

  it('a read value printed and read again is the same value', () => {
    fc.assert(fc.property(formArb, rawInput, (form, raw) => {
      const first = parseIndicatorValue(form, raw as RawIndicatorInput);
      if (!first.ok || first.value === null) return;
      const again = parseIndicatorValue(form, formatIndicatorValue(first.value));
      expect(again).toEqual({ ok: true, value: first.value, warnings: [] });
    }), { numRuns: 2000 });
  });

  const note = fc.string({ minLength: 1 }).map(tidy).filter((s) => s !== '');
  const generated: fc.Arbitrary<[ReportingForm, ParsedValue]> = fc.oneof(
    fc.double({ min: 0, max: 100, noNaN: true }).map((p) => [rate, { kind: 'rate', percent: p === 0 ? 0 : p }]),
    fc.tuple(fc.maxSafeNat(), fc.maxSafeNat()).map(([a, b]) => [pair, { kind: 'countPair', numerator: Math.min(a, b), denominator: Math.max(a, b) }]),
    fc.boolean().map((yes) => [yesNo, { kind: 'yesNo', yes }]),
    fc.tuple(fc.constantFrom('done', 'inProgress', 'notStarted' as const), fc.option(note, { nil: undefined }))
      .map(([s, evidence]) => [status, { kind: 'status', status: s, ...(evidence ? { evidence } : {}) }]),
    fc.oneof(note.map((d) => ({ kind: 'applied', applied: true, description: d })), fc.constant({ kind: 'applied', applied: false }))
      .map((v) => [applied, v as ParsedValue]),
  ) as fc.Arbitrary<[ReportingForm, ParsedValue]>;

  it('parse(format(v)) is v for generated values of each form', () => {
    fc.assert(fc.property(generated, ([form, v]) => {
      expect(parseIndicatorValue(form, formatIndicatorValue(v))).toEqual({ ok: true, value: v, warnings: [] });
    }), { numRuns: 2000 });
  });

  it('reads a status word however it is typed (case, NFC/NFD, spaces)', () => {
    fc.assert(fc.property(fc.constantFrom('Hoàn thành', 'Chậm tiến độ', 'Đang triển khai (đúng tiến độ)', 'Chưa triển khai'), fc.boolean(), fc.boolean(), (w, upper, decomposed) => {
      const typed = ` ${(upper ? w.toUpperCase() : w.toLowerCase()).normalize(decomposed ? 'NFD' : 'NFC')}  `;
      expect(parseTaskStatus(typed)).toEqual(parseTaskStatus(w));
    }));
  });
});
