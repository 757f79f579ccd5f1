// Plan text → Catalogue, plus everything it could not read. Pure: the CLI (scripts/catalogue.ts)
// does the file I/O. Source of truth: the plan text itself and docs/domain.md §1–3.
import type { Catalogue, Unit, UnitClass, UnitRef } from '../catalogue-types';
import { fail, ok, type Issue, type Result } from '../result';
import { DEFAULT_SCHEME } from '../periods';
import { findAppendixHeadings, indicatorColumns, isIndicatorHeader, isTaskHeader, taskColumns } from './appendix';
import { buildNameIndex } from './cells';
import { readIndicators, type IndicatorsReading, type RowReading } from './indicators';
import { readRegion, type HeaderTest, type LayoutName, type RegionReading } from './layouts';
import { derivePlanId, readDocument } from './metadata';
import type { Review } from './review';
import { readCoordinator } from './coordinator';
import { lineLabel, planLines } from './table';
import { readTasks } from './tasks';

/** Bumped when the catalogue's format changes; templates record it. */
export const CATALOGUE_VERSION = 2;

export interface ImportOptions {
  /** Defaults to one derived from the document (province, number, year): "nghe-an-1174-2026". */
  readonly planId?: string;
  /** The plan year, for a document whose title does not name it (`--year`). */
  readonly year?: number;
  readonly review: Review;
}

/** A plan as lines: a text as it is, or a .docx rendered by docx.ts (tables one row per line). */
export interface PlanSource {
  readonly lines: readonly string[];
  /** Where a 1-based line is, for messages ("bảng 2, hàng 5"); "dòng N" when absent. */
  readonly where?: (line: number) => string;
}

export interface AppendixReading {
  readonly appendix: '01' | '02';
  readonly layout: LayoutName;
  /** Where the header row is. */
  readonly where: string;
  readonly header: readonly string[];
  readonly rows: readonly RowReading[];
}

export interface ImportReport {
  readonly catalogue: Catalogue;
  /** Warnings: rows, cells and units that could not be read, review entries that do not fit. */
  readonly issues: readonly Issue[];
  /** Every row read, beside its source, for a person to check (`npm run catalogue -- --review`). */
  readonly appendices: readonly AppendixReading[];
}

const error = (code: Issue['code'], message: string): Issue => ({ code, severity: 'error', message });

interface Located {
  readonly region: RegionReading;
  readonly headingIndex: number;
}

/**
 * The appendix numbered `no` whose table has a recognised header; null with the reason otherwise.
 */
function locate(lines: readonly string[], no: number, isHeader: HeaderTest, where: (line: number) => string): Located | Issue {
  const headings = findAppendixHeadings(lines);
  const mine = headings.filter((h) => h.no === no);
  const name = `Phụ lục ${String(no).padStart(2, '0')}`;
  for (const h of mine) {
    const end = headings.find((x) => x.index > h.index)?.index ?? lines.length;
    const region = readRegion(lines, h.index + 1, end, isHeader, where);
    if (region.headerFound) return { region, headingIndex: h.index };
  }
  const what = no === 1 ? 'TT, Chỉ tiêu, Mục tiêu, Đơn vị chủ trì' : 'TT, Nhiệm vụ, Đơn vị chủ trì';
  const list = no === 1 ? 'danh mục chỉ tiêu' : 'danh mục nhiệm vụ';
  if (mine.length === 0) {
    return error(
      no === 1 ? 'import.noAppendix01' : 'import.noAppendix02',
      `Không tìm thấy "PHỤ LỤC ${String(no).padStart(2, '0')}" (${list}) trong văn bản: cần một dòng tiêu đề "Phụ lục ${String(no).padStart(2, '0')}", "Phụ lục ${no}", "Phụ lục số ${no}" hoặc "Phụ lục ${no === 1 ? 'I' : 'II'}" đứng riêng, phía trên bảng.`,
    );
  }
  return error(
    'import.noHeader',
    `${name} (${where(mine[0].index + 1)}): không nhận ra dòng tiêu đề của bảng dưới tiêu đề phụ lục – cần các cột ${what}.`,
  );
}

/** Numbers that should be there between the first and the last, and numbers read twice. */
function numbering(nos: readonly number[]): { missing: number[]; doubled: number[] } {
  const seen = new Set<number>();
  const doubled: number[] = [];
  for (const n of nos) {
    if (seen.has(n)) doubled.push(n);
    seen.add(n);
  }
  const missing: number[] = [];
  const max = Math.max(0, ...nos);
  for (let n = 1; n <= max; n++) if (!seen.has(n)) missing.push(n);
  return { missing, doubled };
}

/**
 * Reads a plan. Refuses (every reason at once, in Vietnamese, naming what and where) a source
 * without a recognisable Phụ lục 01 or 02, a table without the columns it needs, a table that
 * yields no indicator or task, indicator numbers with gaps or repeats, repeated task numbers, and
 * an identity that cannot give a plan id or year without `planId` / `year`.
 * Task-number gaps are warnings: the 2026 plan has them (its own numbering).
 * @example const r = importPlan(text, { review }); if (r.ok) r.value.catalogue.indicators.length // 51
 */
export function importPlan(input: string | PlanSource, options: ImportOptions): Result<ImportReport> {
  const source: PlanSource = typeof input === 'string' ? { lines: planLines(input) } : input;
  const lines = source.lines;
  const where = source.where ?? lineLabel;
  const errors: Issue[] = [];
  const issues: Issue[] = [];
  const unread: string[] = [];
  const appendices: AppendixReading[] = [];

  const at01 = locate(lines, 1, isIndicatorHeader, where);
  if ('code' in at01) return fail(at01);
  const table01 = at01.region.table;
  const header01 = where(at01.region.headerLine);
  const names = buildNameIndex(options.review);
  const doc = readDocument(lines.slice(0, at01.headingIndex), table01.preamble, { year: options.year });
  issues.push(...doc.issues);
  const classIds = new Set(options.review.unitClasses.map((c) => c.id));
  const refOf = (id: string): UnitRef => (classIds.has(id) ? { kind: 'class', classId: id } : { kind: 'unit', unitId: id });

  const cols01 = indicatorColumns(table01.header);
  let ind: IndicatorsReading = { groups: [], indicators: [], unread: [], issues: [], readings: [] };
  if (!cols01.ok) errors.push(error('import.noHeader', missingColumns('Phụ lục 01', header01, cols01.missing, table01.header)));
  else {
    ind = readIndicators(table01, cols01.columns, names, options.review.indicators, refOf);
    if (ind.indicators.length === 0) {
      errors.push(error('import.noRows', `Phụ lục 01 (bảng từ ${header01}): không đọc được chỉ tiêu nào – cần các dòng có số thứ tự (1, 2, …) dưới các dòng nhóm (I, II, …).`));
    }
    const n = numbering(ind.indicators.filter((i) => i.parent === undefined).map((i) => i.no));
    if (n.missing.length > 0) {
      errors.push(error('import.numbering', `Phụ lục 01 (bảng từ ${header01}): thiếu chỉ tiêu số ${n.missing.join(', ')} – số thứ tự nhảy quãng, bảng có thể đã bị đọc thiếu dòng. Kiểm tra bản gốc hoặc xem --review.`));
    }
    if (n.doubled.length > 0) errors.push(error('import.numbering', `Phụ lục 01 (bảng từ ${header01}): số thứ tự ${n.doubled.join(', ')} xuất hiện hai lần.`));
  }
  unread.push(...ind.unread, ...table01.unread.map((u) => `Phụ lục 01: ${u}`));
  issues.push(...ind.issues);
  appendices.push({ appendix: '01', layout: at01.region.layout, where: header01, header: table01.header, rows: ind.readings });

  let taskGroups: Catalogue['taskGroups'] = [];
  let tasks: Catalogue['tasks'] = [];
  const at02 = locate(lines, 2, isTaskHeader, where);
  if ('code' in at02) errors.push(at02);
  else {
    const table02 = at02.region.table;
    const header02 = where(at02.region.headerLine);
    const cols02 = taskColumns(table02.header);
    if (!cols02.ok) errors.push(error('import.noHeader', missingColumns('Phụ lục 02', header02, cols02.missing, table02.header)));
    else {
      const t = readTasks(table02, cols02.columns, names);
      taskGroups = t.groups;
      tasks = t.tasks;
      unread.push(...t.unread, ...table02.unread.map((u) => `Sau Phụ lục 02: ${u}`));
      issues.push(...t.issues);
      appendices.push({ appendix: '02', layout: at02.region.layout, where: header02, header: table02.header, rows: t.readings });
      if (tasks.length === 0) {
        errors.push(error('import.noRows', `Phụ lục 02 (bảng từ ${header02}): không đọc được nhiệm vụ nào – cần các dòng có số thứ tự dưới các dòng nhóm (I, II, …).`));
      }
      const n = numbering(tasks.flatMap((x) => (x.no === null || x.parent !== undefined ? [] : [x.no])));
      if (n.doubled.length > 0) errors.push(error('import.numbering', `Phụ lục 02 (bảng từ ${header02}): số thứ tự nhiệm vụ ${n.doubled.join(', ')} xuất hiện hai lần.`));
      if (n.missing.length > 0) {
        issues.push({ code: 'import.numbering', severity: 'warning', message: `Phụ lục 02: không có nhiệm vụ số ${n.missing.join(', ')} (số thứ tự nhảy quãng) – đối chiếu với bản gốc.` });
      }
      for (const u of table02.unread) {
        issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 02: không đọc được "${u}" (nằm ngoài mọi dòng của bảng).` });
      }
    }
  }
  for (const u of table01.unread) {
    issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 01: không đọc được "${u}" (nằm ngoài mọi dòng của bảng).` });
  }

  const coordinator = readCoordinator(lines.slice(0, at01.headingIndex), names, options.review.coordinator);
  if ('issue' in coordinator) issues.push(coordinator.issue);

  const document = doc.document;
  if (document.planYear === 0) errors.push(error('import.missingMetadata', 'Không đọc được năm kế hoạch từ tên kế hoạch: chạy lại với --year (ví dụ --year 2027).'));
  if (options.planId === undefined) {
    const lacking = [document.province === '' ? 'tên tỉnh' : '', document.number === '' ? 'số hiệu' : ''].filter((x) => x !== '');
    if (lacking.length > 0) {
      errors.push(error('import.missingMetadata', `Không đọc được ${lacking.join(' và ')} của kế hoạch để đặt mã kế hoạch: chạy lại với --plan-id (ví dụ --plan-id ten-tinh-so-nam).`));
    }
  }
  if (errors.length > 0) return fail(...errors);

  const catalogue: Catalogue = {
    planId: options.planId ?? derivePlanId(document),
    catalogueVersion: CATALOGUE_VERSION,
    document,
    indicatorGroups: ind.groups,
    indicators: ind.indicators,
    taskGroups,
    tasks,
    unitClasses: options.review.unitClasses.map(
      (c): UnitClass => ({
        id: c.id,
        label: c.label,
        ...(c.aliases.length > 0 ? { aliases: c.aliases } : {}),
        ...(c.includes.length > 0 ? { includes: c.includes } : {}),
      }),
    ),
    units: options.review.units.filter((u) => !u.successor).map(
      (u): Unit => ({
        id: u.id,
        name: u.name,
        classes: u.classes,
        level: 'province',
        ...(u.aliases.length > 0 ? { aliases: u.aliases } : {}),
      }),
    ),
    ...('unitId' in coordinator ? { coordinator: coordinator.unitId } : {}),
    reportingScheme: options.review.reportingScheme ?? DEFAULT_SCHEME,
    unread,
  };
  return ok({ catalogue, issues, appendices });
}

function missingColumns(name: string, where: string, missing: readonly string[], header: readonly string[]): string {
  return `${name} (${where}): bảng thiếu cột ${missing.map((m) => `"${m}"`).join(', ')} – dòng tiêu đề đọc được: "${header.join(' | ')}".`;
}
