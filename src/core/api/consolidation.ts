// The province's consolidation of one plan, period and kind: the figure per indicator (or the
// progress per task), each unit's values, completeness and timeliness. Also as .csv and .xlsx.
import { z } from 'zod';
import type { ConsolidationWire } from '../consolidation-sheet/wire';
import { endpoint } from './endpoint';
import { errors, KindSchema, PeriodSchema, PlanIdSchema } from './common';
import { XLSX_TYPE } from './files';

export const ConsolidationQuerySchema = z.strictObject({
  planId: PlanIdSchema,
  period: PeriodSchema,
  kind: KindSchema,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const ReportStatusSchema = z.enum(['submitted', 'approved', 'returned', 'missing']);

export const CompletenessUnitSchema = z.strictObject({
  unitId: z.string(),
  name: z.string(),
  status: ReportStatusSchema,
  revision: z.number().int().nullable(),
  late: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  /** The province's word on an approved report: accepted, or sent back (reopened) with a reason. */
  provinceState: z.enum(['accepted', 'reopened']).nullable(),
});

const rate = z.number().nullable();
export const CompletenessSummarySchema = z.strictObject({
  expected: z.number().int(), submitted: z.number().int(), approved: z.number().int(), returned: z.number().int(),
  missing: z.number().int(), onTime: z.number().int(), late: z.number().int(), completenessRate: rate, onTimeRate: rate,
});

// Lines name what the dashboards read; the figure's inner shape follows aggregate.ts. Indicator
// lines are packed (src/core/consolidation-sheet/wire.ts): units as positions in the answer's
// `units`, each with the position of its value among the line's distinct `values`, each value with
// the position of what is said of it among the line's `judgements`.
const IndicatorLineSchema = z.looseObject({
  id: z.string(), no: z.number().int(), group: z.string(), text: z.string(), figureText: z.string(),
  evaluation: z.string(), evaluationLabel: z.string(), expected: z.number().int(), reported: z.number().int(), provisional: z.boolean(),
  unitIndexes: z.array(z.number().int().nonnegative()),
  valueIndexes: z.array(z.number().int().nonnegative().nullable()),
  values: z.array(z.unknown()),
  judged: z.array(z.number().int().nonnegative()),
  judgements: z.array(z.looseObject({ display: z.string(), evaluation: z.string(), assessment: z.string() })),
  notes: z.record(z.string(), z.string()),
});
const TaskLineSchema = z.looseObject({
  id: z.string(), no: z.number().int().nullable(), group: z.string(), text: z.string(),
  leads: z.number().int(), done: z.number().int(), notReported: z.number().int(), overdue: z.number().int(),
  units: z.array(z.looseObject({ unitId: z.string(), reportStatus: z.string(), status: z.string().nullable() })),
});

const header = {
  planId: z.string(), period: z.string(), generatedAt: z.string(),
  units: z.array(CompletenessUnitSchema), summary: CompletenessSummarySchema,
};

export const ConsolidationSchema = z.discriminatedUnion('kind', [
  z.looseObject({ ...header, kind: z.literal('indicators'), indicators: z.array(IndicatorLineSchema) }),
  z.looseObject({ ...header, kind: z.literal('tasks'), tasks: z.array(TaskLineSchema) }),
]) as unknown as z.ZodType<ConsolidationWire>;

export const consolidationEndpoints = {
  consolidation: endpoint({
    method: 'GET', path: '/api/consolidation', tag: 'consolidation', access: 'signedIn',
    summary: 'Province figures per indicator, or task progress, with completeness per unit (format=csv|xlsx for a file)',
    query: ConsolidationQuerySchema, file: ['text/csv', XLSX_TYPE],
    responses: { 200: ConsolidationSchema, ...errors(400, 401, 403, 404) },
  }),
};
