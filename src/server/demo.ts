// `npm run demo`: the same server on its own data directory (data-demo/, SQLite), filled on first
// start with the sample communes, one user per role and a few submissions in different states, so
// the add-in can be tried without touching real data. Never on by default.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue, Indicator, ReportingForm } from '../core/catalogue-types';
import { taskStateInPeriod } from '../core/deadline';
import { closesYear, parsePeriod } from '../core/periods';
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

/**
 * A plausible value for one indicator of one unit (docs/figures.md): rates around the targets,
 * count pairs whose share varies by unit, statuses and answers that differ between units, so the
 * demo's consolidation shows met, not yet met and provisional figures side by side.
 */
function sampleValue(indicator: Indicator, seed: number): ParsedValue {
  const form: ReportingForm = indicator.form;
  const goal = indicator.target.kind === 'atLeast' || indicator.target.kind === 'greaterThan' ? indicator.target.value
    : indicator.target.kind === 'band' ? indicator.target.min : 100;
  switch (form.kind) {
    case 'rate': return { kind: 'rate', percent: Math.min(100, Math.round(goal * (0.6 + (seed % 5) * 0.12) * 10) / 10) };
    case 'yesNo': return { kind: 'yesNo', yes: seed % 3 !== 0 };
    case 'countPair': {
      const denominator = 40 + (seed % 7) * 10;
      return { kind: 'countPair', numerator: Math.round(denominator * (0.55 + (seed % 4) * 0.15)), denominator };
    }
    case 'status': return seed % 2
      ? { kind: 'status', status: 'done', evidence: 'Văn bản số 12/BC-DEMO' }
      : { kind: 'status', status: 'inProgress', evidence: 'Đang triển khai theo kế hoạch (demo)' };
    case 'applied': return { kind: 'applied', applied: true, description: 'Ứng dụng trợ lý ảo trong giải quyết thủ tục (demo)' };
  }
}

/** Every indicator assigned to the unit that its period asks for (yearly-only ones wait for the year). */
export function indicatorRows(catalogue: Catalogue, ids: ReadonlySet<string>, period: string, seed: number) {
  const p = parsePeriod(period);
  if (!p.ok) throw new Error(`demo: period ${period}`);
  return catalogue.indicators
    .filter((i) => ids.has(i.id) && (!i.yearlyOnly || closesYear(p.value)))
    .map((i, n) => ({ id: i.id, ...formatIndicatorValue(sampleValue(i, seed + n)) }));
}

/** Task rows whose status agrees with the deadline at the period's cut-off (no "đúng tiến độ" once it has passed). */
function taskRows(catalogue: Catalogue, ids: ReadonlySet<string>, period: string) {
  const p = parsePeriod(period);
  if (!p.ok) throw new Error(`demo: period ${period}`);
  return catalogue.tasks.filter((t) => ids.has(t.id)).map((t, n) => {
    if (n % 3 === 0) return { id: t.id, status: 'Hoàn thành', progress: 100, result: 'Đã hoàn thành (demo)' };
    const overdue = taskStateInPeriod(t.deadline, false, p.value) === 'overdue';
    return overdue
      ? { id: t.id, status: 'Chậm tiến độ', progress: 60, obstacles: 'Chờ bố trí kinh phí (demo)', proposal: 'Đề nghị bổ sung kinh phí (demo)' }
      : { id: t.id, status: 'Đang triển khai (đúng tiến độ)', progress: 50 };
  });
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

  // The plan's reporting scheme: Q1 is done and the 6-month report is under way.
  const [q1, h1] = [`${year}-Q1`, `${year}-H1`];
  const own = (unitId: string, kind: 'indicators' | 'tasks') => assignedIds(a, kind, unitId);
  // Sở KH&CN: Q1 indicators approved; 6-month indicators and tasks submitted, awaiting sign-off.
  const q1Report = await submit('demo.chuyenvien', { ...base('so-khcn', q1, 'indicators'), rows: indicatorRows(catalogue, own('so-khcn', 'indicators'), q1, 2) });
  await decide('demo.lanhdao', q1Report.id, 'approve', { contentHash: q1Report.contentHash, comment: 'Đồng ý (demo)' });
  await submit('demo.chuyenvien', { ...base('so-khcn', h1, 'indicators'), rows: indicatorRows(catalogue, own('so-khcn', 'indicators'), h1, 1) });
  await submit('demo.chuyenvien', { ...base('so-khcn', h1, 'tasks'), rows: taskRows(catalogue, own('so-khcn', 'tasks'), h1) });
  // Q1 from the other agencies and from all but two sample communes, so the Q1 consolidation has figures for every
  // indicator, provisional where a commune is missing – and the yearly-only ones wait for the year.
  const communes = (await listUnits(db)).filter((u) => u.level === 'commune').map((u) => u.id);
  const others = [...new Set([...a.indicatorUnits.values()].flat())].filter((id) => id !== 'so-khcn' && !communes.slice(-2).includes(id));
  // Administrators do not act as a unit (docs/domain.md): the backlog is entered by a data-entry
  // clerk holding the reporter role in each of these units (not printed: nobody signs in as it).
  const clerk = 'demo.nhaplieu';
  passwords.set(clerk, `Demo-${randomBytes(12).toString('base64url')}`);
  const entry = await createUser(db, { username: clerk, displayName: 'Nhập liệu hộ đơn vị (demo)', passwordHash: await hashPassword(passwords.get(clerk)!) }, 'demo');
  if (!entry.ok) throw new Error(entry.message);
  for (const [n, unitId] of others.entries()) {
    const rows = indicatorRows(catalogue, own(unitId, 'indicators'), q1, 5 + n);
    if (rows.length === 0) continue;
    const granted = await grant(db, entry.value.id, 'reporter', unitId, 'demo');
    if (!granted.ok) throw new Error(granted.message);
    await submit(clerk, { ...base(unitId, q1, 'indicators'), rows });
  }
  // Phường Vinh Hưng: the 6-month report returned with a comment.
  const ward = await submit('demo.xa', { ...base('phuong-vinh-hung', h1, 'indicators'), rows: indicatorRows(catalogue, own('phuong-vinh-hung', 'indicators'), h1, 3) });
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
