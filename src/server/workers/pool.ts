// The worker threads of the server (docs/architecture.md "Worker threads"): two piscina pools, one
// drawing consolidation workbooks, one reading uploaded workbooks, each task a few seconds of
// exceljs that would otherwise hold the event loop (/api/health, every other request) as long.
// Started lazily, idle threads end after a minute, and the pools end with the app (onClose).
//
// Which file a thread runs: the compiled server (dist/server/, .cache/server/ for npm start) has
// xlsx-worker.js beside its own bundle (scripts/build-server.mjs builds it as an entry); from the
// TypeScript sources (jest, tsx) there is no such file next to this one, and the thread runs
// source-entry.cjs, which registers tsx's CommonJS hook before requiring xlsx-worker.ts. One rule,
// no environment variable: tests exercise the same TypeScript the compiled bundle is made from.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { SheetOptions } from '../../core/consolidation-sheet';
import type { ConsolidationJob } from '../consolidation-job';
import { HttpError } from '../errors';
import type { Upload } from '../xlsx/import';

export function workerFile(dir = __dirname): string {
  const compiled = join(dir, 'xlsx-worker.js');
  return existsSync(compiled) ? compiled : join(dir, 'source-entry.cjs');
}

export interface WorkerOptions {
  /** Threads drawing workbooks at once (more wait in the queue). */
  readonly exportThreads?: number;
  /** Threads reading uploads: the import route's slots (routes/imports.ts) never ask for more. */
  readonly uploadThreads?: number;
  /** Exports waiting for a thread beyond which the request is told to come back (503). */
  readonly exportQueue?: number;
  /**
   * The longest a task may take, waiting included (default 2 minutes; the 3,400-unit export takes
   * seconds): a last guard, so that no request waits for ever on a thread that will never answer
   * (piscina does not replace a thread that dies while starting; its queued tasks would stay queued).
   */
  readonly taskTimeoutMs?: number;
}

const RETRY_AFTER_SEC = 5;
/** A pool full or a thread gone (ended, crashed, out of memory): the request may be tried again. */
const unavailable = () =>
  new HttpError(503, 'unavailable', `Máy chủ đang bận tạo tệp Excel; vui lòng thử lại sau ${RETRY_AFTER_SEC} giây.`);

/** The Buffer of bytes that crossed back from a thread (a plain Uint8Array), without a copy. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export class XlsxWorkers {
  /** The pools, for the tests that end a thread in the middle of a task. */
  readonly pools: { readonly exports: Piscina; readonly uploads: Piscina };
  private closed = false;
  /** The tasks in flight, each with its way out should its pool break. */
  private readonly pending = new Set<AbortController>();
  private readonly timeoutMs: number;

  /** `onError`: a thread that failed outside any task (it cannot start, say), for the log. */
  constructor(options: WorkerOptions = {}, onError: (error: unknown) => void = () => {}, filename = workerFile()) {
    this.timeoutMs = options.taskTimeoutMs ?? 120_000;
    const common = { filename, minThreads: 0, idleTimeout: 60_000 };
    this.pools = {
      exports: new Piscina({ ...common, maxThreads: options.exportThreads ?? 2, maxQueue: options.exportQueue ?? 16 }),
      // No queue: the route's slots already answer 503 beyond them.
      uploads: new Piscina({ ...common, maxThreads: options.uploadThreads ?? 2 }),
    };
    for (const pool of Object.values(this.pools)) {
      // piscina emits 'error' when a thread fails with no task of its own (an unhandled 'error' would
      // end the process). A thread that cannot start is not replaced: the tasks waiting for one would
      // wait for ever, so they are ended (503) rather than left hanging.
      pool.on('error', (error: unknown) => {
        onError(error);
        for (const task of this.pending) task.abort(error);
      });
    }
  }

  /**
   * The consolidation of the job as an .xlsx file, computed and drawn in a worker thread.
   * @example reply.send(await app.workers.consolidationXlsx(job, { groups: catalogue.indicatorGroups }))
   */
  async consolidationXlsx(job: ConsolidationJob, options: SheetOptions): Promise<Buffer> {
    return asBuffer(await this.run<Uint8Array>('exports', 'consolidationXlsx', { job, options }));
  }

  /** The template in an uploaded file, or why it is refused – the same refusals as readUpload in process. */
  async readUpload(file: Buffer, secret: Buffer): Promise<Upload> {
    return this.run<Upload>('uploads', 'upload', { file, secret });
  }

  /** Ends the threads (the app's onClose): a task still running is rejected, never left hanging. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.pools.exports.destroy(), this.pools.uploads.destroy()]);
  }

  private async run<R>(pool: keyof XlsxWorkers['pools'], name: string, task: unknown): Promise<R> {
    if (this.closed) throw unavailable();
    const abort = new AbortController();
    this.pending.add(abort);
    const timer = setTimeout(() => abort.abort(new Error('worker task timed out')), this.timeoutMs);
    try {
      return (await this.pools[pool].run(task, { name, signal: abort.signal })) as R;
    } catch (error) {
      // An exception thrown by the task itself is a bug: it stays an error (500, details only in
      // the log). A full queue, a pool that broke or a thread that ended under the task is the
      // server's state: 503, try again.
      if (abort.signal.aborted || (error instanceof Error && /queue is at limit|Terminating worker thread|worker.*(exit|terminat)|out of memory/i.test(error.message))) {
        throw Object.assign(unavailable(), { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.pending.delete(abort);
    }
  }
}

export { RETRY_AFTER_SEC as WORKER_RETRY_AFTER_SEC };
