// server.ts as an operator meets it: a wrong setting stops the start with a readable message.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('server.ts', () => {
  it('refuses to start with a bad configuration and says why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/server.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc', HTTPS: 'maybe', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT="abc" must be a whole number');
    expect(result.stderr).toContain('HTTPS="maybe" must be 0');
  });
});
