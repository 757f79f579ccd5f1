// Office.js proxy semantics for the fake Word host (as the fake Excel host does): writes are queued
// and applied, in order, at context.sync(); a property can be read only after load() and a sync;
// every sync is counted and may wait a simulated round trip.

export interface WordHostControl {
  syncCount: number;
  runCount: number;
  latencyMs: number;
  /** Requirement sets the fake supports and their highest version, e.g. { WordApi: '1.3' }. */
  requirementSets: Record<string, string>;
  /** The next sync fails with this Office error code (then the host behaves again). */
  failNextSync: string | null;
}

export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export class FakeContext {
  private ops: (() => void)[] = [];
  private loads: (() => void)[] = [];
  constructor(readonly host: WordHostControl) {}

  queue(op: () => void): void {
    this.ops.push(op);
  }

  queueLoad(fulfil: () => void): void {
    this.loads.push(fulfil);
  }

  get pending(): boolean {
    return this.ops.length > 0 || this.loads.length > 0;
  }

  async sync(): Promise<void> {
    this.host.syncCount += 1;
    const [ops, loads] = [this.ops, this.loads];
    this.ops = [];
    this.loads = [];
    if (this.host.latencyMs > 0) await new Promise((r) => setTimeout(r, this.host.latencyMs));
    if (this.host.failNextSync) {
      const code = this.host.failNextSync;
      this.host.failNextSync = null;
      throw new FakeOfficeError(code, `Fake Word failure ${code}`);
    }
    for (const op of ops) op();
    for (const fulfil of loads) fulfil();
  }
}

/** Names in a load() argument: "text, tag", ["text"], { select: "text" }. */
function loadNames(arg?: string | string[] | { select?: string | string[] }): string[] {
  const raw = arg === undefined ? [] : typeof arg === 'string' || Array.isArray(arg) ? arg : (arg.select ?? []);
  return (Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()).filter(Boolean);
}

/**
 * A proxy object: `read(name)` returns a loaded value or throws PropertyNotLoaded; `write` queues
 * a change for the next sync. Subclasses say what may be loaded in `readers`.
 */
export abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();
  protected abstract readonly readers: Record<string, () => unknown>;
  constructor(readonly context: FakeContext) {}

  load(arg?: string | string[] | { select?: string | string[] }): this {
    const names = loadNames(arg);
    const wanted = names.length > 0 ? names : Object.keys(this.readers);
    for (const n of wanted) if (!(n in this.readers)) throw new FakeOfficeError('InvalidArgument', `Cannot load ${n}`);
    this.context.queueLoad(() => {
      for (const n of wanted) this.loaded.set(n, structuredClone(this.readers[n]()));
    });
    return this;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as T;
  }

  protected write(op: () => void): void {
    this.context.queue(op);
  }
}
