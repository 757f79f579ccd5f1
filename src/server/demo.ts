// `npm run demo`: the same server on its own data directory (data-demo/, SQLite), filled on first
// start with the sample communes, one user per role and a few submissions in different states, so
// the add-in can be tried without touching real data. Never on by default.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue, ReportingForm } from '../core/catalogue-types';
import { formatIndicatorValue, type ParsedValue } from '../core/values';
import { assignedIds } from './assignments';
import { effectiveAssignments } from './effective-assignments';
import { hashPassword } from './auth/passwords';
import { defaultSeedsDir } from './catalogues';
import { createUser, findByUsername, grant } from './repositories/users';
import { importUnitsCsv, listUnits } from './repositories/units';
import { main } from './server';

const USERS: readonly { username: string; displayName: string; role: string; unit: string | null }[] = [
  { username: 'demo.quantri', displayName: 'Quản trị (demo)', role: 'admin', unit: null },
  { username: 'demo.tonghop', displayName: 'Tổng hợp – Sở KH&CN (demo)', role: 'consolidator', unit: null },
  { username: 'demo.theodoi', displayName: 'Theo dõi – Sở Nội vụ (demo)', role: 'consolidator', unit: 'so-noi-vu' },
  { username: 'demo.chuyenvien', displayName: 'Chuyên viên – Sở KH&CN (demo)', role: 'reporter', unit: 'so-khcn' },
  { username: 'demo.lanhdao', displayName: 'Lãnh đạo – Sở KH&CN (demo)', role: 'approver', unit: 'so-khcn' },
  { username: 'demo.xa', displayName: 'Chuyên viên – Phường Vinh Hưng (demo)', role: 'reporter', unit: 'phuong-vinh-hung' },
  { username: 'demo.xa.lanhdao', displayName: 'Lãnh đạo – Phường Vinh Hưng (demo)', role: 'approver', unit: 'phuong-vinh-hung' },
];

function sampleValue(form: ReportingForm, seed: number): ParsedValue {
  switch (form.kind) {
    case 'rate': return { kind: 'rate', percent: 55 + (seed % 40) };
    case 'yesNo': return { kind: 'yesNo', yes: seed % 3 !== 0 };
    case 'countPair': return { kind: 'countPair', numerator: 30 + (seed % 20), denominator: 60 };
    case 'status': return { kind: 'status', status: seed % 2 ? 'done' : 'inProgress', evidence: 'Văn bản số 12/BC-DEMO' };
    case 'applied': return { kind: 'applied', applied: true, description: 'Ứng dụng trợ lý ảo trong giải quyết thủ tục (demo)' };
  }
}

function indicatorRows(catalogue: Catalogue, ids: ReadonlySet<string>, seed: number) {
  return catalogue.indicators.filter((i) => ids.has(i.id)).map((i, n) => ({ id: i.id, ...formatIndicatorValue(sampleValue(i.form, seed + n)) }));
}

async function login(app: FastifyInstance, username: string, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`demo login ${username}: ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

/** Fills an empty demo database; returns the user names and passwords to print. */
async function fill(app: FastifyInstance, catalogue: Catalogue): Promise<string[]> {
  const db = app.db.kysely;
  const now = app.clock().toISOString();
  const csv = fs.readFileSync(path.join(defaultSeedsDir, 'sample-communes.csv'), 'utf8');
  const imported = await importUnitsCsv(db, csv, { userId: null, now });
  if (!imported.ok) throw new Error(`sample-communes.csv: ${imported.issues.map((i) => i.message).join('; ')}`);

  const passwords = new Map<string, string>();
  for (const u of USERS) {
    const password = `Demo-${randomBytes(6).toString('base64url')}`;
    const created = await createUser(db, { username: u.username, displayName: u.displayName, passwordHash: await hashPassword(password) }, 'demo');
    if (!created.ok) throw new Error(created.message);
    const granted = await grant(db, created.value.id, u.role, u.unit, 'demo');
    if (!granted.ok) throw new Error(granted.message);
    passwords.set(u.username, password);
  }

  const a = await effectiveAssignments(db, catalogue, await listUnits(db));
  const submit = async (username: string, body: object) => {
    const res = await app.inject({ method: 'POST', url: '/api/submissions', headers: await login(app, username, passwords.get(username)!), payload: body });
    if (res.statusCode !== 201) throw new Error(`demo submission: ${res.body}`);
    return res.json() as { id: string; contentHash: string };
  };
  const decide = async (username: string, id: string, action: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url: `/api/submissions/${id}/${action}`, headers: await login(app, username, passwords.get(username)!), payload });
    if (res.statusCode !== 200) throw new Error(`demo ${action}: ${res.body}`);
  };
  const base = (unitId: string, period: string, kind: 'indicators' | 'tasks') => ({ clientSubmissionId: randomUUID(), planId: catalogue.planId, unitId, period, kind });
  const year = catalogue.document.planYear;

  // Sở KH&CN: the year report submitted (awaiting sign-off), 9 months approved, the year task progress submitted.
  await submit('demo.chuyenvien', { ...base('so-khcn', `${year}-Y`, 'indicators'), rows: indicatorRows(catalogue, assignedIds(a, 'indicators', 'so-khcn'), 1) });
  const q3 = await submit('demo.chuyenvien', { ...base('so-khcn', `${year}-9M`, 'indicators'), rows: indicatorRows(catalogue, assignedIds(a, 'indicators', 'so-khcn'), 2) });
  await decide('demo.lanhdao', q3.id, 'approve', { contentHash: q3.contentHash, comment: 'Đồng ý (demo)' });
  // Some rows carry a difficulty and a proposal, so the province's report has them to compile.
  const tasks = [...assignedIds(a, 'tasks', 'so-khcn')].map((id, n) => ({
    // The year report: a task not done by then is behind schedule ('đúng tiến độ' after the deadline is refused).
    id, status: n % 3 === 0 ? 'Hoàn thành' : 'Chậm tiến độ', progress: n % 3 === 0 ? 100 : 50,
    ...(n % 4 === 1 ? { obstacles: 'Kinh phí bố trí chưa kịp thời (demo)', proposal: 'Đề nghị bổ sung kinh phí trong quý tới (demo)' } : {}),
  }));
  await submit('demo.chuyenvien', { ...base('so-khcn', `${year}-Y`, 'tasks'), rows: tasks });
  // Phường Vinh Hưng: the year report returned with a comment.
  const ward = await submit('demo.xa', { ...base('phuong-vinh-hung', `${year}-Y`, 'indicators'), rows: indicatorRows(catalogue, assignedIds(a, 'indicators', 'phuong-vinh-hung'), 3) });
  await decide('demo.xa.lanhdao', ward.id, 'return', { comment: 'Bổ sung minh chứng cho chỉ tiêu đài truyền thanh (demo)' });
  return USERS.map((u) => `  ${u.username.padEnd(18)} ${u.role.padEnd(13)} ${(u.unit ?? 'toàn tỉnh').padEnd(18)} ${passwords.get(u.username)}`);
}

/** Fills the demo database on its first start and prints the demo users. */
export async function prepare(app: FastifyInstance, print: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const file = path.join(app.config.dataDir, 'demo-users.txt');
  if (!(await findByUsername(app.db.kysely, USERS[0].username))) {
    const catalogue = [...app.catalogues.catalogues.values()][0];
    const lines = await fill(app, catalogue);
    fs.writeFileSync(file, `${['  user               role          unit               password', ...lines].join('\n')}\n`, { mode: 0o600 });
  }
  print(`\nDEMO data (${app.config.dataDir}) – users, one per role:\n${fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''}\n`);
}

if (require.main === module) {
  // Always its own SQLite file: the demo never writes to a production database.
  const env = { ...process.env, DATA_DIR: process.env.DEMO_DATA_DIR || 'data-demo', DATABASE_URL: '' };
  void main(env, { prepare: (app) => prepare(app), banner: 'DEMO reporting server' });
}
