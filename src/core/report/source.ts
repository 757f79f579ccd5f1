// What a report is made from: one revision of a submission as the API stores it (the canonical
// rows that were hashed, see validate-submission.ts canonicalRows). Both the server's .docx route
// and the taskpane read GET /api/submissions/:id, so both build the report from the same rows.
import type { ParsedValue, TaskStatus } from '../values';

export interface IndicatorContentRow {
  readonly id: string;
  readonly value: ParsedValue | null;
  readonly note: string | null;
}

export interface TaskContentRow {
  readonly id: string;
  readonly status: TaskStatus | null;
  readonly progress: number | null;
  readonly result: string | null;
  readonly obstacles: string | null;
  readonly proposal: string | null;
  readonly completedOn: string | null;
}

/**
 * What a monitoring agency reads of a unit's task report: only the tasks it monitors
 * (docs/security.md, "Monitoring agencies read their tasks only"). The server filters the rows;
 * this says so, so the report made from them is worded as an extract, never as the approved report.
 */
export interface ReportExtract {
  /** The monitoring agencies (unit ids) whose tasks the extract holds. */
  readonly monitorUnitIds: readonly string[];
  /** The task ids the extract holds (whatever rows each revision has of them). */
  readonly taskIds: readonly string[];
}

interface SourceHeader {
  readonly submissionId: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  /** Present when the rows are a monitoring agency's extract of the report. */
  readonly extract?: ReportExtract;
}

export type ReportSubmission =
  | (SourceHeader & { readonly kind: 'indicators'; readonly rows: readonly IndicatorContentRow[] })
  | (SourceHeader & { readonly kind: 'tasks'; readonly rows: readonly TaskContentRow[] });

/** The part of GET /api/submissions/:id a report needs. */
export interface SubmissionDetail {
  readonly id: string;
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: 'indicators' | 'tasks';
  /** The latest revision. */
  readonly revision: number;
  readonly revisions: readonly { readonly revision: number; readonly contentHash: string; readonly content: unknown }[];
  /** Set by the server when the caller reads only the tasks it monitors. */
  readonly extract?: ReportExtract;
}

/** The canonical form stores absent evidence / description as null; ParsedValue leaves them out. */
function parsedValue(v: unknown): ParsedValue | null {
  if (v === null || typeof v !== 'object') return null;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = x;
  return out as unknown as ParsedValue;
}

/**
 * One revision of a submission (the latest when `revision` is omitted), or null when it does not exist.
 * @example reportSubmissionFrom(await api.get(`/submissions/${id}`)) // latest revision's rows
 */
export function reportSubmissionFrom(detail: SubmissionDetail, revision?: number): ReportSubmission | null {
  const wanted = revision ?? detail.revision;
  const r = detail.revisions.find((x) => x.revision === wanted);
  if (!r) return null;
  const rows = ((r.content as { rows?: unknown[] } | null)?.rows ?? []) as Record<string, unknown>[];
  const header = {
    submissionId: detail.id, revision: r.revision, contentHash: r.contentHash,
    planId: detail.planId, unitId: detail.unitId, period: detail.period,
    ...(detail.extract ? { extract: detail.extract } : {}),
  };
  if (detail.kind === 'indicators') {
    return {
      ...header, kind: 'indicators',
      rows: rows.map((x) => ({ id: String(x.id), value: parsedValue(x.value), note: (x.note as string | null) ?? null })),
    };
  }
  return { ...header, kind: 'tasks', rows: rows as unknown as TaskContentRow[] };
}
