// `npm run catalogue` as CI and an operator meet it: the exit codes and messages of scripts/catalogue.ts
// (the comparison itself is tested in import-plan.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_PATH } from './plan';

const ROOT = join(__dirname, '../..');

function catalogue(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalogue.ts', '--quiet', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-cli-'));

  it('--check exits 0 on the checked-in catalogue and 1 on a changed copy, naming what differs', () => {
    expect(catalogue(['--check'])).toMatchObject({ code: 0, out: expect.stringContaining('is up to date (51 chỉ tiêu / 6 nhóm, 57 nhiệm vụ / 9 nhóm') });
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, readFileSync(CATALOGUE_PATH, 'utf8').replace('"1174/KH-UBND"', '"1175/KH-UBND"'));
    const r = catalogue(['--check', '--out', changed]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is out of date');
    expect(r.err).toContain('document:');
    expect(readFileSync(changed, 'utf8')).toContain('"1175/KH-UBND"'); // --check writes nothing
  });

  it('refuses a text without Phụ lục 01 with a clear message, a non-zero exit and no file', () => {
    const input = join(dir, 'not-a-plan.txt');
    const out = join(dir, 'out.json');
    writeFileSync(input, 'Kế hoạch gì đó\n(Phụ lục 01 gửi kèm theo)\nkhông có phụ lục\n');
    const r = catalogue(['--in', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không tìm thấy "PHỤ LỤC 01"');
    expect(existsSync(out)).toBe(false);
  });

  it('--review prints every row beside its source line and writes nothing', () => {
    const out = join(dir, 'review-out.json');
    const r = catalogue(['--review', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('== Phụ lục 01 (tiêu đề bảng ở dòng 207; cách trình bày: mỗi ô một dòng) ==');
    expect(r.out).toMatch(/^dòng 217: 1 \| Tỷ lệ phủ sóng 5G trên địa bàn tỉnh \| ≥ 70% \| Sở Khoa học và Công nghệ\n {3}⇒ ct-01 nhóm I; mục tiêu: ≥ 70%; chủ trì: so-khcn/mu);
    expect(r.out.match(/^ {3}⇒ (ct|nv)-/gmu)).toHaveLength(51 + 57);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--year', 'hai nghìn'], 2, '--year phải là một năm'],
    [['--bogus'], 2, 'tham số không hợp lệ'],
  ])('refuses %j with exit %d', (args, code, message) => {
    const r = catalogue(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('refuses a .docx that is not a Word document, naming the file', () => {
    const input = join(dir, 'plan.docx');
    writeFileSync(input, 'PHỤ LỤC 01\n');
    const r = catalogue(['--in', input, '--out', join(dir, 'docx.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${input}: Tệp không phải văn bản Word (.docx) đọc được`);
  });
});
