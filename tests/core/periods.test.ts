import { closesYear, formatDateVi, formatPeriod, inScheme, isLate, parsePeriod, periodLabel, periodsOfScheme, periodsOfYear, periodWording, submissionDeadline, vietnamDate, type Period } from '../../src/core/periods';

const period = (id: string): Period => {
  const r = parsePeriod(id);
  if (!r.ok) throw new Error(id);
  return r.value;
};

describe('report periods and their cut-off windows (DOMAIN.md §4)', () => {
  it.each([
    ['2026-Q1', '2025-12-15', '2026-03-14', 'Quý I năm 2026'],
    ['2026-Q2', '2026-03-15', '2026-06-14', 'Quý II năm 2026'],
    ['2026-Q3', '2026-06-15', '2026-09-14', 'Quý III năm 2026'],
    ['2026-Q4', '2026-09-15', '2026-12-14', 'Quý IV năm 2026'],
    ['2026-H1', '2025-12-15', '2026-06-14', '6 tháng đầu năm 2026'],
    ['2026-9M', '2025-12-15', '2026-09-14', '9 tháng năm 2026'],
    ['2026-Y', '2025-12-15', '2026-12-14', 'Năm 2026'],
  ])('%s runs %s – %s, "%s"', (id, start, end, label) => {
    const p = period(id);
    expect([p.start, p.end, p.year, formatPeriod(p), periodLabel(p)]).toEqual([start, end, 2026, id, label]);
  });

  it.each(['2026-q1', ' 2026-h1 ', '2026-y'])('reads %j regardless of case and spaces', (id) => {
    expect(parsePeriod(id).ok).toBe(true);
  });

  it.each(['2026-Q5', '2026-H2', '26-Q1', 'Q1-2026', '2026', '', 'Quý I năm 2026', '0999-Q1'])('%j is not a period', (id) => {
    const r = parsePeriod(id);
    expect(!r.ok && r.issues.map((i) => [i.code, i.field])).toEqual([['period.unknown', 'period']]);
  });

  it('lists the seven periods of a year in the order they close', () => {
    expect(periodsOfYear(2027).map((p) => p.id)).toEqual(['2027-Q1', '2027-Q2', '2027-H1', '2027-Q3', '2027-9M', '2027-Q4', '2027-Y']);
    expect(periodsOfYear(2027)[0].start).toBe('2026-12-15');
  });

  it('prints dates the Vietnamese way', () => {
    expect(formatDateVi('2026-03-14')).toBe('14/03/2026');
  });
});

describe('submission deadline after the cut-off', () => {
  it.each([
    // cut-off 14/03/2026 is a Saturday: 5 working days → Fri 20/03
    ['2026-Q1', { days: 5, workingDays: true }, '2026-03-20'],
    // 14/06/2026 is a Sunday → Fri 19/06
    ['2026-H1', { days: 5, workingDays: true }, '2026-06-19'],
    // 14/09/2026 is a Monday → 15, 16, 17, 18, 21
    ['2026-9M', { days: 5, workingDays: true }, '2026-09-21'],
    ['2026-Y', { days: 5, workingDays: true }, '2026-12-21'],
    ['2026-Q1', { days: 10, workingDays: false }, '2026-03-24'],
    ['2026-Q1', { days: 0, workingDays: true }, '2026-03-14'],
  ])('%s with %j → %s', (id, config, deadline) => {
    expect(submissionDeadline(period(id), config)).toBe(deadline);
  });

  it('defaults to 5 working days', () => {
    expect(submissionDeadline(period('2026-Q1'))).toBe('2026-03-20');
  });

  it.each([
    ['2026-03-20T16:30:00Z', false], // 23:30 in Vietnam on the deadline day: on time
    ['2026-03-20T16:59:59Z', false],
    ['2026-03-20T17:00:00Z', true], // 00:00 on 21/03 in Vietnam
    ['2026-03-20T23:30:00+07:00', false],
    ['2026-03-21T00:10:00+07:00', true],
    ['2026-03-10T08:00:00Z', false],
    ['2026-03-20', false],
    ['2026-03-21', true],
  ])('submitted at %s: late = %p', (at, late) => {
    expect(isLate(period('2026-Q1'), at)).toBe(late);
    expect(isLate(period('2026-Q1'), /T/.test(at) ? new Date(at) : at)).toBe(late);
  });

  it('converts instants to the Vietnam date with a fixed +7 h', () => {
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(() => vietnamDate('not a date')).toThrow(RangeError);
  });
});

describe('the reporting scheme (docs/figures.md §6) and the period wording (§3)', () => {
  it('asks by default for four reports a year: Q1, 6 tháng, 9 tháng, năm', () => {
    expect(periodsOfScheme(2026).map((p) => p.id)).toEqual(['2026-Q1', '2026-H1', '2026-9M', '2026-Y']);
    expect(periodsOfYear(2026).filter((p) => inScheme(p)).map((p) => p.code)).toEqual(['Q1', 'H1', '9M', 'Y']);
    expect(periodsOfScheme(2026, { periods: ['Q4', 'Q1', 'Q2', 'Q3'], reason: 'hàng quý' }).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it.each([['2026-Q1', false], ['2026-H1', false], ['2026-9M', false], ['2026-Q3', false], ['2026-Q4', true], ['2026-Y', true]] as const)(
    '%s closes the year: %s', (id, closes) => {
      const p = parsePeriod(id);
      expect(p.ok && closesYear(p.value)).toBe(closes);
    });

  it.each([
    ['2026-Q1', 'tính đến ngày 14/03/2026', 'từ ngày 15/12/2025 đến ngày 14/03/2026'],
    ['2026-9M', 'tính đến ngày 14/09/2026', 'từ ngày 15/12/2025 đến ngày 14/09/2026'],
    ['2026-Y', 'tính đến ngày 14/12/2026', 'từ ngày 15/12/2025 đến ngày 14/12/2026'],
  ])('%s: a stock “%s”, a flow “%s”', (id, stock, flow) => {
    const p = parsePeriod(id);
    if (!p.ok) throw new Error(id);
    expect([periodWording('stock', p.value), periodWording('flow', p.value)]).toEqual([stock, flow]);
  });
});
