// Office.js proxy semantics shared by the fake Excel and Word hosts: operations are queued and run,
// in order, at context.sync(); a property can be read only after load() and a sync fulfilled it;
// every sync is counted, may wait a simulated round trip, and may fail as the host decides.

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** What every fake host exposes to its tests. */
export interface SyncControl {
  syncCount: number;
  runCount: number;
  latencyMs: number;
}

type Op = () => void;

export class FakeBatchContext<Host extends SyncControl = SyncControl> {
  private ops: Op[] = [];
  private loads: Op[] = [];
  /** `failure` is asked at each sync (after the latency) for an error that drops the batch. */
  constructor(
    readonly host: Host,
    private readonly failure: () => FakeOfficeError | null = () => null,
  ) {}

  /** Queues a write or an action; it runs, in order, at the next sync. */
  queue(op: Op): void {
    this.ops.push(op);
  }

  /** Queues a load; its fulfilment runs after the batch's operations. */
  queueLoad(fulfil: Op): void {
    this.loads.push(fulfil);
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
    // As in Office, the operations before a failing one stay applied; the rest of the batch is dropped.
    for (const op of ops) op();
    for (const fulfil of loads) fulfil();
  }
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

  load(arg?: string | string[] | { select?: string | string[] }): this {
    const names = loadNames(arg);
    const wanted = names.length > 0 ? names : Object.keys(this.readers);
    this.context.queueLoad(() => this.fulfilProps(wanted));
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
  protected queueWrite(op: () => void): void {
    this.context.queue(op);
  }
}
