import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      https: true,
      dataDir: path.resolve('/srv/app/data'),
      databaseUrl: undefined,
      corsOrigin: 'https://localhost:3000',
    });
  });

  it('reads PORT, DATA_DIR, HTTPS=0 and DATABASE_URL', () => {
    const secrets = { AUTH_SECRET: 'a'.repeat(32), TEMPLATE_SECRET: 'b'.repeat(32) };
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/bc', HTTPS: '0', DATABASE_URL: 'postgres://u@db/x', ...secrets }, '/srv');
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/bc', https: false, databaseUrl: 'postgres://u@db/x', corsOrigin: 'http://localhost:8080' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80x', HTTPS: 'yes', DATABASE_URL: 'mysql://x', CORS_ORIGIN: 'https://a.vn/path', AUTH_SECRET: 'a'.repeat(32), TEMPLATE_SECRET: 'b'.repeat(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*HTTPS.*DATABASE_URL.*CORS_ORIGIN/s);
  });

  it.each([['-1'], ['65536'], ['3.5'], ['']])('refuses PORT=%j unless empty', (port) => {
    if (port === '') expect(loadConfig({ PORT: port }).port).toBe(3000);
    else expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY=1, whatever HTTPS says', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HTTPS: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ HTTPS: '0', TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describe('several instances on one PostgreSQL', () => {
  const pgEnv = { DATABASE_URL: 'postgres://u@db/x' };
  const secret = 'a'.repeat(32);

  it.each([
    [{}, ['AUTH_SECRET', 'TEMPLATE_SECRET']],
    [{ AUTH_SECRET: secret }, ['TEMPLATE_SECRET']],
    [{ TEMPLATE_SECRET: secret }, ['AUTH_SECRET']],
    [{ AUTH_SECRET: 'short', TEMPLATE_SECRET: secret }, ['AUTH_SECRET']],
    [{ AUTH_SECRET: secret, TEMPLATE_SECRET: '   ' }, ['TEMPLATE_SECRET']],
  ])('with DATABASE_URL, %j is refused naming %j', (env, missing) => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ ...pgEnv, ...env });
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(' ')[0])).toEqual(missing);
  });

  it('starts with both secrets, and SQLite needs neither (they are made in DATA_DIR)', () => {
    expect(loadConfig({ ...pgEnv, AUTH_SECRET: secret, TEMPLATE_SECRET: secret }).databaseUrl).toBe(pgEnv.DATABASE_URL);
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('reads the PostgreSQL pool and session limits, with defaults', () => {
    expect(loadConfig({}).postgres).toEqual({ poolSize: 10, connectionTimeoutMs: 5000, statementTimeoutMs: 30000, lockTimeoutMs: 5000, applicationName: 'cds-reporting' });
    const env = { DATABASE_POOL_SIZE: '25', DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_LOCK_TIMEOUT_MS: '1500', DATABASE_APPLICATION_NAME: 'bc-node-2' };
    expect(loadConfig(env).postgres).toEqual({ poolSize: 25, connectionTimeoutMs: 2000, statementTimeoutMs: 0, lockTimeoutMs: 1500, applicationName: 'bc-node-2' });
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '1s' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
    expect(() => loadConfig({ DATABASE_APPLICATION_NAME: 'tên có dấu' })).toThrow(/DATABASE_APPLICATION_NAME/);
  });
});
