// What the clerk is told after each action: one message bar, in Vietnamese, saying what happened and
// what to do next. Pure, so the wording of every outcome is tested without a browser.
import type { SheetIssue } from '../../../core/template';
import { strings } from '../../strings';
import type { CheckOutcome, InsertOutcome, SubmitOutcome } from './clerk-actions';

const s = strings.clerkFlow;

export type Intent = 'success' | 'warning' | 'error' | 'info';
export interface Notice {
  readonly intent: Intent;
  readonly text: string;
}

export function insertNotice(outcome: Exclude<InsertOutcome, { kind: 'exists' }>): Notice {
  switch (outcome.kind) {
    case 'inserted': {
      const { sheetName, rows, notes } = outcome.inserted;
      return { intent: 'success', text: [s.inserted(sheetName, rows), ...notes].join('\n') };
    }
    case 'failed':
      return { intent: 'error', text: outcome.message };
  }
}

export function checkNotice(outcome: CheckOutcome): Notice {
  if (outcome.kind === 'failed') return { intent: 'error', text: outcome.message };
  const { errorCount, warningCount } = outcome.result;
  if (errorCount === 0 && warningCount === 0) return { intent: 'success', text: s.checkedClean };
  return { intent: errorCount > 0 ? 'error' : 'warning', text: s.checkSummary(errorCount, warningCount) };
}

export function submitNotice(outcome: SubmitOutcome): Notice {
  switch (outcome.kind) {
    case 'blocked':
      return { intent: 'error', text: s.blocked(outcome.result.errorCount) };
    case 'sent':
      return { intent: 'success', text: outcome.response ? s.sent(outcome.response.revision) : s.sentLater };
    case 'queued':
      return { intent: 'warning', text: `${s.queued}\n${outcome.error}` };
    case 'refused':
      return { intent: 'error', text: `${s.refused}\n${outcome.message}` };
    case 'failed':
      return { intent: 'error', text: outcome.message };
  }
}

/** The list line of an issue: "Lỗi · F12 – message". */
export function issueLine(issue: SheetIssue): string {
  const label = issue.severity === 'error' ? s.errorLabel : s.warningLabel;
  return `${label} · ${issue.address ?? s.wholeReport} – ${issue.message}`;
}

/** An exception that escaped an action (a bug, not an expected failure): shown, with its text for support. */
export const unexpectedNotice = (error: unknown): Notice => ({
  intent: 'error',
  text: `${s.unexpected}\n${error instanceof Error ? error.message : String(error)}`,
});
