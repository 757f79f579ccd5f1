// WAL checkpoints of the SQLite file, taken off the request path (docs/performance.md). SQLite's
// default runs a checkpoint inside the commit that takes the log past 1,000 pages: every few dozen
// submissions one request copied the whole log into the database file and synced it (the largest
// share of a submission's time). Here a worker thread with its own connection to the same file runs
// a PASSIVE checkpoint every interval: it copies what no reader still needs and never blocks the
// server's writer. The server's connection keeps an automatic checkpoint only as a safety net, at a
// size the worker never lets the log reach, so the log stays bounded should the thread die.
//
// The thread runs a few lines of plain CommonJS given as text (`eval`): there is no file to build or
// to find beside the compiled server, and it loads better-sqlite3 from the path this module resolved.
import { Worker } from 'node:worker_threads';

export interface CheckpointOptions {
  /** How often the thread checkpoints (ms). */
  readonly intervalMs?: number;
  /** Where a failure of the thread goes (the server's log). */
  readonly onError?: (error: Error) => void;
}

/** Pages the log may reach before the server's own connection checkpoints (4 KB pages: 40 MB). */
export const SAFETY_NET_PAGES = 10_000;
/** A log file larger than this is truncated back to it when it restarts (bytes). */
export const LOG_SIZE_LIMIT = 64 * 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let frames = 0;
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    frames += r.checkpointed;
  } catch (error) {
    // SQLITE_BUSY: another checkpoint (a backup, the safety net) is running; the next tick tries again.
    if (error && error.code !== 'SQLITE_BUSY') parentPort.postMessage({ error: String(error && error.stack || error) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'tick') { tick(); parentPort.postMessage({ frames }); return; }
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** The checkpoint thread of one SQLite file; `stop()` ends it before the server's connection closes. */
export class BackgroundCheckpoints {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, options: CheckpointOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 100 },
    });
    // The thread must never keep the process alive: a stopping server exits within its grace period.
    this.worker.unref();
    this.worker.on('message', (m: { error?: string }) => {
      if (m.error) options.onError?.(new Error(`WAL checkpoint: ${m.error}`));
    });
    this.worker.on('error', (error) => options.onError?.(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Runs one checkpoint now and resolves with the frames the thread has copied so far (tests). */
  checkpointNow(): Promise<number> {
    return new Promise((resolve) => {
      const onMessage = (m: { frames?: number }) => {
        if (m.frames === undefined) return;
        this.worker.off('message', onMessage);
        resolve(m.frames);
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage('tick');
    });
  }

  /** Ends the thread (its connection closed); resolves once it has exited. */
  async stop(): Promise<void> {
    // Held from here: unreferenced, the thread let a process with nothing else left to do exit in the
    // middle of closing, before the server's connection folded the log into the file.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
