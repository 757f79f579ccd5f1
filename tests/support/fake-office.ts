// Office.js proxy semantics shared by the fake Excel and Word hosts: operations are queued and run,
// in order, at context.sync(); a property can be read only after load() and a sync fulfilled it;
// every sync is counted, may wait a simulated round trip, and may fail as the host decides.
// Like Office, a batch runs operation by operation on the host: an operation whose requirement set
// the host lacks fails with ApiNotFound, an injected failure fails at its operation, and in both
// cases the operations before it stay applied. Excel on the web refuses a request over 5 MB whole.

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** A requirement set and the lowest version an API needs, e.g. ['ExcelApi', '1.7']. */
export type Requirement = readonly [set: string, version: string];

/** A failure a test injects: at sync number `atSync` (of the host's count), at operation `op` of it. */
export interface InjectedFailure {
  readonly atSync: number;
  /** The operation's index in the batch, or the name of the first operation so named (e.g. 'unprotect'). */
  readonly op: number | string;
  readonly code: string;
}

/** What every fake host exposes to its tests. */
export interface SyncControl {
  syncCount: number;
  runCount: number;
  latencyMs: number;
  /** Requirement sets and the highest version the host offers, e.g. { ExcelApi: '1.7' }. */
  requirementSets: Record<string, string>;
  /** A request larger than this is refused whole (Excel on the web: 5 MB); null for no limit. */
  payloadLimitBytes?: number | null;
  /** The largest request sent so far, in bytes (what the bench reports). */
  largestPayloadBytes?: number;
  /** The number of operations of each sync, in order (to inject a failure at every one of them). */
  opsPerSync?: number[];
  injected?: InjectedFailure[];
}

/** Office's error when an API is outside the host's requirement sets. */
export const API_NOT_FOUND = 'ApiNotFound';
export const PAYLOAD_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';
/** Bytes of one operation's envelope in a request, beside its arguments. */
const OP_OVERHEAD_BYTES = 60;

/** "1.10" ≥ "1.9": requirement-set versions compare number by number, not as text. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export function hostSupports(host: Pick<SyncControl, 'requirementSets'>, set: string, version: string): boolean {
  const have = host.requirementSets[set];
  return have !== undefined && versionAtLeast(have, version);
}

const encoder = new TextEncoder();

/** The size of an operation's arguments in a request (UTF-8 of their JSON). TextEncoder: the fake also runs in Chromium. */
export function payloadBytes(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
}

export interface OpMeta {
  /** Every requirement the operation needs (the proxy's and the member's). */
  readonly requires?: readonly Requirement[];
  readonly bytes?: number;
  readonly name?: string;
}

interface Op {
  readonly run: () => void;
  readonly meta: OpMeta;
}

export class FakeBatchContext<Host extends SyncControl = SyncControl> {
  private ops: Op[] = [];
  private loads: Op[] = [];
  /** `failure` is asked at each sync (after the latency) for an error that drops the batch. */
  constructor(
    readonly host: Host,
    private readonly failure: () => FakeOfficeError | null = () => null,
  ) {}

  /** Queues a write or an action; it runs, in order, at the next sync. */
  queue(run: () => void, meta: OpMeta = {}): void {
    this.ops.push({ run, meta });
  }

  /** Queues a load; its fulfilment runs after the batch's operations. */
  queueLoad(fulfil: () => void, meta: OpMeta = {}): void {
    this.loads.push({ run: fulfil, meta });
  }

  /** Writes queued since the last sync. */
  get pendingWrites(): boolean {
    return this.ops.length > 0;
  }

  /** Writes or loads queued since the last sync (what Word.run / Excel.run send when the batch returns). */
  get pending(): boolean {
    return this.ops.length > 0 || this.loads.length > 0;
  }

  async sync(): Promise<void> {
    this.host.syncCount += 1;
    const [ops, loads] = [this.ops, this.loads];
    this.ops = [];
    this.loads = [];
    if (this.host.latencyMs > 0) await new Promise((r) => setTimeout(r, this.host.latencyMs));
    const error = this.failure();
    if (error) throw error;
    const all = [...ops, ...loads];
    (this.host.opsPerSync ??= []).push(all.length);
    const bytes = all.reduce((n, op) => n + OP_OVERHEAD_BYTES + (op.meta.bytes ?? 0), 0);
    this.host.largestPayloadBytes = Math.max(this.host.largestPayloadBytes ?? 0, bytes);
    const limit = this.host.payloadLimitBytes;
    if (limit && bytes > limit) throw new FakeOfficeError(PAYLOAD_TOO_LARGE, `The request payload size (${bytes} bytes) has exceeded the limit.`);
    const injected = this.takeInjected(all);
    // As in Office, the operations before a failing one stay applied; the rest of the batch is dropped.
    all.forEach((op, i) => {
      if (injected && injected.index === i) throw new FakeOfficeError(injected.code, `Injected failure ${injected.code} at operation ${i}`);
      const missing = op.meta.requires?.find(([set, version]) => !hostSupports(this.host, set, version));
      if (missing) throw new FakeOfficeError(API_NOT_FOUND, `The API you are trying to use could not be found (${missing[0]} ${missing[1]}).`);
      op.run();
    });
  }

  /** The failure injected at this sync, resolved to an operation index. */
  private takeInjected(all: readonly Op[]): { index: number; code: string } | null {
    const list = this.host.injected ?? [];
    const at = list.findIndex((f) => f.atSync === this.host.syncCount);
    if (at < 0) return null;
    const [f] = list.splice(at, 1);
    const index = typeof f.op === 'number' ? f.op : all.findIndex((op) => op.meta.name === f.op);
    return index < 0 || index >= all.length ? null : { index, code: f.code };
  }
}

/**
 * Makes sync number `inSyncs` from now (1 = the next) fail at operation `op` (an index or a name).
 * @example injectFailure(host.control, { inSyncs: 2, op: 'unprotect', code: 'AccessDenied' })
 */
export function injectFailure(host: SyncControl, f: { inSyncs?: number; op: number | string; code: string }): void {
  (host.injected ??= []).push({ atSync: host.syncCount + (f.inSyncs ?? 1), op: f.op, code: f.code });
}

/** Names in a load() argument: "values, numberFormat", ["values"], { select: "name" }. */
function loadNames(arg?: string | string[] | { select?: string | string[] }): string[] {
  const raw = arg === undefined ? [] : typeof arg === 'string' || Array.isArray(arg) ? arg : (arg.select ?? []);
  return (Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A proxy: `prop(name)` reads a loaded value or throws PropertyNotLoaded; `load` snapshots the named
 * properties at the next sync (an unknown name fails that sync with InvalidArgument). Subclasses
 * list what may be loaded in `readers`.
 */
export abstract class FakeProxy<Context extends FakeBatchContext = FakeBatchContext> {
  private readonly loaded = new Map<string, unknown>();
  protected abstract readonly readers: Record<string, () => unknown>;
  constructor(readonly context: Context) {}

  /** Requirements of the proxy itself (e.g. a range got through getRangeByIndexes needs ExcelApi 1.7). */
  protected requires: readonly Requirement[] = [];

  load(arg?: string | string[] | { select?: string | string[] }): this {
    const names = loadNames(arg);
    const wanted = names.length > 0 ? names : Object.keys(this.readers);
    this.context.queueLoad(() => this.fulfilProps(wanted), { requires: this.requires, name: 'load' });
    return this;
  }

  /** Snapshots the named properties now (at sync): later changes to the document do not show. */
  fulfilProps(names: readonly string[]): void {
    for (const name of names) {
      const reader = this.readers[name];
      if (!reader) throw new FakeOfficeError('InvalidArgument', `Cannot load ${name}`);
      this.loaded.set(name, structuredClone(reader()));
    }
  }

  /** Marks a property as known without a load (Office.js does this for isNullObject at every sync). */
  protected fulfilNow(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as T;
  }

  /** Queues a change for the next sync. */
  protected queueWrite(op: () => void, meta: OpMeta = {}): void {
    this.context.queue(op, { ...meta, requires: [...this.requires, ...(meta.requires ?? [])] });
  }
}
