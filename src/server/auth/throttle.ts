// Failed sign-in throttle, kept in the database so every server process counts the same guesses
// (docs/security.md). The lockout falls on the guesser's address, not on the account holder:
// - one address may fail `perAccountAddress` times for one account, and `perAddress` times in all;
// - an account fails `perAccount` times across all addresses before it is refused, but only to
//   addresses it has never signed in from: its holder, at a known address, is never locked out.
// An attempt is written as a failure BEFORE its password is checked and removed when it succeeds,
// so a burst of parallel guesses cannot all pass the count before the first of them is recorded.
import { randomUUID } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ThrottleLimits {
  /** Failures one address may make for one account within the window. */
  readonly perAccountAddress: number;
  /** Failures one address may make over all accounts: higher, a whole office may share one NAT address. */
  readonly perAddress: number;
  /** Failures an account may take from addresses it never signed in from (a spread-out attack). */
  readonly perAccount: number;
  readonly windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccountAddress: 5, perAddress: 20, perAccount: 100, windowMs: 15 * 60 * 1000 };
/** How long a successful sign-in makes an address known to the account. */
const KNOWN_FOR_MS = 90 * 24 * 60 * 60 * 1000;

export type ThrottleDecision = { readonly allowed: true; readonly attempt: Attempt } | { readonly allowed: false; readonly retryAfterSec: number };

/** The place an allowed attempt holds until end(). */
export interface Attempt {
  readonly id: string;
  readonly account: string;
  readonly address: string;
}

/** The account key: the user name as the users table stores it (trimmed, lower-case). */
export const accountKey = (username: string): string => username.trim().toLowerCase().slice(0, 128);

/**
 * The address key. An IPv6 client usually holds a whole /64, so its first four groups are one
 * address; an IPv4 address mapped into IPv6 is the IPv4 address.
 * @example addressKey('2001:db8:1:2:a::1') // "2001:db8:1:2::/64"
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...front, ...Array(8 - front.length - back.length).fill('0'), ...back] : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class SignInThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Ask before checking the password; when allowed, the attempt counts as a failure until end().
   * @example const d = await throttle.begin(u, ip); if (d.allowed) { const ok = await verify(); await throttle.end(d.attempt, ok); }
   */
  async begin(username: string, address: string): Promise<ThrottleDecision> {
    const t = this.now();
    const since = new Date(t - this.limits.windowMs).toISOString();
    const attempt: Attempt = { id: randomUUID(), account: accountKey(username), address: addressKey(address) };
    await this.db.deleteFrom('sign_in_failures').where('at', '<=', since).execute();
    await this.db.insertInto('sign_in_failures').values({ ...attempt, at: new Date(t).toISOString() }).execute();
    // Counted after our own insert: of N parallel attempts, the k-th to be written sees at least k.
    const count = async (where: { account?: string; address?: string }) => {
      let q = this.db.selectFrom('sign_in_failures').select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min<string>('at').as('first')]).where('at', '>', since);
      if (where.account !== undefined) q = q.where('account', '=', where.account);
      if (where.address !== undefined) q = q.where('address', '=', where.address);
      const row = await q.executeTakeFirstOrThrow();
      return { n: Number(row.n), first: row.first };
    };
    const known = await this.db
      .selectFrom('sign_in_known_addresses')
      .select('address')
      .where('account', '=', attempt.account)
      .where('address', '=', attempt.address)
      .where('last_success_at', '>=', new Date(t - KNOWN_FOR_MS).toISOString())
      .executeTakeFirst();
    const checks = [
      { limit: this.limits.perAccountAddress, ...(await count({ account: attempt.account, address: attempt.address })) },
      { limit: this.limits.perAddress, ...(await count({ address: attempt.address })) },
      ...(known ? [] : [{ limit: this.limits.perAccount, ...(await count({ account: attempt.account })) }]),
    ];
    const over = checks.filter((c) => c.n > c.limit);
    if (over.length === 0) return { allowed: true, attempt };
    // Refused without a password check: it is not a guess, so it does not count.
    await this.db.deleteFrom('sign_in_failures').where('id', '=', attempt.id).execute();
    const reopens = Math.max(...over.map((c) => (c.first ? Date.parse(c.first) : t) + this.limits.windowMs - t));
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(reopens / 1000)) };
  }

  /** Records the outcome: a failure stays counted; a success clears this address's failures for the
   * account (not the address's other failures: others may be guessing from it) and makes it known. */
  async end(attempt: Attempt, success: boolean): Promise<void> {
    if (!success) return;
    await this.db.deleteFrom('sign_in_failures').where('account', '=', attempt.account).where('address', '=', attempt.address).execute();
    await this.db
      .insertInto('sign_in_known_addresses')
      .values({ account: attempt.account, address: attempt.address, last_success_at: new Date(this.now()).toISOString() })
      .onConflict((oc) => oc.columns(['account', 'address']).doUpdateSet({ last_success_at: new Date(this.now()).toISOString() }))
      .execute();
  }
}
