// Plan text → Catalogue, plus everything it could not read. Pure: the CLI (scripts/catalogue.ts)
// does the file I/O. Source of truth: the plan text itself and ../shared/DOMAIN.md §1–3.
import type { Catalogue, Unit, UnitClass } from '../catalogue-types';
import { fail, ok, type Issue, type Result } from '../result';
import { DEFAULT_SCHEME } from '../periods';
import { buildNameIndex } from './cells';
import { readIndicators } from './indicators';
import { derivePlanId, readDocument } from './metadata';
import type { Review } from './review';
import { findHeading, planLines, readTable } from './table';
import { readTasks } from './tasks';

/** Bumped when the catalogue's format changes; templates record it. */
export const CATALOGUE_VERSION = 2;

export interface ImportOptions {
  /** Defaults to one derived from the text (province, number, year): "nghe-an-1174-2026". */
  readonly planId?: string;
  readonly review: Review;
}

export interface ImportReport {
  readonly catalogue: Catalogue;
  /** Warnings: rows, cells and units that could not be read, review entries that do not fit. */
  readonly issues: readonly Issue[];
}

const APPENDIX_01 = /^PHỤ LỤC (?:SỐ )?0?1$/iu;
const APPENDIX_02 = /^PHỤ LỤC (?:SỐ )?0?2$/iu;

/**
 * Reads a plan. Refuses a text without a Phụ lục 01 heading (issue 'import.noAppendix01');
 * a missing Phụ lục 02 is a warning and gives no tasks.
 * @example const r = importPlan(text, { review }); if (r.ok) r.value.catalogue.indicators.length // 51
 */
export function importPlan(text: string, options: ImportOptions): Result<ImportReport> {
  const lines = planLines(text);
  const start01 = findHeading(lines, APPENDIX_01);
  if (start01 < 0) {
    return fail({
      code: 'import.noAppendix01',
      severity: 'error',
      message: 'Không tìm thấy "PHỤ LỤC 01" (danh mục chỉ tiêu) trong văn bản: đây không phải văn bản kế hoạch có thể nhập.',
    });
  }
  const start02 = findHeading(lines, APPENDIX_02, start01 + 1);
  const issues: Issue[] = [];
  const unread: string[] = [];

  const table01 = readTable(lines, start01, start02 < 0 ? lines.length : start02);
  const names = buildNameIndex(options.review);
  const doc = readDocument(lines.slice(0, start01), table01.preamble);
  issues.push(...doc.issues);
  const classIds = new Set(options.review.unitClasses.map((c) => c.id));
  const ind = readIndicators(table01, names, options.review.indicators, (id) =>
    classIds.has(id) ? { kind: 'class', classId: id } : { kind: 'unit', unitId: id });
  unread.push(...ind.unread, ...table01.unread.map((u) => `Phụ lục 01: ${u}`));
  issues.push(...ind.issues);

  let taskGroups: Catalogue['taskGroups'] = [];
  let tasks: Catalogue['tasks'] = [];
  if (start02 < 0) {
    issues.push({ code: 'import.noAppendix02', severity: 'warning', message: 'Không tìm thấy "PHỤ LỤC 02" (danh mục nhiệm vụ): danh mục không có nhiệm vụ.' });
  } else {
    const table02 = readTable(lines, start02, lines.length);
    const t = readTasks(table02, names);
    taskGroups = t.groups;
    tasks = t.tasks;
    unread.push(...t.unread, ...table02.unread.map((u) => `Sau Phụ lục 02: ${u}`));
    issues.push(...t.issues);
    for (const u of table02.unread) {
      issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 02: không đọc được "${u}" (nằm ngoài mọi dòng của bảng).` });
    }
  }
  for (const u of table01.unread) {
    issues.push({ code: 'import.unreadableRow', severity: 'warning', message: `Phụ lục 01: không đọc được "${u}" (nằm ngoài mọi dòng của bảng).` });
  }

  const catalogue: Catalogue = {
    planId: options.planId ?? derivePlanId(doc.document),
    catalogueVersion: CATALOGUE_VERSION,
    document: doc.document,
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
    reportingScheme: options.review.reportingScheme ?? DEFAULT_SCHEME,
    unread,
  };
  return ok({ catalogue, issues });
}
