// Work that holds the event loop for a while, done one piece after another, each from a new turn of
// the loop. A consolidation of the country's 3,400 units reads and computes for 100–300 ms on the
// JavaScript thread; four asked for at once ran back to back in one turn, and everything else –
// /api/health, the readiness probe, clerks' reports – waited for all four (0.75 s, bench/consolidation.ts).
// Taken in turns, what arrives meanwhile is answered between two of them. The total is the same:
// the thread is one.

export class Turns {
  private last: Promise<unknown> = Promise.resolve();

  /**
   * Runs `work` after the work given before it has finished, from a new turn of the event loop
   * (setImmediate: after the pending input and output). A failure is its caller's, not the next one's.
   * @example const body = await turns.run(() => gather(db, period));
   */
  run<T>(work: () => Promise<T> | T): Promise<T> {
    const mine = this.last.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work);
    this.last = mine.catch(() => undefined);
    return mine;
  }
}
