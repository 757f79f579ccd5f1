import { LoginThrottle } from '../../../src/server/auth/throttle';

describe('failed sign-in throttle', () => {
  const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };
  let t = 0;
  const clock = () => t;
  beforeEach(() => {
    t = 1_000_000;
  });

  it('blocks an account after 5 failures for the rest of the 15-minute window', () => {
    const th = new LoginThrottle(limits, clock);
    for (let i = 0; i < 5; i++) {
      expect(th.check('VT.Hoa', '10.0.0.1').allowed).toBe(true);
      th.recordFailure('vt.hoa', `10.0.0.${i}`);
      t += 60_000;
    }
    // first failure at 1_000_000, now 5 minutes later: 10 minutes left
    expect(th.check('vt.hoa', '10.9.9.9')).toEqual({ allowed: false, retryAfterSec: 600 });
    expect(th.check('other', '10.0.0.1').allowed).toBe(true);
    t += 600_000;
    expect(th.check('vt.hoa', '10.9.9.9').allowed).toBe(true);
  });

  it('blocks an address after 20 failures over any accounts', () => {
    const th = new LoginThrottle(limits, clock);
    for (let i = 0; i < 20; i++) th.recordFailure(`user${i}`, '203.0.113.7');
    expect(th.check('fresh-user', '203.0.113.7')).toEqual({ allowed: false, retryAfterSec: 900 });
    expect(th.check('fresh-user', '203.0.113.8').allowed).toBe(true);
  });

  it('a success clears the account but not the address', () => {
    const th = new LoginThrottle({ ...limits, perAddress: 4 }, clock);
    for (let i = 0; i < 4; i++) th.recordFailure('a', '1.1.1.1');
    th.recordSuccess('a');
    expect(th.check('a', '2.2.2.2').allowed).toBe(true);
    expect(th.check('a', '1.1.1.1').allowed).toBe(false);
  });
});

describe('parallel guesses', () => {
  it('counts attempts in flight, so a burst cannot slip past the limit', () => {
    const th = new LoginThrottle({ perAccount: 5, perAddress: 100, windowMs: 900_000 }, () => 0);
    const admitted = Array.from({ length: 50 }, (_, i) => th.begin('admin', `10.0.0.${i}`)).filter((d) => d.allowed);
    expect(admitted).toHaveLength(5);
    expect(th.begin('admin', '10.1.1.1')).toEqual({ allowed: false, retryAfterSec: 1 });
    for (let i = 0; i < 5; i++) th.end('admin', `10.0.0.${i}`, false);
    expect(th.begin('admin', '10.1.1.1')).toEqual({ allowed: false, retryAfterSec: 900 });
  });

  it('a successful attempt frees its place and clears the account', () => {
    const th = new LoginThrottle({ perAccount: 2, perAddress: 2, windowMs: 900_000 }, () => 0);
    expect(th.begin('a', '1.1.1.1').allowed).toBe(true);
    th.end('a', '1.1.1.1', true);
    expect(th.begin('a', '1.1.1.1').allowed).toBe(true);
    th.end('a', '1.1.1.1', true);
    expect(th.check('a', '1.1.1.1').allowed).toBe(true);
  });
});
