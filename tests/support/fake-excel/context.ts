// Office.js proxy semantics for the fake host: operations are queued and run at context.sync();
// a property can be read only after it was load()ed and a sync fulfilled the load; every sync is
// counted and may wait a simulated round trip or fail as Excel does in cell-edit mode.

import { ERROR_CODES, FakeOfficeError } from './state';

export interface HostControl {
  syncCount: number;
  runCount: number;
  latencyMs: number;
  /** The next N syncs fail with InvalidOperationInCellEditMode, nothing of their batch applied. */
  cellEditSyncs: number;
  /** Requirement sets and the highest version the fake host supports, e.g. { ExcelApi: '1.9' }. */
  requirementSets: Record<string, string>;
  /** The last range selected through the API (Excel keeps the selection on the workbook). */
  selection: { sheet: string | null; address: string | null };
}

type Fulfil = () => void;

export class FakeContext {
  private ops: (() => void)[] = [];
  private loads: Fulfil[] = [];
  constructor(readonly host: HostControl) {}

  /** Queues a write or an action; it runs, in order, at the next sync. */
  queue(op: () => void): void {
    this.ops.push(op);
  }

  /** Queues a load; its fulfilment runs after the batch's operations. */
  queueLoad(fulfil: Fulfil): void {
    this.loads.push(fulfil);
  }

  /** Writes queued since the last sync (Excel.run syncs them when the batch function returns). */
  get pendingWrites(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    this.host.syncCount += 1;
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    if (this.host.latencyMs > 0) await new Promise((r) => setTimeout(r, this.host.latencyMs));
    if (this.host.cellEditSyncs > 0) {
      this.host.cellEditSyncs -= 1;
      throw new FakeOfficeError(ERROR_CODES.invalidOperationInCellEditMode, 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    // As in Excel, the operations before a failing one stay applied; the rest of the batch is dropped.
    for (const op of ops) op();
    for (const fulfil of loads) fulfil();
  }
}

/** Names in a load() argument: "values, numberFormat", ["values"], { select: "name" }. */
export function loadNames(arg?: string | string[] | { select?: string | string[] }): string[] {
  const raw = arg === undefined ? [] : typeof arg === 'string' || Array.isArray(arg) ? arg : (arg.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(',');
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A proxy: `prop(name)` reads a loaded value or throws PropertyNotLoaded; `load` snapshots the
 * named properties at the next sync. Subclasses list what may be loaded in `readers`.
 */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  protected abstract readonly readers: Record<string, () => unknown>;
  constructor(readonly context: FakeContext) {}

  load(arg?: string | string[] | { select?: string | string[] }): this {
    const names = loadNames(arg);
    const wanted = names.length > 0 ? names : Object.keys(this.readers);
    this.context.queueLoad(() => this.fulfilProps(wanted));
    return this;
  }

  /** Snapshots the named properties now (at sync): later changes to the workbook do not show. */
  fulfilProps(names: readonly string[]): void {
    for (const name of names) {
      const reader = this.readers[name];
      if (!reader) throw new FakeOfficeError(ERROR_CODES.invalidArgument, `Cannot load ${name}`);
      this.loaded.set(name, structuredClone(reader()));
    }
  }

  /** Marks a property as known without a load (Office.js does this for isNullObject at every sync). */
  protected fulfilNow(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(ERROR_CODES.propertyNotLoaded,
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as T;
  }
}
