// At most N expensive jobs at once per process (reading an uploaded workbook): beyond that the caller
// is told to come back (503 + Retry-After) instead of queueing, so memory stays bounded and the
// event loop keeps answering everything else (docs/security.md, bench/upload.ts).

export class Slots {
  private busy = 0;

  constructor(readonly size: number) {}

  /**
   * A release function when a slot is free, else null.
   * @example const release = slots.take(); if (!release) return busy(reply); try { … } finally { release(); }
   */
  take(): (() => void) | null {
    if (this.busy >= this.size) return null;
    this.busy++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy--;
    };
  }

  get inUse(): number {
    return this.busy;
  }
}
