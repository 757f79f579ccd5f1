// A report's state as the clerk reads it: not started, sent (waiting for the head), returned,
// approved; and, beside it, late (sent after the deadline) or overdue (nothing sent and the
// deadline has passed).
import type { SubmissionSummary } from '../data/submissions';

export type ReportState = 'notStarted' | 'submitted' | 'returned' | 'approved';

export interface StateOfReport {
  readonly state: ReportState;
  /** Sent after the deadline (the revision's own flag, set by the server). */
  readonly late: boolean;
  /** Nothing sent and the deadline (ISO date, last day on time) has passed today (ISO date). */
  readonly overdue: boolean;
}

/**
 * @example stateOf(undefined, '2026-03-20', '2026-03-25') // { state: 'notStarted', late: false, overdue: true }
 */
export function stateOf(summary: Pick<SubmissionSummary, 'status' | 'late'> | undefined, deadline: string, today: string): StateOfReport {
  if (!summary) return { state: 'notStarted', late: false, overdue: today > deadline };
  return { state: summary.status, late: summary.late, overdue: false };
}
