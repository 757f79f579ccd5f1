// The deadline grammar of Phụ lục 02 ("Thời gian hoàn thành") and when a task is overdue.
// Source of truth: ../shared/DOMAIN.md §1 and §3.
import type { Deadline, PeriodCode } from './catalogue-types';
import { fail, ok, type Result } from './result';

const ROMAN: Readonly<Record<string, 1 | 2 | 3 | 4>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Reads a "Thời gian hoàn thành" cell; null (no cell in the plan) is `{ kind: 'none' }`.
 * "Theo …" / "Khi …" name another document or event and carry no fixed date.
 * @example parseDeadline('Quý III/2026') // ok { kind: 'quarter', year: 2026, quarter: 3 }
 * @example parseDeadline('Theo Đề án 06') // ok { kind: 'byReference', text: 'Theo Đề án 06' }
 */
export function parseDeadline(text: string | null): Result<Deadline> {
  if (text === null || text === undefined) return ok({ kind: 'none' });
  const verbatim = String(text).normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
  if (verbatim === '') return ok({ kind: 'none' });
  const s = verbatim.toLowerCase().replace(/\s*[.;]+$/u, '');

  let m = /^quý\s*(iv|iii|ii|i|[1-4])\s*[/-]\s*(\d{4})$/u.exec(s);
  if (m) return ok({ kind: 'quarter', year: Number(m[2]), quarter: ROMAN[m[1]] });
  m = /^tháng\s*(\d{1,2})\s*[/-]\s*(\d{4})$/u.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return ok({ kind: 'month', year: Number(m[2]), month: Number(m[1]) });
  m = /^(?:năm\s+)?(\d{4})$/u.exec(s);
  if (m) return ok({ kind: 'year', year: Number(m[1]) });
  m = /^từ\s+(?:năm\s+)?(\d{4})$/u.exec(s);
  if (m) return ok({ kind: 'fromYear', year: Number(m[1]) });
  if (s === 'thường xuyên') return ok({ kind: 'ongoing' });
  if (/^(theo|khi)\s+\S/u.test(s)) return ok({ kind: 'byReference', text: verbatim });

  return fail({
    code: 'deadline.unknown',
    severity: 'error',
    field: 'deadline',
    message: `Không đọc được thời gian hoàn thành "${verbatim}": cần dạng "Quý I/2026", "Tháng 10/2026", "2026", "Từ 2026", "Thường xuyên" hoặc "Theo …".`,
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * The last day on which the task is still on time (ISO "YYYY-MM-DD"), or null when the deadline
 * has no fixed date (ongoing, from a year, set by another document, none).
 * @example deadlineDate({ kind: 'quarter', year: 2026, quarter: 1 }) === '2026-03-31'
 */
export function deadlineDate(deadline: Deadline): string | null {
  switch (deadline.kind) {
    case 'quarter':
      return lastDay(deadline.year, deadline.quarter * 3);
    case 'month':
      return lastDay(deadline.year, deadline.month);
    case 'year':
      return `${deadline.year}-12-31`;
    case 'ongoing':
    case 'fromYear':
    case 'byReference':
    case 'none':
      return null;
    default: {
      const never: never = deadline;
      throw new Error(`Unexpected deadline: ${JSON.stringify(never)}`);
    }
  }
}

export type TaskDeadlineState = 'done' | 'onTime' | 'overdue' | 'noFixedDate';

/**
 * Where a task stands against its deadline on a given day (ISO "YYYY-MM-DD", the local date in
 * Việt Nam). `done` is whether its reported status is "Hoàn thành" (decided by the values module).
 * A task is overdue the day after its fixed deadline if it is not done.
 * @example taskDeadlineState({ kind: 'quarter', year: 2026, quarter: 1 }, false, '2026-04-01') === 'overdue'
 */
export function taskDeadlineState(deadline: Deadline, done: boolean, onDate: string): TaskDeadlineState {
  if (done) return 'done';
  const last = deadlineDate(deadline);
  if (last === null) return 'noFixedDate';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(onDate)) throw new Error(`taskDeadlineState: onDate must be YYYY-MM-DD, got ${onDate}`);
  return onDate > last ? 'overdue' : 'onTime';
}

/** What the report of a period needs to judge a deadline: its cut-off and whether it closes the year. */
export interface ReferencePeriod {
  readonly year: number;
  readonly code: PeriodCode;
  /** The cut-off: the one reference date of the report (template, check, report, consolidation). */
  readonly end: string;
}

/**
 * Where a task stands in the report of a period (docs/figures.md "Tasks and time"): judged at the
 * period's cut-off, except that the report closing the year judges every deadline that falls in its
 * year (a task "2026" or "Quý IV/2026" unfinished at the year's report is overdue: no later report
 * of the plan will judge it).
 * @example taskStateInPeriod({ kind: 'quarter', year: 2026, quarter: 1 }, false, q1of2026) === 'onTime'  // cut-off 14/03
 * @example taskStateInPeriod({ kind: 'year', year: 2026 }, false, yearOf2026) === 'overdue'
 */
export function taskStateInPeriod(deadline: Deadline, done: boolean, period: ReferencePeriod): TaskDeadlineState {
  if (done) return 'done';
  const last = deadlineDate(deadline);
  if (last === null) return 'noFixedDate';
  const closesYear = period.code === 'Y' || period.code === 'Q4';
  if (closesYear && last <= `${period.year}-12-31`) return 'overdue';
  return period.end > last ? 'overdue' : 'onTime';
}
