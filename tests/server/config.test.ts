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
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/bc', HTTPS: '0', DATABASE_URL: 'postgres://u@db/x' }, '/srv');
    expect(config).toMatchObject({ port: 8080, dataDir: '/var/lib/bc', https: false, databaseUrl: 'postgres://u@db/x', corsOrigin: 'http://localhost:8080' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80x', HTTPS: 'yes', DATABASE_URL: 'mysql://x', CORS_ORIGIN: 'https://a.vn/path' });
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
