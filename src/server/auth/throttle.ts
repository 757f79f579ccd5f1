// Failed sign-in counters, per account and per client address (sliding window).
// Kept in memory: right for the single server process this project runs; counters reset on restart
// and are not shared between processes. Several processes behind a load balancer would need a
// shared store (the database or Redis) behind this same interface.

export interface ThrottleLimits {
  /** Failures allowed per account within the window before 429. */
  readonly perAccount: number;
  /** Failures allowed per address: higher, because a whole office may share one NAT address. */
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };
/** Bound on tracked keys, so spraying random usernames cannot grow memory without limit. */
const MAX_KEYS = 50_000;

export type ThrottleDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSec: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  /** Attempts being checked right now: counted like failures, so a burst of parallel guesses
   * cannot all pass check() before the first of them is recorded. */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ask before checking the password: a blocked caller does not even get a scrypt run. */
  check(username: string, address: string): ThrottleDecision {
    const t = this.now();
    const waits = [
      this.waitFor(accountKey(username), this.limits.perAccount, t),
      this.waitFor(addressKey(address), this.limits.perAddress, t),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSec: Math.ceil(wait / 1000) } : { allowed: true };
  }

  /**
   * check() and, when allowed, hold a place until end(): use around the password check.
   * @example const d = throttle.begin(u, ip); if (d.allowed) { const ok = await verify(); throttle.end(u, ip, ok); }
   */
  begin(username: string, address: string): ThrottleDecision {
    const decision = this.check(username, address);
    if (decision.allowed) for (const key of [accountKey(username), addressKey(address)]) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return decision;
  }

  /** Releases the place taken by begin() and records the outcome. */
  end(username: string, address: string, success: boolean): void {
    for (const key of [accountKey(username), addressKey(address)]) {
      const n = (this.pending.get(key) ?? 0) - 1;
      if (n > 0) this.pending.set(key, n);
      else this.pending.delete(key);
    }
    if (success) this.recordSuccess(username);
    else this.recordFailure(username, address);
  }

  recordFailure(username: string, address: string): void {
    const t = this.now();
    if (this.failures.size >= MAX_KEYS) this.prune(t);
    for (const key of [accountKey(username), addressKey(address)]) {
      const list = this.recent(key, t);
      list.push(t);
      this.failures.set(key, list);
    }
  }

  /** A successful sign-in clears the account's counter, not the address's (others may be guessing from it). */
  recordSuccess(username: string): void {
    this.failures.delete(accountKey(username));
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => t - at < this.limits.windowMs);
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  private waitFor(key: string, limit: number, t: number): number {
    const list = this.recent(key, t);
    if (list.length === 0) this.failures.delete(key);
    const inFlight = this.pending.get(key) ?? 0;
    if (list.length + inFlight < limit) return 0;
    // Only attempts in flight: their outcome is not known yet, so ask to retry shortly.
    if (list.length < limit) return 1000;
    // The window reopens when the failure that put the key over its limit ages out.
    return list[list.length - limit] + this.limits.windowMs - t;
  }

  private prune(t: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, t).length === 0) this.failures.delete(key);
    }
    // Still full: forget the oldest keys (Map keeps insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS) break;
      this.failures.delete(key);
    }
  }
}

const accountKey = (username: string): string => `u:${username.trim().toLowerCase()}`;
const addressKey = (address: string): string => `a:${address}`;
