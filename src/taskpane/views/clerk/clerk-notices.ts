// What the clerk is told after each action: one message bar, in Vietnamese, saying what happened and
// what to do next. Pure, so the wording of every outcome is tested without a browser.
import type { SheetIssue } from '../../../core/template';
import type { OutboxEntry } from '../../../client/outbox';
import { strings } from '../../../text/strings';
import type { CheckOutcome, InsertOutcome, SubmitOutcome } from './clerk-actions';

const s = strings.clerkFlow;

export type Intent = 'success' | 'warning' | 'error' | 'info';
export interface Notice {
  readonly intent: Intent;
  readonly text: string;
  /** Set while the notice says a report waits in the outbox: it is replaced once the outbox settles it. */
  readonly queued?: { readonly clientSubmissionId: string; readonly sheetName: string };
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

/** Why the sheet shows no marks (Excel refused to unprotect it), after the notice's own text. */
const withNotes = (text: string, notes: readonly string[] | undefined): string => [text, ...(notes ?? [])].join('\n');

export function checkNotice(outcome: CheckOutcome): Notice {
  if (outcome.kind === 'failed') return { intent: 'error', text: outcome.message };
  const { errorCount, warningCount, notes = [] } = outcome.result;
  if (errorCount === 0 && warningCount === 0) return { intent: notes.length > 0 ? 'warning' : 'success', text: withNotes(s.checkedClean, notes) };
  return { intent: errorCount > 0 ? 'error' : 'warning', text: withNotes(s.checkSummary(errorCount, warningCount), notes) };
}

export function submitNotice(outcome: SubmitOutcome, sheetName = ''): Notice {
  switch (outcome.kind) {
    case 'blocked':
      return { intent: 'error', text: withNotes(s.blocked(outcome.result.errorCount), outcome.result.notes) };
    case 'sent':
      return { intent: 'success', text: withNotes(outcome.response ? s.sent(outcome.response.revision) : s.sentLater, outcome.result.notes) };
    case 'queued':
      return { intent: 'warning', text: `${s.queued}\n${outcome.error}`, queued: { clientSubmissionId: outcome.clientSubmissionId, sheetName } };
    case 'refused':
      return { intent: 'error', text: `${s.refused}\n${outcome.message}` };
    case 'failed':
      return { intent: 'error', text: outcome.message };
  }
}

/**
 * A "waiting in the outbox" notice once the outbox has moved on: sent (gone from the outbox) or
 * refused (its error); any other notice, or a report still waiting, is left as it is.
 */
export function afterOutboxChange(notice: Notice | null, entries: readonly OutboxEntry[]): Notice | null {
  if (!notice?.queued) return notice;
  const entry = entries.find((e) => e.request.clientSubmissionId === notice.queued!.clientSubmissionId);
  if (!entry) return { intent: 'success', text: s.sentFromOutbox(notice.queued.sheetName) };
  if (entry.state === 'refused') return { intent: 'error', text: `${s.refused}\n${entry.error ?? ''}` };
  return notice;
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
