// The hand review that goes with a plan (seeds/<planId>.review.json): the unit directory the
// lead cells name (ids, names, aliases, class tags) and, per indicator, the reporting form and
// aggregation chosen by a person, with a one-line reason. Data, not code: a new plan gets a new file.
import { z } from 'zod';
import type { AggregationRule, ReportingForm } from '../catalogue-types';
import { fail, ok, type Result } from '../result';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'mã chỉ gồm chữ thường không dấu, số và dấu gạch nối');

const formSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNo') }).strict(),
  z.object({ kind: z.literal('countPair'), numeratorLabel: z.string().min(1), denominatorLabel: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('rate') }).strict(),
  z.object({ kind: z.literal('status') }).strict(),
  z.object({ kind: z.literal('applied') }).strict(),
]);

const aggregationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shareYes') }).strict(),
  z.object({ kind: z.literal('ratioOfSums') }).strict(),
  z.object({ kind: z.literal('singleSource'), unitId: id.optional() }).strict(),
  z
    .object({ kind: z.literal('perSector'), sectors: z.array(z.object({ label: z.string().min(1), unitId: id }).strict()).min(2) })
    .strict(),
  z.object({ kind: z.literal('allComplete') }).strict(),
]);

const indicatorReview = z
  .object({
    no: z.number().int().positive(),
    /** Guards against applying a review to another plan's indicator of the same number. */
    textStartsWith: z.string().min(1),
    /** What the reviewer concluded, one line (kept in the review file, not in the catalogue). */
    review: z.string().min(1),
    form: formSchema.optional(),
    formReason: z.string().min(1).optional(),
    aggregation: aggregationSchema.optional(),
    aggregationReason: z.string().min(1).optional(),
    /** Whose value the target judges (province figure / each unit's own value / the single source). */
    level: z.enum(['province', 'unit', 'single']).optional(),
    levelReason: z.string().min(1).optional(),
    measure: z.enum(['stock', 'flow']).optional(),
    yearlyOnly: z.boolean().optional(),
    /** Unit or class ids that report in place of the lead cell (the sectors the text names, the single source). */
    reporters: z.array(id).min(1).optional(),
    /** Unit or class ids that report while `reporters` (or the lead) resolve to nobody. */
    fallbackReporters: z.array(id).min(1).optional(),
    /** Plan anomalies worth carrying into the catalogue (shown to consolidators). */
    notes: z.array(z.string().min(1)).optional(),
    /** True when the choice is debatable and should be confirmed with SKHCN. */
    judgmentCall: z.boolean().optional(),
  })
  .strict()
  .refine((r) => (r.form === undefined) === (r.formReason === undefined), { message: 'form và formReason phải đi cùng nhau' })
  .refine((r) => (r.aggregation === undefined) === (r.aggregationReason === undefined), {
    message: 'aggregation và aggregationReason phải đi cùng nhau',
  })
  .refine((r) => (r.level === undefined) === (r.levelReason === undefined), { message: 'level và levelReason phải đi cùng nhau' });

const periodCode = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', '9M', 'Y']);

const reviewSchema = z
  .object({
    $comment: z.string().optional(),
    planId: z.string().min(1),
    unitClasses: z.array(
      z
        .object({
          id,
          label: z.string().min(1),
          aliases: z.array(z.string().min(1)).default([]),
          includes: z.array(id).default([]),
          note: z.string().optional(),
        })
        .strict(),
    ),
    units: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          aliases: z.array(z.string().min(1)).default([]),
          classes: z.array(id).default([]),
          /** A unit merged away: its names resolve to this unit (with a note), and it is not in the directory. */
          successor: id.optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    /** The consolidating body's unit id, when the plan's "Tổ chức thực hiện" does not say it plainly. */
    coordinator: id.optional(),
    /** The reports a year (default: Q1, H1, 9M, Y). */
    reportingScheme: z.object({ periods: z.array(periodCode).min(1), reason: z.string().min(1) }).strict().optional(),
    indicators: z.array(indicatorReview),
  })
  .strict();

export type Review = z.infer<typeof reviewSchema>;
export type IndicatorReview = z.infer<typeof indicatorReview>;

// The schema's output must fit the catalogue's unions (a compile-time check).
type Fits<A, B> = A extends B ? true : never;
export const formsFit: Fits<z.infer<typeof formSchema>, ReportingForm> = true;
export const aggregationsFit: Fits<z.infer<typeof aggregationSchema>, AggregationRule> = true;

/** A review with nothing in it: every indicator keeps its inferred form, every unit is unknown. */
export const emptyReview = (planId: string): Review => ({ planId, unitClasses: [], units: [], indicators: [] });

/**
 * Checks a parsed review file; ids must be unique and every class a unit or class names must exist.
 * @example parseReview(JSON.parse(fileText))
 */
export function parseReview(json: unknown): Result<Review> {
  const parsed = reviewSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      ...parsed.error.issues.map((i) => ({
        code: 'import.review' as const,
        severity: 'error' as const,
        field: i.path.join('.'),
        message: `Tệp rà soát không hợp lệ tại "${i.path.join('.')}": ${i.message}`,
      })),
    );
  }
  const review = parsed.data;
  const problems: string[] = [];
  const classIds = new Set(review.unitClasses.map((c) => c.id));
  const dup = (ids: string[]): string[] => ids.filter((x, i) => ids.indexOf(x) !== i);
  for (const d of dup(review.unitClasses.map((c) => c.id))) problems.push(`nhóm "${d}" khai báo hai lần`);
  for (const d of dup(review.units.map((u) => u.id))) problems.push(`đơn vị "${d}" khai báo hai lần`);
  for (const d of dup(review.indicators.map((r) => String(r.no)))) problems.push(`chỉ tiêu ${d} được rà soát hai lần`);
  for (const c of review.unitClasses)
    for (const inc of c.includes) if (!classIds.has(inc)) problems.push(`nhóm "${c.id}" gồm nhóm không có "${inc}"`);
  for (const u of review.units) for (const c of u.classes) if (!classIds.has(c)) problems.push(`đơn vị "${u.id}" thuộc nhóm không có "${c}"`);
  const unitIds = new Set(review.units.filter((u) => !u.successor).map((u) => u.id));
  for (const u of review.units)
    if (u.successor && !unitIds.has(u.successor)) problems.push(`đơn vị "${u.id}" có đơn vị kế nhiệm không có "${u.successor}"`);
  if (review.coordinator !== undefined && !unitIds.has(review.coordinator)) problems.push(`đơn vị tổng hợp "${review.coordinator}" không có trong danh sách đơn vị`);
  for (const r of review.indicators) {
    for (const ref of [...(r.reporters ?? []), ...(r.fallbackReporters ?? [])])
      if (!unitIds.has(ref) && !classIds.has(ref)) problems.push(`chỉ tiêu ${r.no} giao cho "${ref}", không phải đơn vị hay nhóm nào`);
    const agg = r.aggregation;
    const named = agg?.kind === 'singleSource' ? (agg.unitId ? [agg.unitId] : []) : agg?.kind === 'perSector' ? agg.sectors.map((x) => x.unitId) : [];
    for (const u of named) if (!unitIds.has(u)) problems.push(`chỉ tiêu ${r.no} lấy số liệu từ đơn vị không có "${u}"`);
  }
  if (problems.length > 0) {
    return fail(...problems.map((p) => ({ code: 'import.review' as const, severity: 'error' as const, message: `Tệp rà soát: ${p}.` })));
  }
  return ok(review);
}
