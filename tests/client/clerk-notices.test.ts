// What the clerk is told: every outcome in Vietnamese with what to do next, a waiting notice that
// follows the outbox, and the default period and today's date in Vietnam.
import type { OutboxEntry } from '../../src/client/outbox';
import type { SheetIssue } from '../../src/core/template';
import type { CheckResult } from '../../src/office/excel';
import { strings } from '../../src/text/strings';
import { afterOutboxChange, checkNotice, issueLine, submitNotice } from '../../src/taskpane/views/clerk/clerk-notices';
import { defaultPeriod, vietnamToday, type PeriodChoice } from '../../src/taskpane/views/clerk/clerk-setup';

const s = strings.clerkFlow;
const issue = (severity: 'error' | 'warning', address: string | null): SheetIssue =>
  ({ code: 'value.notNumber', severity, message: 'Tử số “abc” không phải là số hợp lệ.', row: 12, col: 5, address } as SheetIssue);
const result = (errorCount: number, warningCount: number) => ({ errorCount, warningCount, issues: [] } as unknown as CheckResult);
const ID = '11111111-1111-4111-8111-111111111111';

describe('clerk notices', () => {
  it.each([
    [0, 0, 'success', s.checkedClean],
    [0, 2, 'warning', s.checkSummary(0, 2)],
    [1, 2, 'error', s.checkSummary(1, 2)],
  ])('a check with %i errors and %i warnings is a %s', (errors, warnings, intent, text) => {
    expect(checkNotice({ kind: 'checked', result: result(errors, warnings) })).toEqual({ intent, text });
  });

  it('says why a report was not sent and what to do', () => {
    expect(submitNotice({ kind: 'blocked', result: result(3, 0) })).toEqual({ intent: 'error', text: s.blocked(3) });
    expect(s.blocked(3)).toMatch(/còn 3 lỗi/);
    expect(submitNotice({ kind: 'refused', message: 'Báo cáo kỳ này của đơn vị đã được phê duyệt nên bị khoá.', result: result(0, 0) }).text)
      .toBe(`${s.refused}\nBáo cáo kỳ này của đơn vị đã được phê duyệt nên bị khoá.`);
    const queued = submitNotice({ kind: 'queued', clientSubmissionId: ID, error: 'Không kết nối được máy chủ báo cáo.', result: result(0, 0) }, 'PL01 2026-Q1');
    expect(queued).toMatchObject({ intent: 'warning', queued: { clientSubmissionId: ID, sheetName: 'PL01 2026-Q1' } });
    expect(queued.text).toContain('hộp thư đi');
  });

  it('names the revision that was sent', () => {
    const response = { id: 's1', revision: 2, status: 'submitted' as const, contentHash: 'a'.repeat(64), late: false, evaluations: [] };
    expect(submitNotice({ kind: 'sent', response, result: result(0, 0) }).text).toBe(s.sent(2));
    expect(submitNotice({ kind: 'sent', response: null, result: result(0, 0) }).text).toBe(s.sentLater);
  });

  it('replaces a waiting notice once the outbox has sent or refused the report, and only then', () => {
    const waiting = submitNotice({ kind: 'queued', clientSubmissionId: ID, error: 'x', result: result(0, 0) }, 'PL02 2026-Q1');
    const entry = { request: { clientSubmissionId: ID }, state: 'waiting', error: 'x' } as unknown as OutboxEntry;
    expect(afterOutboxChange(waiting, [entry])).toBe(waiting);
    expect(afterOutboxChange(waiting, [])).toEqual({ intent: 'success', text: s.sentFromOutbox('PL02 2026-Q1') });
    expect(afterOutboxChange(waiting, [{ ...entry, state: 'refused', error: 'Không được.' }])).toEqual({ intent: 'error', text: `${s.refused}\nKhông được.` });
    const other = { intent: 'success' as const, text: s.checkedClean };
    expect(afterOutboxChange(other, [])).toBe(other);
    expect(afterOutboxChange(null, [])).toBeNull();
  });

  it('lists an issue with its kind and cell', () => {
    expect(issueLine(issue('error', 'F12'))).toBe('Lỗi · F12 – Tử số “abc” không phải là số hợp lệ.');
    expect(issueLine(issue('warning', null))).toBe(`Lưu ý · ${s.wholeReport} – Tử số “abc” không phải là số hợp lệ.`);
  });
});

describe('the default period', () => {
  const p = (code: string, end: string, deadline: string): PeriodChoice => ({ id: `2026-${code}`, code, label: code, start: '', end, deadline });
  const periods = [p('Q1', '2026-03-14', '2026-03-20'), p('Q2', '2026-06-14', '2026-06-19'), p('H1', '2026-06-14', '2026-06-19'), p('Q3', '2026-09-14', '2026-09-21'), p('Q4', '2026-12-14', '2026-12-21')];
  it.each([
    ['2026-01-10', '2026-Q1'],
    ['2026-03-18', '2026-Q1'], // after the cut-off, before the deadline: the quarter just closed
    ['2026-03-21', '2026-Q2'],
    ['2026-12-21', '2026-Q4'],
    ['2027-01-05', '2026-Q4'],
  ])('on %s is %s', (today, id) => expect(defaultPeriod(periods, today)).toBe(id));
  it.each([
    ['2026-03-18', '2026-Q1'],
    ['2026-04-01', '2026-H1'],
    ['2026-11-29', '2026-Y'],
    ['2027-01-05', '2026-Y'],
  ])('with the default scheme (Q1, 6 tháng, 9 tháng, năm), on %s is %s', (today, id) => {
    const scheme = [p('Q1', '2026-03-14', '2026-03-20'), p('H1', '2026-06-14', '2026-06-19'), p('9M', '2026-09-14', '2026-09-21'), p('Y', '2026-12-14', '2026-12-21')];
    expect(defaultPeriod(scheme, today)).toBe(id);
  });
  it('is none without periods', () => expect(defaultPeriod([], '2026-01-01')).toBeNull());
  it('takes today in Vietnam (UTC+7)', () => expect(vietnamToday(new Date('2026-03-14T18:30:00Z'))).toBe('2026-03-15'));
});
