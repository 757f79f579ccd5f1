// Attack 5: behind a reverse proxy, a client prepends forged X-Forwarded-For entries to escape the
// per-address sign-in throttle. Only the entries our own proxies added may name the client.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authPlugin } from '../../src/server/auth/plugin';
import { loadConfig } from '../../src/server/config';
import { testApp, type TestApp } from '../server/support/app';
import { describeEachDatabase } from '../server/support/databases';

const PROXY = '10.0.0.2';
const GUESSER = '198.51.100.7';

const forgeries: Array<[string, (i: number) => string]> = [
  ['one forged address', (i) => `203.0.113.${i}`],
  ['a forged chain', (i) => `203.0.113.${i}, 192.0.2.${i}, 10.9.9.${i}`],
  ['forged IPv6 addresses', (i) => `2001:db8:${i}::1`],
  ['garbage', (i) => `nobody-${i}, unknown`],
  ['the proxy’s own address', () => PROXY],
];

describeEachDatabase('forwarded addresses', (database) => {
  describe.each([
    ['TRUST_PROXY=1 (one proxy in front)', '1'],
    ['TRUST_PROXY=the proxy’s address', `${PROXY},10.1.0.0/16`],
  ])('%s', (_name, trust) => {
    let t: TestApp;
    beforeEach(async () => {
      t = await testApp(database, { auth: authPlugin, env: { TRUST_PROXY: trust, DATA_DIR: mkdtempSync(join(tmpdir(), 'xff-')) } });
    });
    afterEach(async () => t.close());

    /** A request through our proxy: it appends the address it saw to what the client sent. */
    const viaProxy = (forged: string, username: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': `${forged}, ${GUESSER}` },
        payload: { username, password: 'đoán bừa một mật khẩu' },
      });

    it.each(forgeries)('a guesser sending %s in front of the proxy’s entry is still counted by its own address', async (_what, forge) => {
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) codes.push((await viaProxy(forge(i), `khong-co-${i}`)).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes[20]).toBe(429);
      // Another client behind the same proxy is not affected.
      const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: PROXY, headers: { 'x-forwarded-for': '192.0.2.50' }, payload: { username: 'ai-do', password: 'đoán bừa một mật khẩu' } });
      expect(other.statusCode).toBe(401);
    });
  });

  it('a client that is not our proxy cannot name an address at all (TRUST_PROXY=proxy addresses)', async () => {
    const t = await testApp(database, { auth: authPlugin, env: { TRUST_PROXY: PROXY, DATA_DIR: mkdtempSync(join(tmpdir(), 'xff-')) } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: GUESSER, headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { username: `x${i}`, password: 'đoán bừa một mật khẩu' } });
        codes.push(res.statusCode);
      }
      expect(codes[20]).toBe(429);
    } finally {
      await t.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['', false],
    ['0', false],
    ['2', 2],
    ['10.0.0.2', ['10.0.0.2']],
    ['10.0.0.2, 10.1.0.0/16, ::1', ['10.0.0.2', '10.1.0.0/16', '::1']],
  ])('%j is %j', (raw, expected) => {
    expect(loadConfig({ HTTPS: '0', TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each([['true'], ['all'], ['11'], ['-1'], ['example.com']])('refuses %j (trusting every hop would let clients forge their address)', (raw) => {
    expect(() => loadConfig({ HTTPS: '0', TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
  });
});
