// Phụ lục 02 as imported from the real plan, irregular rows kept as printed.
import { NOTES } from '../../src/core/import/tasks';
import { imported } from './plan';

const { catalogue } = imported();
const task = (id: string) => {
  const t = catalogue.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};

describe('Phụ lục 02 – tasks', () => {
  it('has 57 tasks in 9 groups I–IX', () => {
    expect(catalogue.tasks).toHaveLength(57);
    expect(catalogue.taskGroups.map((g) => g.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']);
  });

  it('splits group IV into its five sub-groups and no other group', () => {
    const iv = catalogue.taskGroups.find((g) => g.id === 'IV');
    expect(iv?.subgroups).toEqual([
      'Hạ tầng viễn thông và internet',
      'Hạ tầng số cơ quan nhà nước',
      'Hạ tầng dữ liệu',
      'Hạ tầng vật lý - số',
      'Hạ tầng tiện ích số và Công nghệ như dịch vụ',
    ]);
    expect(catalogue.taskGroups.filter((g) => g.id !== 'IV').every((g) => g.subgroups.length === 0)).toBe(true);
  });

  it.each([
    ['nv-17', 'Hạ tầng viễn thông và internet'],
    ['nv-20', 'Hạ tầng viễn thông và internet'],
    ['nv-21', 'Hạ tầng số cơ quan nhà nước'],
    ['nv-22', 'Hạ tầng số cơ quan nhà nước'],
    ['nv-23', 'Hạ tầng dữ liệu'],
    ['nv-26', 'Hạ tầng dữ liệu'],
    ['nv-27', 'Hạ tầng vật lý - số'],
    ['nv-28', 'Hạ tầng tiện ích số và Công nghệ như dịch vụ'],
    ['nv-29', null],
    ['nv-16', null],
  ])('%s is in sub-group %s', (id, subgroup) => {
    expect(task(id).subgroup).toBe(subgroup);
  });

  it('keeps the plan numbers with their gaps and does not renumber', () => {
    const present = new Set(catalogue.tasks.map((t) => t.no));
    const absent = [14, 39, 42, ...range(47, 52), ...range(64, 79), 81, 82, 83];
    for (const n of absent) expect(present.has(n)).toBe(false);
    const expected = [...range(1, 84)].filter((n) => !absent.includes(n));
    expect([...present].filter((n) => n !== null).sort((a, b) => (a as number) - (b as number))).toEqual(expected);
  });

  it('gives the unnumbered task of group VIII the id nv-VIII-a and no number', () => {
    const t = task('nv-VIII-a');
    expect(t.no).toBeNull();
    expect(t.group).toBe('VIII');
    expect(t.text).toMatch(/^Xây dựng và triển khai Kế hoạch phát triển kinh tế số - xã hội số/);
    expect(catalogue.tasks.filter((x) => x.no === null)).toHaveLength(1);
  });

  it.each([
    ['nv-10', 'Theo yêu cầu của Bộ KH&CN'],
    ['nv-12', 'Theo tiến độ Quy hoạch tỉnh'],
    ['nv-18', 'Theo đề nghị của Quỹ Viễn thông công ích'],
  ])('%s: lead SKHCN, empty monitor cell, deadline "%s" by reference, with a note', (id, deadline) => {
    const t = task(id);
    expect(t.leadText).toBe('Sở Khoa học và Công nghệ');
    expect(t.lead).toEqual([{ kind: 'unit', unitId: 'so-khcn' }]);
    expect(t.monitorText).toBeNull();
    expect(t.monitor).toEqual([]);
    expect(t.deadlineText).toBe(deadline);
    expect(t.deadline).toEqual({ kind: 'byReference', text: deadline });
    expect(t.notes).toEqual([NOTES.monitorEmpty]);
  });

  it.each([
    ['nv-80', 'Sở Công thương; Sở Nông nghiệp và Môi trường', ['so-cong-thuong', 'so-nnmt']],
    ['nv-84', 'Các sở, ban, ngành', []],
  ])('%s has a lead unit only: no monitor, no deadline', (id, lead, unitIds) => {
    const t = task(id);
    expect(t.leadText).toBe(lead);
    expect(t.monitorText).toBeNull();
    expect(t.monitor).toEqual([]);
    expect(t.deadlineText).toBeNull();
    expect(t.deadline).toEqual({ kind: 'none' });
    expect(t.notes).toEqual([NOTES.leadOnly]);
    if (unitIds.length > 0) expect(t.lead.map((r) => (r.kind === 'unit' ? r.unitId : r.classId))).toEqual(unitIds);
  });

  it('keeps the bullets of task 15 one per line', () => {
    const t = task('nv-15');
    expect(t.text.split('\n')).toEqual([
      '- Xây dựng Chuyên mục chuyên biệt về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên báo hình, báo nói, báo điện tử, nền tảng số của cơ quan, đơn vị',
      '- Xây dựng bản tin, chuyên san, đặc san theo kỳ phát hành của các cơ quan, đơn vị',
      '- Mở chuyên mục khoa học, công nghệ, chuyển đổi số để truyền thông trên hệ thống thông tin cơ sở',
    ]);
    expect(t.leadText.split('\n')).toEqual([
      '- Báo và PTTH tỉnh; Cổng Thông tin điện tử tỉnh;',
      '- Sở Khoa học và Công nghệ; Sở Nội vụ; Công an tỉnh',
      '- Các cơ quan báo chí, truyền thông;',
      '- UBND cấp xã',
    ]);
    expect(t.lead.map((r) => (r.kind === 'unit' ? r.unitId : r.classId))).toEqual([
      'bao-dai-ptth',
      'cong-ttdt-tinh',
      'so-khcn',
      'so-noi-vu',
      'cong-an-tinh',
      'co-quan-bao-chi',
      'cap-xa',
    ]);
  });

  it('keeps the bullets of task 44 one per line and records the roles', () => {
    const t = task('nv-44');
    expect(t.leadText.split('\n')).toEqual([
      '- Cơ quan đầu mối, phê duyệt kế hoạch: Sở Nội vụ',
      '- Cơ quan thực hiện: Sở Khoa học và Công nghệ',
    ]);
    expect(t.lead).toEqual([
      { kind: 'unit', unitId: 'so-noi-vu' },
      { kind: 'unit', unitId: 'so-khcn' },
    ]);
    expect(t.notes?.[0]).toMatch(/Sở Nội vụ \(cơ quan đầu mối, phê duyệt kế hoạch\)/);
  });

  it.each([
    ['nv-21', 'Sở Khoa học và Công nghệ, Công an tỉnh', ['unit:so-khcn', 'unit:cong-an-tinh']],
    ['nv-46', 'Công an tỉnh, Sở Khoa học và Công nghệ', ['unit:cong-an-tinh', 'unit:so-khcn']],
    // The merged-away department resolves to its successor (the task carries a note saying so).
    ['nv-22', 'Sở Khoa học và Công nghệ; Sở Tài nguyên và Môi trường', ['unit:so-khcn', 'unit:so-nnmt']],
    ['nv-13', 'Cơ quan theo ngành, lĩnh vực được phân công', ['class:co-quan-theo-nganh']],
  ])('%s monitor "%s" resolves to %j', (id, text, refs) => {
    const t = task(id);
    expect(t.monitorText).toBe(text);
    expect(t.monitor.map((r) => (r.kind === 'unit' ? `unit:${r.unitId}` : `class:${r.classId}`))).toEqual(refs);
  });

  it('notes that task 22 names a department that no longer exists, and keeps the plan’s text', () => {
    const t = task('nv-22');
    expect(t.monitorText).toContain('Sở Tài nguyên và Môi trường');
    expect(t.notes?.join(' ')).toMatch(/Sở Tài nguyên và Môi trường.*Sở Nông nghiệp và Môi trường/u);
  });

  it.each([
    ['nv-01', ['class:so-ban-nganh', 'class:cap-xa']],
    ['nv-09', ['class:so-ban-nganh', 'class:cap-xa']],
    ['nv-26', ['unit:so-khcn', 'class:dia-phuong-thi-diem']],
    ['nv-33', ['unit:vp-ubnd-tinh', 'class:so-ban-nganh', 'class:cap-xa']],
    ['nv-20', ['unit:so-khcn', 'unit:so-cong-thuong', 'unit:dien-luc-nghe-an', 'class:doanh-nghiep-vien-thong']],
    ['nv-11', ['unit:hdnd-tinh', 'unit:so-tu-phap']],
    ['nv-58', ['class:chu-quan-httt']],
  ])('%s lead resolves to %j', (id, refs) => {
    expect(task(id).lead.map((r) => (r.kind === 'unit' ? `unit:${r.unitId}` : `class:${r.classId}`))).toEqual(refs);
  });

  it.each(catalogue.tasks.map((t) => [t.id, t.leadText, t.monitorText]))('%s: every lead / monitor cell resolves', (id, _lead, monitor) => {
    const t = task(id as string);
    expect(t.lead.length).toBeGreaterThan(0);
    if (monitor !== null) expect(t.monitor.length).toBeGreaterThan(0);
  });

  it('reports the web-page junk after the table as unread, and nothing else', () => {
    expect(catalogue.unread).toEqual(['Sau Phụ lục 02: Đăng xuất', 'Sau Phụ lục 02: Việc làm Hồ Chí Minh']);
  });

  it('reads every deadline cell (no deadline issue)', () => {
    expect(imported().issues.filter((i) => i.code === 'deadline.unknown')).toEqual([]);
    expect(catalogue.tasks.filter((t) => t.deadlineText === null).map((t) => t.id)).toEqual(['nv-80', 'nv-84']);
  });
});

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}
