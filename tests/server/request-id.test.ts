// Request ids are UUIDs; a trusted proxy's X-Request-Id is kept (docs/deploy.md#logs), an
// untrusted client's never is, and the id is sent back and logged.
import { Writable } from 'node:stream';
import { requestIdFor } from '../../src/server/app';
import { testApp } from './support/app';
import { sqliteTestDatabase } from './support/databases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const req = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as never;

describe('requestIdFor', () => {
  const given = '0b6c7a52-1f0e-4c55-9d1e-2f1b3f9e8a10';
  it.each([
    [true, given, given],
    [true, given.toUpperCase(), given],
    [true, '0b6c7a521f0e4c559d1e2f1b3f9e8a10', given], // nginx $request_id
    [false, given, undefined],
    [true, 'not-an-id', undefined],
    [true, `${given}\r\nx-injected: 1`, undefined],
    [true, undefined, undefined],
  ])('trusted proxy %s, header %j → %j (else a fresh UUID)', (trusted, header, expected) => {
    const id = requestIdFor(trusted)(req(header));
    expect(id).toMatch(UUID);
    if (expected) expect(id).toBe(expected);
    else expect(id).not.toBe(given);
  });
});

describe('the request id on the wire and in the log', () => {
  it.each([['1', true], ['0', false]])('TRUST_PROXY=%s keeps the proxy id: %s', async (trust, kept) => {
    const lines: { reqId?: string }[] = [];
    const stream = new Writable({ write: (c, _e, done) => (String(c).split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l))), done()) });
    const t = await testApp(sqliteTestDatabase, { env: { TRUST_PROXY: trust }, logger: { level: 'info', stream } });
    try {
      const proxyId = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
      const res = await t.app.inject({ method: 'GET', url: '/api/plans', headers: { 'x-request-id': proxyId } });
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      expect(id === proxyId).toBe(kept);
      expect(lines.some((l) => l.reqId === id)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
