// The plans, their catalogue and unit directory with who reports what, and the report periods.
import { z } from 'zod';
import type { Catalogue } from '../catalogue-types';
import { endpoint } from './endpoint';
import { errors, PlanIdSchema, PlanParams } from './common';

export const PlanSummarySchema = z.strictObject({
  planId: z.string(),
  catalogueVersion: z.number().int(),
  number: z.string(),
  title: z.string(),
  planYear: z.number().int(),
  province: z.string(),
  indicators: z.number().int(),
  tasks: z.number().int(),
});

/**
 * The catalogue as imported from the plan text (catalogue-types.ts is its full type). The schema
 * names the parts every client reads and lets the rest through: the catalogue grows with the
 * importer, and a stricter copy here would be a second definition to keep in step.
 */
const item = z.looseObject({ id: z.string(), group: z.string(), text: z.string() });
export const CatalogueSchema = z.looseObject({
  planId: z.string(),
  catalogueVersion: z.number().int(),
  document: z.looseObject({ number: z.string(), title: z.string(), planYear: z.number().int(), province: z.string() }),
  indicatorGroups: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  indicators: z.array(item),
  taskGroups: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  tasks: z.array(item),
  units: z.array(z.looseObject({ id: z.string(), name: z.string() })),
}) as unknown as z.ZodType<Catalogue>;

/** A unit of the directory with the indicators and tasks it reports (after overrides). */
export const PlanUnitSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  classes: z.array(z.string()),
  level: z.enum(['province', 'commune']).optional(),
  aliases: z.array(z.string()).optional(),
  indicators: z.array(z.string()),
  tasks: z.array(z.string()),
});

export const PlanResponseSchema = z.strictObject({ catalogue: CatalogueSchema, units: z.array(PlanUnitSchema) });

export const PeriodInfoSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  start: z.iso.date(),
  end: z.iso.date(),
  deadline: z.iso.date(),
});

export const PeriodsResponseSchema = z.strictObject({
  planId: z.string(),
  year: z.number().int(),
  deadline: z.strictObject({ days: z.number().int(), workingDays: z.boolean() }),
  periods: z.array(PeriodInfoSchema),
});

export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type PlanUnit = z.infer<typeof PlanUnitSchema>;
export type PlanResponse = z.infer<typeof PlanResponseSchema>;
export type PeriodInfo = z.infer<typeof PeriodInfoSchema>;
export type PeriodsResponse = z.infer<typeof PeriodsResponseSchema>;

export const catalogueEndpoints = {
  plans: endpoint({
    method: 'GET', path: '/api/plans', tag: 'plans', access: 'signedIn',
    summary: 'The plans on this server',
    responses: { 200: z.strictObject({ plans: z.array(PlanSummarySchema) }), ...errors(401, 403) },
  }),
  plan: endpoint({
    method: 'GET', path: '/api/plans/:planId', tag: 'plans', access: 'signedIn',
    summary: 'Catalogue of a plan, and the unit directory with what each unit reports',
    params: PlanParams, responses: { 200: PlanResponseSchema, ...errors(400, 401, 403, 404) },
  }),
  periods: endpoint({
    method: 'GET', path: '/api/periods', tag: 'plans', access: 'signedIn',
    summary: 'Report periods of the plan year, with cut-off windows and deadlines',
    query: z.strictObject({ planId: PlanIdSchema }), responses: { 200: PeriodsResponseSchema, ...errors(400, 401, 403, 404) },
  }),
};
