// The outbox: submissions the server has not confirmed yet, kept in localStorage so that a report
// made while the network or the server is down is not lost and is sent when it comes back.
// Source of truth: the issue "Excel taskpane for clerks" and docs/domain.md §5 (every submission carries
// a client-made id, so sending the same request twice is harmless: the server replays its answer).
// Rules: 2xx removes the entry; no answer, 5xx, 408 and 429 keep it for a retry with backoff; any
// other 4xx takes it out of the queue with its error shown (the clerk must correct something) –
// except 401: an expired sign-in is not the report's fault, so it waits for the next sign-in.
// Sends are serialised: one request at a time, never the same entry twice concurrently.
import type { SubmissionRequest, SubmissionResponse } from '../core/schemas';
import { strings } from '../text/strings';
import { ApiError } from './api';

export type EntryState = 'waiting' | 'refused';

export interface OutboxEntry {
  readonly request: SubmissionRequest;
  /** What the clerk sees in the list, e.g. "PL01 2026-Q1". */
  readonly label: string;
  readonly sheetName: string;
  readonly queuedAt: string;
  readonly attempts: number;
  /** Epoch ms before which a background retry does not send it. */
  readonly nextAttemptAt: number;
  readonly state: EntryState;
  /** The last failure, in Vietnamese; null before the first attempt. */
  readonly error: string | null;
  readonly httpStatus: number | null;
}

export type SendOutcome =
  | { readonly kind: 'sent'; readonly response: SubmissionResponse }
  | { readonly kind: 'waiting'; readonly error: string }
  | { readonly kind: 'refused'; readonly error: string; readonly httpStatus: number; readonly body: unknown }
  /** Nothing to send under that id (already sent by an earlier flush, or removed). */
  | { readonly kind: 'gone' };

export type Sender = (request: SubmissionRequest) => Promise<SubmissionResponse>;

export interface OutboxOptions {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Storage key: outboxKey(Office partition key, user), see below. */
  readonly key: string;
  readonly now?: () => number;
  /** Waits between attempts, ms; the last one repeats. */
  readonly delaysMs?: readonly number[];
}

const DEFAULT_DELAYS = [2_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
const SIGNED_OUT = strings.client.outboxSignedOut;

/**
 * The storage key of one user's outbox in one Office partition (src/office/storage.ts). Per user:
 * a clerk who signs in after another on the same computer must not send the first one's reports
 * (the server would refuse them with 403 and they would be lost from the queue).
 * @example outboxKey('doc-a', 'cb.truongvinh') === 'cds.outbox.doc-a.cb.truongvinh'
 */
export const outboxKey = (partition: string, username: string): string =>
  ['cds.outbox', partition, encodeURIComponent(username.toLowerCase())].filter((part) => part !== '').join('.');

const sameReport = (a: SubmissionRequest, b: SubmissionRequest): boolean =>
  a.planId === b.planId && a.unitId === b.unitId && a.period === b.period && a.kind === b.kind;

/** Whether a failure is worth retrying unchanged. */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true; // fetch itself threw oddly: keep the report
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 401;
}

/** The server's message and, for a refused body, its issues, as one text. */
export function failureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return SIGNED_OUT;
    const issues = (error.body as { issues?: { message?: unknown }[] } | null)?.issues;
    const lines = Array.isArray(issues) ? issues.map((i) => i.message).filter((m): m is string => typeof m === 'string') : [];
    return [error.message, ...lines.slice(0, 5)].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * @example const outbox = new Outbox({ storage: localStorage, key: outboxKey(partitionKey()) });
 *          outbox.enqueue(request, { label: 'PL01 2026-Q1', sheetName: 'PL01 2026-Q1' });
 *          const outcome = await outbox.send(request.clientSubmissionId, sender);
 */
export class Outbox {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly delays: readonly number[];

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.delays = options.delaysMs ?? DEFAULT_DELAYS;
  }

  /** Every entry, oldest first (read from storage each time: another instance may have changed it). */
  entries(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.options.storage.getItem(this.options.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  waiting(): OutboxEntry[] {
    return this.entries().filter((e) => e.state === 'waiting');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(entries: OutboxEntry[]): void {
    this.options.storage.setItem(this.options.key, JSON.stringify(entries));
    for (const l of this.listeners) l();
  }

  /** Queues a report; an unsent or refused entry for the same plan, unit, period and kind is replaced. */
  enqueue(request: SubmissionRequest, meta: { label: string; sheetName: string }): OutboxEntry {
    const entry: OutboxEntry = {
      request, label: meta.label, sheetName: meta.sheetName, queuedAt: new Date(this.now()).toISOString(),
      attempts: 0, nextAttemptAt: 0, state: 'waiting', error: null, httpStatus: null,
    };
    this.write([...this.entries().filter((e) => !sameReport(e.request, request)), entry]);
    return entry;
  }

  /** Forgets an entry (the clerk dismissed a refused report). */
  remove(clientSubmissionId: string): void {
    this.write(this.entries().filter((e) => e.request.clientSubmissionId !== clientSubmissionId));
  }

  /** Sends one entry now, whatever its backoff, after any send in progress. */
  send(clientSubmissionId: string, sender: Sender): Promise<SendOutcome> {
    return this.serialised(async () => {
      const entry = this.waiting().find((e) => e.request.clientSubmissionId === clientSubmissionId);
      return entry ? this.attempt(entry, sender) : ({ kind: 'gone' } as const);
    });
  }

  /** Sends the waiting entries whose backoff has passed (all of them with `force`), one at a time. */
  flush(sender: Sender, force = false): Promise<SendOutcome[]> {
    return this.serialised(async () => {
      const out: SendOutcome[] = [];
      for (const entry of this.waiting()) {
        if (force || entry.nextAttemptAt <= this.now()) out.push(await this.attempt(entry, sender));
      }
      return out;
    });
  }

  /** The earliest time a waiting entry is due, or null when nothing waits. */
  nextDue(): number | null {
    const due = this.waiting().map((e) => e.nextAttemptAt);
    return due.length === 0 ? null : Math.min(...due);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Replaces the stored entry only if it is still the one that was sent (not superseded meanwhile). */
  private settle(sent: OutboxEntry, next: OutboxEntry | null): void {
    const body = JSON.stringify(sent.request);
    this.write(this.entries().flatMap((e) => (JSON.stringify(e.request) === body ? (next ? [next] : []) : [e])));
  }

  private async attempt(entry: OutboxEntry, sender: Sender): Promise<SendOutcome> {
    try {
      const response = await sender(entry.request);
      this.settle(entry, null);
      return { kind: 'sent', response };
    } catch (error) {
      const text = failureText(error);
      const status = error instanceof ApiError ? error.status : null;
      if (retryable(error)) {
        const attempts = entry.attempts + 1;
        const wait = this.delays[Math.min(attempts - 1, this.delays.length - 1)];
        this.settle(entry, { ...entry, attempts, nextAttemptAt: this.now() + wait, error: text, httpStatus: status });
        return { kind: 'waiting', error: text };
      }
      this.settle(entry, { ...entry, attempts: entry.attempts + 1, state: 'refused', error: text, httpStatus: status });
      return { kind: 'refused', error: text, httpStatus: status ?? 0, body: error instanceof ApiError ? error.body : null };
    }
  }
}

export interface RetryLoopOptions {
  /** How often due entries are looked at, ms. */
  readonly tickMs?: number;
  /** The window whose 'online' event triggers a retry; none outside a browser. */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Retries in the background: at once (taskpane opened), when the browser says it is online again,
 * and on a timer for entries whose backoff has passed. Returns a function that stops it.
 * `sender` returns null while nobody is signed in (nothing is sent then).
 */
export function startRetryLoop(outbox: Outbox, sender: () => Sender | null, options: RetryLoopOptions = {}): () => void {
  const run = (force: boolean) => {
    const send = sender();
    if (send && outbox.waiting().length > 0) void outbox.flush(send, force);
  };
  const online = () => run(true);
  options.events?.addEventListener('online', online);
  const timer = setInterval(() => run(false), options.tickMs ?? 1_000);
  run(true);
  return () => {
    clearInterval(timer);
    options.events?.removeEventListener('online', online);
  };
}
