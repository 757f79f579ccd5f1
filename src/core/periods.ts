// Report periods, their data cut-off windows and the submission deadline after the cut-off.
// Source of truth: ../shared/DOMAIN.md §4 (Nghị định 09/2019/NĐ-CP, Điều 12, as applied later):
// quarter k runs from the 15th of the month before it to the 14th of its last month; 6 months,
// 9 months and the year all start on 15/12 of the year before. Dates are ISO strings ("2026-03-14"),
// computed in UTC; instants are turned into Vietnam dates with a fixed +7 h (Asia/Ho_Chi_Minh has
// no daylight saving), so no time-zone library is needed.
//
// The deadline is `days` after the cut-off's last day, counted in working days (Saturdays and
// Sundays skipped) or calendar days. Public holidays (Tết, 30/4, 2/9 …) are NOT modelled: a
// deployment that needs them raises `days` for that period. The deadline day itself is on time.

import type { PeriodCode, ReportingScheme } from './catalogue-types';
import type { Result } from './result';
import { fail, ok } from './result';
import { makeIssue } from './messages';
import { tidy } from './text';

export type { PeriodCode };

export interface Period {
  /** "2026-Q1", "2026-H1", "2026-9M", "2026-Y". */
  readonly id: string;
  readonly year: number;
  readonly code: PeriodCode;
  /** First day of the data cut-off window (inclusive). */
  readonly start: string;
  /** Last day of the data cut-off window (inclusive). */
  readonly end: string;
}

export interface DeadlineConfig {
  readonly days: number;
  readonly workingDays: boolean;
}

export const DEFAULT_DEADLINE: DeadlineConfig = { days: 5, workingDays: true };

/** In list order: each period after the ones that end before it, a quarter before a longer period ending the same day. */
const CODES: readonly PeriodCode[] = ['Q1', 'Q2', 'H1', 'Q3', '9M', 'Q4', 'Y'];
const LAST_MONTH: Readonly<Record<PeriodCode, number>> = { Q1: 3, Q2: 6, H1: 6, Q3: 9, '9M': 9, Q4: 12, Y: 12 };
const ROMAN = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' } as const;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function build(year: number, code: PeriodCode): Period {
  const last = LAST_MONTH[code];
  const isQuarter = code.startsWith('Q');
  const start = isQuarter && code !== 'Q1' ? `${pad(year, 4)}-${pad(last - 3)}-15` : `${pad(year - 1, 4)}-12-15`;
  return { id: `${year}-${code}`, year, code, start, end: `${pad(year, 4)}-${pad(last)}-14` };
}

/**
 * Reads a period id (case and spaces do not matter).
 * @example parsePeriod('2026-Q1') // ok, { id: '2026-Q1', year: 2026, code: 'Q1', start: '2025-12-15', end: '2026-03-14' }
 * @example parsePeriod('2026-Q5') // fails: period.unknown
 */
export function parsePeriod(text: string): Result<Period> {
  const m = /^(\d{4})-(Q[1-4]|H1|9M|Y)$/.exec(tidy(String(text)).toUpperCase());
  if (!m || Number(m[1]) < 1900) return fail(makeIssue('period.unknown', 'error', { field: 'period', text: String(text) }));
  return ok(build(Number(m[1]), m[2] as PeriodCode));
}

/**
 * The id of a period.
 * @example formatPeriod(periodsOfYear(2026)[0]) === '2026-Q1'
 */
export function formatPeriod(period: Pick<Period, 'year' | 'code'>): string {
  return `${period.year}-${period.code}`;
}

/**
 * The seven report periods of a year: Q1, Q2, H1, Q3, 9M, Q4, Y.
 * @example periodsOfYear(2026).map((p) => p.id) // ['2026-Q1', '2026-Q2', '2026-H1', '2026-Q3', '2026-9M', '2026-Q4', '2026-Y']
 */
export function periodsOfYear(year: number): readonly Period[] {
  return CODES.map((code) => build(year, code));
}

/**
 * "Hàng quý, 6 tháng, năm" read as four reports a year per kind: Q1, 6 tháng (standing for Q2),
 * 9 tháng (standing for Q3) and năm (standing for Q4) – not seven (docs/figures.md).
 */
export const DEFAULT_SCHEME: ReportingScheme = {
  periods: ['Q1', 'H1', '9M', 'Y'],
  reason: 'Hàng quý, 6 tháng, năm: bốn kỳ mỗi năm – Quý I, 6 tháng (thay Quý II), 9 tháng (thay Quý III), năm (thay Quý IV).',
};

/**
 * The periods a plan's scheme asks for in a year, in calendar order.
 * @example periodsOfScheme(2026, DEFAULT_SCHEME).map((p) => p.id) // ['2026-Q1', '2026-H1', '2026-9M', '2026-Y']
 */
export function periodsOfScheme(year: number, scheme: ReportingScheme = DEFAULT_SCHEME): readonly Period[] {
  return periodsOfYear(year).filter((p) => scheme.periods.includes(p.code));
}

/** Whether the scheme asks for this period. */
export const inScheme = (period: Pick<Period, 'code'>, scheme: ReportingScheme = DEFAULT_SCHEME): boolean =>
  scheme.periods.includes(period.code);

/**
 * The year's last report (its cut-off in December: năm, or Quý IV where a scheme has it): the one
 * in which the plan's year-end targets and the year's task deadlines are judged for good.
 * @example closesYear(parsePeriod('2026-9M').value) === false
 */
export const closesYear = (period: Pick<Period, 'code'>): boolean => period.code === 'Y' || period.code === 'Q4';

/**
 * How a report words the period of a figure (docs/figures.md "Stock or flow"): a stock is counted
 * at the cut-off, a flow over the cut-off window.
 * @example periodWording('stock', q1of2026) === 'tính đến ngày 14/03/2026'
 * @example periodWording('flow', q1of2026) === 'từ ngày 15/12/2025 đến ngày 14/03/2026'
 */
export function periodWording(measure: 'stock' | 'flow', period: Pick<Period, 'start' | 'end'>): string {
  return measure === 'stock'
    ? `tính đến ngày ${formatDateVi(period.end)}`
    : `từ ngày ${formatDateVi(period.start)} đến ngày ${formatDateVi(period.end)}`;
}

/**
 * The Vietnamese name of a period, as a report title prints it.
 * @example periodLabel(parsed2026H1) === '6 tháng đầu năm 2026'
 */
export function periodLabel(period: Pick<Period, 'year' | 'code'>): string {
  switch (period.code) {
    case 'Q1':
    case 'Q2':
    case 'Q3':
    case 'Q4':
      return `Quý ${ROMAN[period.code]} năm ${period.year}`;
    case 'H1':
      return `6 tháng đầu năm ${period.year}`;
    case '9M':
      return `9 tháng năm ${period.year}`;
    case 'Y':
      return `Năm ${period.year}`;
  }
}

/**
 * An ISO date the Vietnamese way.
 * @example formatDateVi('2026-03-14') === '14/03/2026'
 */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

const DAY_MS = 86_400_000;
const toDays = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/**
 * The last day (Vietnam date) on which a report of the period is on time.
 * @example submissionDeadline(q1of2026) === '2026-03-20' // cut-off Sat 14/03, + 5 working days
 * @example submissionDeadline(q1of2026, { days: 10, workingDays: false }) === '2026-03-24'
 */
export function submissionDeadline(period: Pick<Period, 'end'>, config: DeadlineConfig = DEFAULT_DEADLINE): string {
  let day = toDays(period.end);
  if (!config.workingDays) return fromDays(day + config.days);
  for (let left = config.days; left > 0; ) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return fromDays(day);
}

/**
 * The Vietnam calendar date (UTC+7, no DST) of an instant; a plain ISO date is taken as already local.
 * Throws RangeError on an unreadable instant: the server stamps these, so that is a bug.
 * @example vietnamDate('2026-03-20T16:30:00Z') === '2026-03-20' // 23:30 in Hà Nội
 * @example vietnamDate('2026-03-20T17:00:00Z') === '2026-03-21'
 */
export function vietnamDate(instant: Date | string): string {
  if (typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether a report submitted at `submittedAt` is after the period's deadline (Vietnam dates).
 * @example isLate(q1of2026, '2026-03-20T16:30:00Z') === false // 23:30 on the deadline day, Vietnam time
 * @example isLate(q1of2026, '2026-03-20T17:00:00Z') === true  // 00:00 the next day
 */
export function isLate(period: Pick<Period, 'end'>, submittedAt: Date | string, config: DeadlineConfig = DEFAULT_DEADLINE): boolean {
  return vietnamDate(submittedAt) > submissionDeadline(period, config);
}
