// The outbox's rules: what stays for a retry, what leaves with its error, backoff, one send at a time,
// a newer report of the same sheet superseding an unsent one, and the key per Office partition.
import { ApiError } from '../../src/client/api';
import { Outbox, outboxKey, startRetryLoop, type Sender } from '../../src/client/outbox';
import type { SubmissionRequest, SubmissionResponse } from '../../src/core/schemas';
import { partitionKey } from '../../src/office/storage';

const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';
const request = (id = ID1, value = '70%', unitId = 'phuong-truong-vinh'): SubmissionRequest =>
  ({ clientSubmissionId: id, planId: 'nghe-an-1174-2026', unitId, period: '2026-Q1', kind: 'indicators', rows: [{ id: 'ct-05', value }] });
const response = (revision = 1): SubmissionResponse => ({ id: 's1', revision, status: 'submitted', contentHash: 'a'.repeat(64), late: false, evaluations: [] });

function memory(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as unknown as Storage & { data: Map<string, string> };
}

function setup() {
  let now = 1_000_000;
  const storage = memory();
  const outbox = new Outbox({ storage, key: outboxKey('p1', 'cb.a'), now: () => now });
  return { outbox, storage, advance: (ms: number) => (now += ms), now: () => now };
}

const meta = { label: 'PL01 2026-Q1', sheetName: 'PL01 2026-Q1' };

describe('outbox', () => {
  it('removes a report the server accepted and hands back its answer', async () => {
    const { outbox } = setup();
    outbox.enqueue(request(), meta);
    const sender = jest.fn<ReturnType<Sender>, Parameters<Sender>>().mockResolvedValue(response());
    await expect(outbox.send(ID1, sender)).resolves.toEqual({ kind: 'sent', response: response() });
    expect(sender).toHaveBeenCalledWith(request());
    expect(outbox.entries()).toEqual([]);
  });

  it.each([
    ['no answer', new ApiError('offline', 0, 'offline', null)],
    ['a server error', new ApiError('server', 503, null, null)],
    ['a timeout', new ApiError('timeout', 408, null, null)],
    ['throttling', new ApiError('slow down', 429, null, null)],
  ])('keeps a report after %s and retries it with backoff', async (_name, error) => {
    const { outbox, advance } = setup();
    outbox.enqueue(request(), meta);
    const sender = jest.fn<ReturnType<Sender>, Parameters<Sender>>().mockRejectedValueOnce(error).mockRejectedValueOnce(error).mockResolvedValue(response());
    expect((await outbox.send(ID1, sender)).kind).toBe('waiting');
    expect(outbox.waiting()).toMatchObject([{ attempts: 1, error: expect.any(String) }]);
    expect(await outbox.flush(sender)).toEqual([]); // not due yet: 2 s backoff
    advance(2_000);
    expect((await outbox.flush(sender)).map((o) => o.kind)).toEqual(['waiting']);
    advance(2_000);
    expect(await outbox.flush(sender)).toEqual([]); // the second wait is longer (5 s)
    advance(3_000);
    expect((await outbox.flush(sender)).map((o) => o.kind)).toEqual(['sent']);
    expect(sender).toHaveBeenCalledTimes(3);
    expect(outbox.entries()).toEqual([]);
  });

  it.each([400, 403, 404, 409, 422, 423])('takes a report refused with %i out of the queue, with its error shown', async (status) => {
    const { outbox, advance } = setup();
    outbox.enqueue(request(), meta);
    const body = { error: 'x', message: 'Không được.', issues: [{ message: 'Tỷ lệ “abc” không phải là số.' }] };
    const sender = jest.fn<ReturnType<Sender>, Parameters<Sender>>().mockRejectedValue(new ApiError('Không được.', status, 'x', body));
    const outcome = await outbox.send(ID1, sender);
    expect(outcome).toMatchObject({ kind: 'refused', httpStatus: status });
    expect(outbox.waiting()).toEqual([]);
    expect(outbox.entries()).toMatchObject([{ state: 'refused', httpStatus: status }]);
    expect(outbox.entries()[0].error).toContain('Tỷ lệ “abc” không phải là số.');
    advance(1_000_000);
    await outbox.flush(sender, true);
    expect(sender).toHaveBeenCalledTimes(1); // never retried
    outbox.remove(ID1);
    expect(outbox.entries()).toEqual([]);
  });

  it('keeps a report whose sign-in expired (401) until the clerk signs in again', async () => {
    const { outbox } = setup();
    outbox.enqueue(request(), meta);
    const outcome = await outbox.send(ID1, () => Promise.reject(new ApiError('expired', 401, 'unauthorized', null)));
    expect(outcome.kind).toBe('waiting');
    expect(outbox.waiting()[0].error).toMatch(/đăng nhập lại/);
  });

  it('never sends twice at once: concurrent sends and flushes run one after another, and a sent report is not sent again', async () => {
    const { outbox } = setup();
    outbox.enqueue(request(ID1), meta);
    outbox.enqueue(request(ID2, '80%', 'phuong-vinh-hung'), meta);
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const sender: Sender = async (r) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(r.clientSubmissionId);
      inFlight -= 1;
      return response();
    };
    const outcomes = await Promise.all([outbox.send(ID1, sender), outbox.flush(sender, true), outbox.send(ID1, sender), outbox.flush(sender, true)]);
    expect(most).toBe(1);
    expect(sent).toEqual([ID1, ID2]);
    expect(outcomes[2]).toEqual({ kind: 'gone' });
    expect(outbox.entries()).toEqual([]);
  });

  it('lets a newer report of the same sheet replace an unsent one, even while the old one is on its way', async () => {
    const { outbox } = setup();
    outbox.enqueue(request(ID1, '70%'), meta);
    outbox.enqueue(request(ID1, '75%'), meta);
    expect(outbox.entries().map((e) => e.request.rows)).toEqual([[{ id: 'ct-05', value: '75%' }]]);
    const sender: Sender = async () => {
      outbox.enqueue(request(ID2, '90%'), meta); // the clerk corrected and sent again meanwhile
      return response();
    };
    await outbox.send(ID1, sender);
    expect(outbox.entries().map((e) => e.request.clientSubmissionId)).toEqual([ID2]);
  });

  it('keeps each Office partition’s and each user’s outbox under its own key', () => {
    const storage = memory();
    new Outbox({ storage, key: outboxKey('doc-a', 'cb.a') }).enqueue(request(), meta);
    expect(new Outbox({ storage, key: outboxKey('doc-b', 'cb.a') }).entries()).toEqual([]);
    expect(new Outbox({ storage, key: outboxKey('doc-a', 'cb.a') }).entries()).toHaveLength(1);
    // Another clerk signing in on the same computer sees (and sends) none of the first one's reports.
    expect(new Outbox({ storage, key: outboxKey('doc-a', 'cb.b') }).entries()).toEqual([]);
    expect(new Outbox({ storage, key: outboxKey('doc-a', 'CB.A') }).entries()).toHaveLength(1);
    expect([...storage.data.keys()]).toEqual(['cds.outbox.doc-a.cb.a']);
    expect(outboxKey('', 'cb.a')).toBe('cds.outbox.cb.a');
  });

  it('reads the partition key from Office, and none outside Office', () => {
    const g = globalThis as { Office?: unknown };
    expect(partitionKey()).toBe('');
    g.Office = { context: { partitionKey: 'https://contoso.sharepoint.com' } };
    try {
      expect(partitionKey()).toBe('https://contoso.sharepoint.com');
    } finally {
      delete g.Office;
    }
  });

  it('retries in the background: at once, when the browser is online again, and not while signed out', async () => {
    const { outbox } = setup();
    outbox.enqueue(request(), meta);
    const events = new EventTarget();
    const sender = jest.fn<ReturnType<Sender>, Parameters<Sender>>().mockRejectedValueOnce(new ApiError('offline', 0, 'offline', null)).mockResolvedValue(response());
    let signedIn = false;
    const stop = startRetryLoop(outbox, () => (signedIn ? sender : null), { events: events as unknown as Window, tickMs: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(sender).not.toHaveBeenCalled();
    signedIn = true;
    events.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(sender).toHaveBeenCalledTimes(1); // failed: now waits its 2 s backoff, the timer does not resend early
    events.dispatchEvent(new Event('online')); // online again: forced retry
    await new Promise((r) => setTimeout(r, 20));
    expect(sender).toHaveBeenCalledTimes(2);
    expect(outbox.entries()).toEqual([]);
    stop();
  });
});
