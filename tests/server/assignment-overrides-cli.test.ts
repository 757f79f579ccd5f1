// `npm run admin -- assign | unassign | assignment clear | assignments` against the real plan
// catalogue in seeds/ (as the operator runs it): indicator 10 restricted to the nine sectors it names,
// refusals with a Vietnamese message, a non-zero exit and no write, an audit row per change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalogue } from '../../src/core/catalogue-types';
import { connect } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { syncCatalogueUnits } from '../../src/server/repositories/units';
import { addUnits } from './auth/helpers';

const root = join(__dirname, '../..');
const plan = JSON.parse(readFileSync(join(root, 'seeds/nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const PLAN = plan.planId;
const NINE = ['bql-kkt-dong-nam', 'cong-an-tinh', 'so-cong-thuong', 'so-gddt', 'so-khcn', 'so-nnmt', 'so-vhttdl', 'so-xay-dung', 'so-y-te'];

function admin(dataDir: string, args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/server/admin-cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function open(dataDir: string) {
  const db = connect({ sqliteFile: join(dataDir, 'reporting.sqlite') });
  await migrateToLatest(db);
  return db;
}

/** A database as the server leaves it: the plan's agencies, plus two sectors the plan's directory lacks. */
async function prepare(dataDir: string) {
  const db = await open(dataDir);
  await syncCatalogueUnits(db.kysely, plan, new Date().toISOString());
  await addUnits(db, ['so-xay-dung', 'bql-kkt-dong-nam']);
  await db.close();
}

async function read(dataDir: string) {
  const db = await open(dataDir);
  try {
    return {
      overrides: await db.kysely.selectFrom('assignment_overrides').selectAll().orderBy('unit_id').execute(),
      audit: await db.kysely.selectFrom('audit').selectAll().where('entity', '=', 'assignment').orderBy('id').execute(),
    };
  } finally {
    await db.close();
  }
}

/** The units the listing shows as assigned (not excluded) for one item. */
const assigned = (out: string) => out.trim().split('\n').map((l) => l.split('\t')).filter((f) => !f[3].startsWith('loại trừ')).map((f) => f[1]).sort();

describe('npm run admin -- assign / unassign / assignments', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'admin-assign-'));
    await prepare(dir);
  });

  it('restricts indicator 10 to the nine sectors it names, lists the sources and audits each change', async () => {
    const reason = 'Chỉ tiêu 10 nêu 9 ngành';
    expect(assigned(admin(dir, ['assignments', PLAN, 'ct-10']).out)).toContain('so-noi-vu');
    expect(admin(dir, ['unassign', PLAN, 'ct-10', 'so-noi-vu', '--reason', reason, '--dry-run']).out).toMatch(/^\[chạy thử\] Đã thôi giao ct-10 cho so-noi-vu/);
    expect((await read(dir)).overrides).toEqual([]);

    for (const unit of ['so-noi-vu', 'so-tai-chinh', 'so-tu-phap', 'vp-ubnd-tinh', 'bo-chqs-tinh']) {
      expect(admin(dir, ['unassign', PLAN, 'ct-10', unit, '--reason', reason])).toMatchObject({ code: 0, out: `Đã thôi giao ct-10 cho ${unit}.\n` });
    }
    for (const unit of ['so-xay-dung', 'bql-kkt-dong-nam']) expect(admin(dir, ['assign', PLAN, 'ct-10', unit, '--reason', reason]).code).toBe(0);

    const listing = admin(dir, ['assignments', PLAN, 'ct-10']);
    expect(listing.code).toBe(0);
    expect(assigned(listing.out)).toEqual(NINE);
    expect(listing.out).toContain(`ct-10\tso-noi-vu\tSở Nội vụ\tloại trừ (điều chỉnh)\t${reason}\n`);
    expect(listing.out).toContain(`ct-10\tso-xay-dung\tĐơn vị so-xay-dung\tđiều chỉnh\t${reason}\n`);
    expect(listing.out).toContain('ct-10\tso-y-te\tSở Y tế\tkế hoạch\n');

    expect(admin(dir, ['assignment', 'clear', PLAN, 'ct-10', 'so-noi-vu'])).toMatchObject({ code: 0, out: expect.stringContaining('theo kế hoạch: được giao') });
    expect(admin(dir, ['assignments', PLAN, 'ct-10']).out).toContain('ct-10\tso-noi-vu\tSở Nội vụ\tkế hoạch\n');

    const { overrides, audit } = await read(dir);
    expect(overrides).toHaveLength(6);
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill('assignment.exclude'), 'assignment.include', 'assignment.include', 'assignment.clear']);
    expect(audit.every((a) => a.user_id?.startsWith('cli:') && a.at && a.entity_id?.startsWith(`${PLAN}/ct-10/`))).toBe(true);
    expect(JSON.parse(audit[0].before!)).toEqual({ override: null, plan: true, assigned: true });
    expect(JSON.parse(audit[0].after!)).toMatchObject({ override: { effect: 'exclude', reason }, plan: true, assigned: false });
  }, 120_000);

  it('gives a class with no members ("Chủ quản các nền tảng số") its reporter, listed with the whole plan', async () => {
    expect(admin(dir, ['assignments', PLAN]).out).toContain('ct-38\t-\t(chưa giao đơn vị nào)\t-\n');
    expect(admin(dir, ['assign', PLAN, 'ct-38', 'cong-ttdt-tinh', '--reason', 'Cổng TTĐT là nền tảng số của tỉnh']).code).toBe(0);
    const all = admin(dir, ['assignments', PLAN]).out;
    expect(all).toContain('ct-38\tcong-ttdt-tinh\t');
    expect(all).toMatch(/^ct-01\t/);
    expect(all).toContain('nv-01\t');
  }, 60_000);

  it.each([
    [['assign', 'khong-co', 'ct-10', 'so-khcn', '--reason', 'x'], /Lỗi \[plan\.notFound\]: Không tìm thấy kế hoạch "khong-co"/, 1],
    [['assign', PLAN, 'ct-99', 'so-khcn', '--reason', 'x'], /Lỗi \[item\.notFound\]: Kế hoạch nghe-an-1174-2026 không có chỉ tiêu \/ nhiệm vụ "ct-99"/, 1],
    [['unassign', PLAN, 'ct-10', 'so-khong-co', '--reason', 'x'], /Lỗi \[unit\.notFound\]: Không tìm thấy đơn vị "so-khong-co"/, 1],
    [['assign', PLAN, 'ct-10', 'so-xay-dung'], /Lỗi \[reason\.required\]: Cần ghi lý do/, 1],
    [['assign', PLAN, 'ct-10', 'so-xay-dung', '--reason', '  '], /Lỗi \[reason\.required\]/, 1],
    [['assign', PLAN, 'ct-10', 'so-xay-dung', '--reason'], /Lỗi \[cli\.usage\]: Thiếu giá trị sau --reason/, 2],
    [['unassign', PLAN, 'ct-10', '--reason', 'x'], /Lỗi \[cli\.usage\]: Sai số tham số cho "unassign"/, 2],
    [['assignment', 'clear', PLAN, 'ct-10', 'so-khcn'], /Lỗi \[override\.notFound\]/, 1],
    [['assignments', PLAN, 'ct-99'], /Lỗi \[item\.notFound\]/, 1],
  ])('refuses %j with a clear message, a non-zero exit and no write', async (args, message, code) => {
    const r = admin(dir, args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(await read(dir)).toEqual({ overrides: [], audit: [] });
  }, 60_000);
});
