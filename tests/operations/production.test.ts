// The compiled server starts on `npm ci --omit=dev` plus dist/ alone (scripts/check-production.mjs):
// no tsx, TypeScript or webpack at run time (docs/deploy.md).
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

it('runs the compiled server without devDependencies and answers /api/health and /api/health/ready', async () => {
  const child = spawn(process.execPath, ['scripts/check-production.mjs', '41291'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('/api/health 200, /api/health/ready 200') });
}, 900_000);
