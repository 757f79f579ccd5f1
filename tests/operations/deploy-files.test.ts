// The deployment files say what the server does: every setting the server reads is documented in
// deploy/.env.example, and the Docker image's runtime stage is what check-production starts.
import fs from 'node:fs';
import path from 'node:path';
import { NODE_FLAGS } from '../../scripts/node-flags';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Every environment variable the server's code reads (env.X, env['X'], integer(env, 'X', …), lists of names). */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const file of filesUnder('src/server')) {
    const text = read(file);
    for (const m of text.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
    for (const m of text.matchAll(/integer\(env, '([A-Z][A-Z0-9_]+)'/g)) names.add(m[1]);
    for (const m of text.matchAll(/for \(const name of \[([^\]]+)\]\)/g)) for (const n of m[1].matchAll(/'([A-Z][A-Z0-9_]+)'/g)) names.add(n[1]);
  }
  // Not settings: the demo's own directory, and the process's PATH/HOME.
  for (const n of ['DEMO_DATA_DIR', 'HOME', 'PATH']) names.delete(n);
  return names;
}

describe('deploy/.env.example', () => {
  const example = read('deploy/.env.example');
  const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

  it('documents every variable the server reads', () => {
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((n) => !documented.has(n)).sort()).toEqual([]);
  });

  it('holds no secret value', () => {
    expect(example).toMatch(/^AUTH_SECRET=$/m);
    expect(example).toMatch(/^TEMPLATE_SECRET=$/m);
    expect(example).toMatch(/^POSTGRES_PASSWORD=$/m);
  });
});

describe('the flags node runs the server with (scripts/node-flags.js)', () => {
  it('are the same in every production entry point: npm run start:production, the Dockerfile, the systemd unit', () => {
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    for (const command of pkg.scripts['start:production'].split('||')) expect(command.trim()).toMatch(new RegExp(`node ${NODE_FLAGS.join(' ')} dist/server/server\\.js$`));
    for (const file of ['scripts/start.mjs', 'scripts/check-production.mjs', 'bench/child-server.ts', 'bench/limit-server.ts']) expect(read(file)).toMatch(/\.\.\.NODE_FLAGS/);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('deploy/Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('is multi-stage, and the runtime stage runs the compiled server as a non-root user with a health check', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(runtime).toMatch(/^USER (?!root\b)\w+/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health\/ready/m);
    expect(runtime).toMatch(new RegExp(`^CMD \\["node", ${NODE_FLAGS.map((f) => `"${f}", `).join('')}"dist/server/server\\.js"\\]`, 'm'));
    expect(runtime).toMatch(/npm ci --omit=dev|--from=deps \/app\/node_modules/);
    expect(stages.find((s) => s.startsWith('${NODE_IMAGE} AS deps'))).toMatch(/npm ci --omit=dev/);
  });

  it('copies into the runtime image what check-production installs and starts', () => {
    const copied = [...runtime.matchAll(/^COPY (?:--from=\w+ )?(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/)).map((p) => p.replace(/^\/app\//, '').replace(/\/$/, ''));
    const check = read('scripts/check-production.mjs');
    for (const item of ['package.json', 'package-lock.json', 'seeds']) {
      expect(copied).toContain(item);
      expect(check).toContain(`'${item}'`);
    }
    expect(copied).toEqual(expect.arrayContaining(['node_modules', 'dist']));
  });
});

describe('deploy/compose.yaml, the systemd unit and nginx', () => {
  it('runs PostgreSQL with the secrets from the environment file', () => {
    const compose = read('deploy/compose.yaml');
    expect(compose).toMatch(/image: postgres:/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\//);
    expect(compose).toMatch(/env_file: \.env/);
    expect(compose).toMatch(/condition: service_healthy/);
  });

  it('the unit runs node on the compiled server as its own user and stops with SIGTERM', () => {
    const unit = read('deploy/cds-reporting.service');
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${NODE_FLAGS.join(' ')} dist/server/server\\.js$`, 'm'));
    expect(unit).toMatch(/^User=(?!root$)\S+$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^EnvironmentFile=/m);
  });

  it('nginx terminates TLS and SETS the forwarded headers (a client cannot choose its address)', () => {
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toMatch(/listen 443 ssl/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(nginx).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
  });

  it('nginx keeps /metrics in: each instance is scraped on its own address (docs/deploy.md#monitoring)', () => {
    expect(read('deploy/nginx.conf')).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
  });
});
