import type { Db } from '../../../src/server/db/connect';
import { addressKey, SignInThrottle, type ThrottleLimits } from '../../../src/server/auth/throttle';
import { describeEachDatabase } from '../support/databases';

const limits: ThrottleLimits = { perAccountAddress: 5, perAddress: 20, perAccount: 30, windowMs: 15 * 60_000 };

describeEachDatabase('failed sign-in throttle', (database) => {
  let db: Db & { drop(): Promise<void> };
  let t = 0;
  const clock = () => t;
  beforeEach(async () => {
    db = await database.create();
    t = Date.parse('2026-11-29T08:00:00Z');
  });
  afterEach(() => db.drop());

  const fail = async (th: SignInThrottle, user: string, ip: string) => {
    const d = await th.begin(user, ip);
    if (!d.allowed) throw new Error(`refused ${user}@${ip}`);
    await th.end(d.attempt, false);
  };

  it('refuses an address after 5 failures for one account for the rest of the 15-minute window', async () => {
    const th = new SignInThrottle(db.kysely, limits, clock);
    for (let i = 0; i < 5; i++) {
      await fail(th, 'VT.Hoa', '10.0.0.1');
      t += 60_000;
    }
    // first failure 5 minutes ago: 10 minutes left
    expect(await th.begin('vt.hoa', '10.0.0.1')).toEqual({ allowed: false, retryAfterSec: 600 });
    expect((await th.begin('vt.hoa', '10.0.0.2')).allowed).toBe(true);
    t += 600_000;
    expect((await th.begin('vt.hoa', '10.0.0.1')).allowed).toBe(true);
  });

  it('refuses an address after 20 failures over any accounts', async () => {
    const th = new SignInThrottle(db.kysely, limits, clock);
    for (let i = 0; i < 20; i++) await fail(th, `user${i}`, '203.0.113.7');
    expect(await th.begin('fresh-user', '203.0.113.7')).toEqual({ allowed: false, retryAfterSec: 900 });
    expect((await th.begin('fresh-user', '203.0.113.8')).allowed).toBe(true);
  });

  it('a success clears that address for the account, not the address for other accounts', async () => {
    const th = new SignInThrottle(db.kysely, { ...limits, perAddress: 5 }, clock);
    for (let i = 0; i < 4; i++) await fail(th, 'b', '1.1.1.1');
    const d = await th.begin('a', '1.1.1.1');
    if (!d.allowed) throw new Error('refused');
    await th.end(d.attempt, true);
    expect((await th.begin('c', '1.1.1.1')).allowed).toBe(true);
    expect((await th.begin('d', '1.1.1.1')).allowed).toBe(false);
  });

  it('counts attempts in flight: of 30 parallel guesses from one address at most 5 are let through', async () => {
    const th = new SignInThrottle(db.kysely, { ...limits, perAddress: 100 }, clock);
    const decisions = await Promise.all(Array.from({ length: 30 }, () => th.begin('admin', '10.0.0.9')));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed.length).toBeLessThanOrEqual(5);
    // The refused ones are not counted as guesses: the address may try again afterwards.
    for (const d of allowed) if (d.allowed) await th.end(d.attempt, false);
    expect((await th.begin('admin', '10.0.0.9')).allowed).toBe(allowed.length < 5);
  });

  it('two servers on one database share the counters', async () => {
    const one = new SignInThrottle(db.kysely, limits, clock);
    const two = new SignInThrottle(db.kysely, limits, clock);
    for (let i = 0; i < 5; i++) await fail(i % 2 ? one : two, 'vt.hoa', '10.0.0.1');
    expect((await one.begin('vt.hoa', '10.0.0.1')).allowed).toBe(false);
    expect((await two.begin('vt.hoa', '10.0.0.1')).allowed).toBe(false);
  });
});

describe('address keys', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:a:b:c:d', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
