// The deadline grammar of Phụ lục 02 and when a task is overdue (DOMAIN.md §1, §3).
import type { Deadline } from '../../src/core/catalogue-types';
import { deadlineDate, parseDeadline, taskDeadlineState, taskStateInPeriod } from '../../src/core/deadline';
import { parsePeriod } from '../../src/core/periods';

describe('parseDeadline', () => {
  // Every deadline text printed in the plan, and the kind it reads as.
  it.each<[string | null, Deadline]>([
    ['Quý I/2026', { kind: 'quarter', year: 2026, quarter: 1 }],
    ['Quý III/2026', { kind: 'quarter', year: 2026, quarter: 3 }],
    ['Tháng 10/2026', { kind: 'month', year: 2026, month: 10 }],
    ['2026', { kind: 'year', year: 2026 }],
    ['2026.', { kind: 'year', year: 2026 }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['Từ 2026', { kind: 'fromYear', year: 2026 }],
    ['Từ năm 2026', { kind: 'fromYear', year: 2026 }],
    ['Theo Đề án 06', { kind: 'byReference', text: 'Theo Đề án 06' }],
    ['Theo yêu cầu của Bộ KH&CN', { kind: 'byReference', text: 'Theo yêu cầu của Bộ KH&CN' }],
    ['Theo tiến độ Quy hoạch tỉnh', { kind: 'byReference', text: 'Theo tiến độ Quy hoạch tỉnh' }],
    ['Theo đề nghị của Quỹ Viễn thông công ích', { kind: 'byReference', text: 'Theo đề nghị của Quỹ Viễn thông công ích' }],
    ['Theo Kế hoạch được phê duyệt', { kind: 'byReference', text: 'Theo Kế hoạch được phê duyệt' }],
    ['Khi có yêu cầu xây dựng', { kind: 'byReference', text: 'Khi có yêu cầu xây dựng' }],
    [null, { kind: 'none' }],
  ])('reads %j', (text, expected) => {
    expect(parseDeadline(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, Deadline]>([
    ['quý iv/2026', { kind: 'quarter', year: 2026, quarter: 4 }],
    ['Quý 2 / 2027', { kind: 'quarter', year: 2027, quarter: 2 }],
    ['  tháng 3/2026 ', { kind: 'month', year: 2026, month: 3 }],
    ['Năm 2026', { kind: 'year', year: 2026 }],
    ['Thu\u031bo\u031b\u0300ng xuye\u0302n', { kind: 'ongoing' }], // NFD
    ['', { kind: 'none' }],
  ])('tolerates %j', (text, expected) => {
    expect(parseDeadline(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['Sớm', 'Quý V/2026', 'Tháng 13/2026', 'cuối năm', '26'])('"%s" is a deadline.unknown issue', (text) => {
    const r = parseDeadline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('deadline.unknown');
  });
});

describe('deadlineDate', () => {
  it.each<[Deadline, string | null]>([
    [{ kind: 'quarter', year: 2026, quarter: 1 }, '2026-03-31'],
    [{ kind: 'quarter', year: 2026, quarter: 3 }, '2026-09-30'],
    [{ kind: 'month', year: 2026, month: 10 }, '2026-10-31'],
    [{ kind: 'month', year: 2028, month: 2 }, '2028-02-29'],
    [{ kind: 'year', year: 2026 }, '2026-12-31'],
    [{ kind: 'ongoing' }, null],
    [{ kind: 'fromYear', year: 2026 }, null],
    [{ kind: 'byReference', text: 'Theo Đề án 06' }, null],
    [{ kind: 'none' }, null],
  ])('%j ends on %s', (deadline, date) => {
    expect(deadlineDate(deadline)).toBe(date);
  });
});

describe('taskDeadlineState', () => {
  const q1: Deadline = { kind: 'quarter', year: 2026, quarter: 1 };
  it.each<[Deadline, boolean, string, string]>([
    [q1, false, '2026-03-31', 'onTime'],
    [q1, false, '2026-04-01', 'overdue'],
    [q1, true, '2026-04-01', 'done'],
    [{ kind: 'month', year: 2026, month: 10 }, false, '2026-10-15', 'onTime'],
    [{ kind: 'year', year: 2026 }, false, '2027-01-01', 'overdue'],
    [{ kind: 'ongoing' }, false, '2030-01-01', 'noFixedDate'],
    [{ kind: 'byReference', text: 'Theo Đề án 06' }, false, '2030-01-01', 'noFixedDate'],
    [{ kind: 'none' }, false, '2030-01-01', 'noFixedDate'],
    [{ kind: 'none' }, true, '2030-01-01', 'done'],
  ])('%j, done=%s, on %s → %s', (deadline, done, on, state) => {
    expect(taskDeadlineState(deadline, done, on)).toBe(state);
  });

  it('refuses a date that is not YYYY-MM-DD (a bug in the caller)', () => {
    expect(() => taskDeadlineState(q1, false, '1/4/2026')).toThrow();
  });
});

describe('taskStateInPeriod: one reference date per report, the period’s cut-off (docs/figures.md §7)', () => {
  const at = (id: string) => {
    const p = parsePeriod(id);
    if (!p.ok) throw new Error(id);
    return p.value;
  };
  it.each([
    // deadline, period, state when not done
    [{ kind: 'quarter', year: 2026, quarter: 1 }, '2026-Q1', 'onTime'],   // cut-off 14/03 < 31/03
    [{ kind: 'quarter', year: 2026, quarter: 1 }, '2026-H1', 'overdue'],
    [{ kind: 'month', year: 2026, month: 6 }, '2026-H1', 'onTime'],       // cut-off 14/06 < 30/06
    [{ kind: 'month', year: 2026, month: 6 }, '2026-9M', 'overdue'],
    [{ kind: 'quarter', year: 2026, quarter: 3 }, '2026-9M', 'onTime'],
    [{ kind: 'year', year: 2026 }, '2026-9M', 'onTime'],
    // the year's report judges every deadline of its year, though its cut-off is 14/12
    [{ kind: 'year', year: 2026 }, '2026-Y', 'overdue'],
    [{ kind: 'quarter', year: 2026, quarter: 4 }, '2026-Y', 'overdue'],
    [{ kind: 'month', year: 2026, month: 12 }, '2026-Q4', 'overdue'],
    [{ kind: 'year', year: 2027 }, '2026-Y', 'onTime'],
    [{ kind: 'ongoing' }, '2026-Y', 'noFixedDate'],
    [{ kind: 'fromYear', year: 2026 }, '2026-Y', 'noFixedDate'],
    [{ kind: 'byReference', text: 'Theo Đề án 06' }, '2026-Y', 'noFixedDate'],
  ] as const)('%j in %s → %s', (deadline, period, state) => {
    expect(taskStateInPeriod(deadline as Deadline, false, at(period))).toBe(state);
    expect(taskStateInPeriod(deadline as Deadline, true, at(period))).toBe('done');
  });
});
