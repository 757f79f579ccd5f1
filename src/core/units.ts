// The unit directory: provincial agencies named in the plan (from the catalogue) plus the communes
// and wards the administrator loads from CSV; a class in a lead cell resolves to its members.
// Source of truth: docs/domain.md §3.
import type { Catalogue, Indicator, Task, Unit, UnitClass, UnitRef } from './catalogue-types';
import { fail, ok, type Issue, type Result } from './result';

export interface UnitDirectory {
  readonly units: readonly Unit[];
  readonly classes: readonly UnitClass[];
}

/**
 * An ASCII id from a Vietnamese name.
 * @example slugify('Phường Vinh Hưng') === 'phuong-vinh-hung'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The plan's consolidating body as a unit of its directory (catalogue.coordinator, read from the plan's
 * "Tổ chức thực hiện" by the importer); null when the plan names none.
 * @example coordinatorOf(catalogue)?.name // 'Sở Khoa học và Công nghệ'
 */
export function coordinatorOf(catalogue: Pick<Catalogue, 'coordinator' | 'units'>): Unit | null {
  return catalogue.coordinator === undefined ? null : (catalogue.units.find((u) => u.id === catalogue.coordinator) ?? null);
}

/** Every class id that `classId` stands for: itself and, transitively, the classes it includes. */
export function expandClass(classId: string, classes: readonly UnitClass[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const stack = [classId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(classes.find((c) => c.id === id)?.includes ?? []));
  }
  return seen;
}

/**
 * The units a lead / monitor cell stands for, in directory order, without duplicates.
 * A unit ref resolves to that unit; a class ref to every unit tagged with it or with a class it
 * includes. Refs that name nothing in the directory resolve to nothing (see `unknownRefs`).
 * @example resolveUnits([{ kind: 'class', classId: 'cap-xa' }], dir) // every commune and ward
 */
export function resolveUnits(refs: readonly UnitRef[], directory: UnitDirectory): readonly Unit[] {
  const unitIds = new Set<string>();
  const classIds = new Set<string>();
  for (const ref of refs) {
    if (ref.kind === 'unit') unitIds.add(ref.unitId);
    else for (const id of expandClass(ref.classId, directory.classes)) classIds.add(id);
  }
  return directory.units.filter((u) => unitIds.has(u.id) || u.classes.some((c) => classIds.has(c)));
}

/**
 * Who reports an indicator or task: its reporters (an indicator's review may name others than the
 * lead cell: a single source, the sectors its text names), else its lead cell; while those resolve
 * to nobody (a class no unit is tagged with yet), its fallback – for a task the monitoring agency,
 * which follows the task and reports on behalf of bodies outside the system (telecom firms, schools).
 * @example reportersOf(task19, directory) // [Sở KH&CN] until a telecom firm is tagged doanh-nghiep-vien-thong
 */
export function reportersOf(
  item: Pick<Indicator, 'lead'> & Partial<Pick<Indicator, 'reporters' | 'fallbackReporters'>> & Partial<Pick<Task, 'monitor'>>,
  directory: UnitDirectory,
): readonly Unit[] {
  const planned = resolveUnits(item.reporters ?? item.lead, directory);
  return planned.length > 0 ? planned : fallbackReportersOf(item, directory);
}

/** Who reports an item while its reporters resolve to nobody: the review's fallback, or a task's monitoring agency. */
export function fallbackReportersOf(
  item: Partial<Pick<Indicator, 'fallbackReporters'>> & Partial<Pick<Task, 'monitor'>>,
  directory: UnitDirectory,
): readonly Unit[] {
  return resolveUnits(fallbackRefsOf(item), directory);
}

/** The refs of an item's fallback reporters: the review's fallback, or a task's monitoring agency. */
export const fallbackRefsOf = (item: Partial<Pick<Indicator, 'fallbackReporters'>> & Partial<Pick<Task, 'monitor'>>): readonly UnitRef[] =>
  item.fallbackReporters ?? item.monitor ?? [];

/** Refs naming a unit or class the directory does not hold. */
export function unknownRefs(refs: readonly UnitRef[], directory: UnitDirectory): readonly UnitRef[] {
  return refs.filter((ref) =>
    ref.kind === 'unit' ? !directory.units.some((u) => u.id === ref.unitId) : !directory.classes.some((c) => c.id === ref.classId),
  );
}

/** Merges the catalogue's agencies with units loaded from CSV; a later unit with the same id replaces the earlier. */
export function mergeUnits(...lists: readonly (readonly Unit[])[]): readonly Unit[] {
  const byId = new Map<string, Unit>();
  for (const list of lists) for (const u of list) byId.set(u.id, u);
  return [...byId.values()];
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. Returns [line, fields][]. */
export function parseCsvRecords(text: string): { readonly line: number; readonly fields: string[] }[] {
  const src = text.replace(/^\ufeff/, '');
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
  return records;
}

const LEVELS: Readonly<Record<string, 'province' | 'commune'>> = {
  commune: 'commune',
  'xã': 'commune',
  xa: 'commune',
  'phường': 'commune',
  phuong: 'commune',
  'đặc khu': 'commune',
  province: 'province',
  'tỉnh': 'province',
  tinh: 'province',
};
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads the administrator's unit CSV. Header required (columns in any order): `id`, `name`,
 * optional `level` (commune|province, or xã / phường / tỉnh) and `classes` (";"-separated class ids).
 * Lines starting with "#" and blank lines are skipped. Every bad line is reported, in Vietnamese.
 * @example parseUnitsCsv('id,name,level,classes\nphuong-vinh-hung,Phường Vinh Hưng,commune,cap-xa')
 */
export function parseUnitsCsv(text: string): Result<Unit[]> {
  const records = parseCsvRecords(text.normalize('NFC')).filter(
    (r) => !(r.fields.length === 1 && r.fields[0].trim() === '') && !r.fields[0].trimStart().startsWith('#'),
  );
  const header = records.shift();
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const col = (name: string): number => columns.indexOf(name);
  if (!header || col('id') < 0 || col('name') < 0) {
    return fail({
      code: 'units.csvHeader',
      severity: 'error',
      message: 'Tệp CSV thiếu dòng tiêu đề: cần ít nhất các cột "id" và "name" (có thể thêm "level", "classes").',
    });
  }
  const issues: Issue[] = [];
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  const rowIssue = (line: number, message: string, field?: string): void => {
    issues.push({ code: 'units.csvRow', severity: 'error', message: `Dòng ${line}: ${message}`, rowId: `line-${line}`, field });
  };
  for (const { line, fields } of records) {
    if (fields.length !== columns.length) {
      rowIssue(line, `có ${fields.length} cột, tiêu đề có ${columns.length} cột.`);
      continue;
    }
    const get = (name: string): string => (col(name) < 0 ? '' : fields[col(name)].replace(/\s+/gu, ' ').trim());
    const id = get('id');
    const name = get('name');
    const levelText = get('level').toLowerCase();
    const level = levelText === '' ? undefined : LEVELS[levelText];
    const classes = get('classes')
      .split(/[;|]/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    let good = true;
    if (!ID.test(id)) {
      rowIssue(line, id === '' ? 'thiếu mã đơn vị (id).' : `mã đơn vị "${id}" chỉ được gồm chữ thường không dấu, số và dấu gạch nối.`, 'id');
      good = false;
    }
    if (name === '') {
      rowIssue(line, 'thiếu tên đơn vị (name).', 'name');
      good = false;
    }
    if (levelText !== '' && level === undefined) {
      rowIssue(line, `cấp "${get('level')}" không hợp lệ: dùng commune (xã, phường) hoặc province (tỉnh).`, 'level');
      good = false;
    }
    const badClass = classes.find((c) => !ID.test(c));
    if (badClass !== undefined) {
      rowIssue(line, `mã nhóm "${badClass}" không hợp lệ.`, 'classes');
      good = false;
    }
    if (good && seen.has(id)) {
      issues.push({
        code: 'units.duplicateId',
        severity: 'error',
        field: 'id',
        rowId: `line-${line}`,
        message: `Dòng ${line}: mã đơn vị "${id}" đã có ở dòng ${seen.get(id)}.`,
      });
      good = false;
    }
    if (!good) continue;
    seen.set(id, line);
    units.push({ id, name, classes, ...(level ? { level } : {}) });
  }
  return issues.length > 0 ? fail(...issues) : ok(units);
}
