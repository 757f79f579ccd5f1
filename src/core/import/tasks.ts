// Phụ lục 02 rows → task groups (with sub-groups) and tasks, keeping the plan's irregularities:
// number gaps, an unnumbered task, empty monitor / deadline cells (DOMAIN.md §1).
import type { Deadline, Task, TaskGroup, UnitRef } from '../catalogue-types';
import { parseDeadline } from '../deadline';
import type { Issue } from '../result';
import { resolveCell, type NameIndexEntry } from './cells';
import { column } from './indicators';
import { bulletLines, type Table } from './table';

const ROMAN = /^[IVXLC]+$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface TasksReading {
  readonly groups: readonly TaskGroup[];
  readonly tasks: readonly Task[];
  readonly unread: readonly string[];
  readonly issues: readonly Issue[];
}

export const taskId = (no: number): string => `nv-${String(no).padStart(2, '0')}`;

/** Notes printed into the catalogue for the rows the plan leaves irregular. */
export const NOTES = {
  monitorEmpty:
    "Ô 'Cơ quan theo dõi, tổng hợp' trống trong bản gốc (chỉ có đơn vị chủ trì rồi thời hạn); ô chủ trì có thể đã được gộp sang cột theo dõi – không suy ra cơ quan theo dõi.",
  leadOnly: "Bản gốc chỉ có ô 'Đơn vị chủ trì tham mưu'; ô 'Cơ quan theo dõi, tổng hợp' và 'Thời gian hoàn thành' trống – không có thời hạn.",
  monitorAndDeadlineEmpty: "Ô 'Cơ quan theo dõi, tổng hợp' và 'Thời gian hoàn thành' trống trong bản gốc.",
  deadlineEmpty: "Ô 'Thời gian hoàn thành' trống trong bản gốc – không có thời hạn.",
  unnumbered: 'Nhiệm vụ không có số thứ tự trong bản gốc.',
} as const;

export function readTasks(table: Table, names: readonly NameIndexEntry[]): TasksReading {
  const h = table.header;
  const col = {
    tt: column(h, /^TT$/iu, 0),
    text: column(h, /nhiệm vụ/iu, 1),
    lead: column(h, /chủ trì/iu, 2),
    monitor: column(h, /theo dõi/iu, 3),
    deadline: column(h, /thời gian|thời hạn/iu, 4),
  };
  const groups: { id: string; title: string; subgroups: string[] }[] = [];
  const tasks: Task[] = [];
  const unread: string[] = [];
  const issues: Issue[] = [];
  let subgroup: string | null = null;
  let unnumbered = 0;
  const skip = (line: number, cells: readonly string[], why: string): void => {
    const verbatim = cells.filter((c) => c !== '').join(' | ');
    unread.push(`Phụ lục 02, dòng ${line}: ${verbatim}`);
    issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 02, dòng ${line}: ${why} – "${verbatim}"` });
  };
  const units = (id: string, field: 'lead' | 'monitor', cell: string, notes: string[]): UnitRef[] => {
    const r = resolveCell(cell, names);
    for (const part of r.unresolved) {
      unread.push(`${id} (${field === 'lead' ? 'đơn vị chủ trì' : 'cơ quan theo dõi'}): ${part}`);
      issues.push({ code: 'import.unknownUnit', severity: 'warning', rowId: id, field, message: `Nhiệm vụ ${id}: không nhận ra đơn vị "${part}".` });
    }
    notes.push(...r.notes);
    if (r.roles.length > 0) notes.push(`Ô chủ trì ghi vai trò: ${r.roles.map((x) => `${x.name} (${x.role.toLocaleLowerCase('vi')})`).join('; ')}.`);
    return r.refs as UnitRef[];
  };

  for (const row of table.rows) {
    const c = row.cells;
    const tt = c[col.tt];
    const rest = [c[col.lead], c[col.monitor], c[col.deadline]];
    if (ROMAN.test(tt)) {
      groups.push({ id: tt, title: c[col.text], subgroups: [] });
      subgroup = null;
      unnumbered = 0;
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) {
      skip(row.line, c, 'nhiệm vụ đứng trước mọi nhóm');
      continue;
    }
    if (tt === '' && c[col.text] !== '' && rest.every((x) => x === '')) {
      // A sub-group header: empty TT, a title, nothing else.
      group.subgroups.push(c[col.text]);
      subgroup = c[col.text];
      continue;
    }
    if (tt !== '' && !/^\d+$/.test(tt)) {
      skip(row.line, c, `số thứ tự "${tt}" không đọc được`);
      continue;
    }
    if (c[col.text] === '') {
      skip(row.line, c, 'dòng không có nội dung nhiệm vụ');
      continue;
    }
    const notes: string[] = [];
    const no = tt === '' ? null : Number(tt);
    const id = no === null ? `nv-${group.id}-${LETTERS[unnumbered++] ?? unnumbered}` : taskId(no);
    if (no === null) notes.push(NOTES.unnumbered);
    const leadText = bulletLines(c[col.lead]);
    const monitorText = c[col.monitor] === '' ? null : bulletLines(c[col.monitor]);
    const deadlineText = c[col.deadline] === '' ? null : c[col.deadline];
    if (monitorText === null && deadlineText !== null) notes.push(NOTES.monitorEmpty);
    else if (monitorText === null && deadlineText === null) notes.push(leadText !== '' ? NOTES.leadOnly : NOTES.monitorAndDeadlineEmpty);
    else if (deadlineText === null) notes.push(NOTES.deadlineEmpty);
    if (leadText === '') {
      notes.push("Ô 'Đơn vị chủ trì tham mưu' trống trong bản gốc.");
      unread.push(`${id} (đơn vị chủ trì): ô trống`);
    }
    const lead = leadText === '' ? [] : units(id, 'lead', leadText, notes);
    const monitor = monitorText === null ? [] : units(id, 'monitor', monitorText, notes);
    const parsed = parseDeadline(deadlineText);
    let deadline: Deadline = { kind: 'none' };
    if (parsed.ok) deadline = parsed.value;
    else {
      notes.push(`Không đọc được thời hạn "${deadlineText}": ghi nhận là không có thời hạn cố định, cần xem lại.`);
      unread.push(`${id} (thời gian hoàn thành): ${deadlineText}`);
      issues.push(...parsed.issues.map((i) => ({ ...i, severity: 'warning' as const, rowId: id })));
    }
    tasks.push({
      id,
      no,
      group: group.id,
      subgroup,
      text: bulletLines(c[col.text]),
      leadText,
      lead,
      monitorText,
      monitor,
      deadlineText,
      deadline,
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  return { groups, tasks, unread, issues };
}
