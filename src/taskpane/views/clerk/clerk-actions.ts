// The clerk's actions without React: Chèn Phụ lục, Kiểm tra, Gửi báo cáo, and the report's status
// on the server. Each returns an outcome value the view turns into what it shows (clerk-notices.ts);
// Excel is reached only through the seam (src/office/excel) and every Excel call waits out cell-edit
// mode with a message (withCellEditRetry), so nothing the clerk typed is lost.
import { buildTemplateSpec, submissionOf, type ReportKind } from '../../../core/template';
import type { SubmissionResponse } from '../../../core/schemas';
import type { ApiClient } from '../../../client/api';
import { getSubmission, listSubmissions } from '../../../client/endpoints';
import type { Outbox, Sender } from '../../../client/outbox';
import type { CheckResult, ExcelOutcome, ExcelReports, Inserted, WaitingState } from '../../../office/excel';
import type { PlanContext, PlanUnit } from './clerk-setup';

/** The part of the Excel seam the clerk uses (tests pass the real adapters over the fake host). */
export type ClerkExcel = Pick<ExcelReports, 'insertTemplate' | 'findReportSheets' | 'checkSheet' | 'checkForSubmit' | 'setClientSubmissionId' | 'selectCell' | 'withCellEditRetry'>;

export interface ClerkDeps {
  readonly excel: ClerkExcel;
  readonly plan: PlanContext;
  /** Told when Excel is in cell-edit mode (a message to show) and when the wait is over (null). */
  readonly onWaiting?: (state: WaitingState | null) => void;
  readonly retryDelaysMs?: readonly number[];
}

function retry<T>(deps: ClerkDeps, action: () => Promise<ExcelOutcome<T>>): Promise<ExcelOutcome<T>> {
  return deps.excel.withCellEditRetry(action, { onWaiting: deps.onWaiting, delaysMs: deps.retryDelaysMs });
}

export type InsertOutcome =
  | { readonly kind: 'inserted'; readonly inserted: Inserted }
  /** A sheet of that name exists: ask, then call again with overwrite. */
  | { readonly kind: 'exists'; readonly sheetName: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** "Chèn Phụ lục 01 / 02": a new sheet with only the unit's assigned indicators or tasks. */
export async function insertReport(deps: ClerkDeps, kind: ReportKind, unit: PlanUnit, period: string, overwrite = false): Promise<InsertOutcome> {
  const { catalogue } = deps.plan;
  const spec = buildTemplateSpec(catalogue, {
    kind, unit, period,
    directory: { units: deps.plan.units, classes: catalogue.unitClasses },
    assignedIds: new Set(kind === 'indicators' ? unit.indicators : unit.tasks),
  });
  if (!spec.ok) return { kind: 'failed', message: spec.issues.map((i) => i.message).join('\n') };
  const r = await retry(deps, () => deps.excel.insertTemplate(spec.value, { overwrite }));
  if (r.ok) return { kind: 'inserted', inserted: r.value };
  if (r.error.code === 'sheetExists') return { kind: 'exists', sheetName: spec.value.sheetName, message: r.error.message };
  return { kind: 'failed', message: r.error.message };
}

export type CheckOutcome = { readonly kind: 'checked'; readonly result: CheckResult } | { readonly kind: 'failed'; readonly message: string };

/** "Kiểm tra": issues listed errors first (the adapter orders them), marks written on the sheet. */
export async function checkReport(deps: ClerkDeps, sheetName: string): Promise<CheckOutcome> {
  const r = await retry(deps, () => deps.excel.checkSheet(sheetName, deps.plan.catalogue));
  return r.ok ? { kind: 'checked', result: r.value } : { kind: 'failed', message: r.error.message };
}

/** Clicking an issue shows its cell. */
export async function showCell(deps: ClerkDeps, sheetName: string, address: string): Promise<string | null> {
  const r = await retry(deps, () => deps.excel.selectCell(sheetName, address));
  return r.ok ? null : r.error.message;
}

export type SubmitOutcome =
  /** Errors remain: nothing was sent. */
  | { readonly kind: 'blocked'; readonly result: CheckResult }
  /** The server has it; `response` is null when a background retry delivered it first. */
  | { readonly kind: 'sent'; readonly response: SubmissionResponse | null; readonly result: CheckResult }
  /** Kept in the outbox, retried until the server answers. */
  | { readonly kind: 'queued'; readonly clientSubmissionId: string; readonly error: string; readonly result: CheckResult }
  /** The server refused it (4xx): the clerk must act (correct, or ask the administrator). */
  | { readonly kind: 'refused'; readonly message: string; readonly result: CheckResult }
  | { readonly kind: 'failed'; readonly message: string };

export interface SubmitDeps extends ClerkDeps {
  readonly outbox: Outbox;
  readonly sender: Sender;
  readonly newId: () => string;
}

/**
 * "Gửi báo cáo": checks first (errors block) and sends what that check read, under the client id
 * kept in the mapping sheet while the content is unchanged – one Excel batch of two syncs per click
 * (src/office/excel/submit.ts). A retry after a lost answer is the same submission. Should the server
 * still answer 409 (that id carries other content, e.g. a copied workbook), the report gets a new id,
 * stamped before it is sent: the one path with a third sync.
 */
export async function submitReport(deps: SubmitDeps, sheetName: string): Promise<SubmitOutcome> {
  const read = await retry(deps, () => deps.excel.checkForSubmit(sheetName, deps.plan.catalogue, deps.newId));
  if (!read.ok) return { kind: 'failed', message: read.error.message };
  const { check: result, submission } = read.value;
  if (!submission) return { kind: 'blocked', result };
  const { mapping, rows } = submission;

  const send = async (id: string, stamp: boolean) => {
    if (stamp) {
      const stamped = await retry(deps, () => deps.excel.setClientSubmissionId(sheetName, id));
      if (!stamped.ok) return { kind: 'failed', message: stamped.error.message } as const;
    }
    deps.outbox.enqueue(submissionOf(mapping, rows, id), { label: sheetName, sheetName });
    return { ...(await deps.outbox.send(id, deps.sender)), id };
  };
  let outcome = await send(submission.clientSubmissionId, false);
  if (outcome.kind === 'refused' && outcome.httpStatus === 409) outcome = await send(deps.newId(), true);

  switch (outcome.kind) {
    case 'failed':
      return outcome;
    case 'sent':
      return { kind: 'sent', response: outcome.response, result };
    case 'gone':
      return { kind: 'sent', response: null, result };
    case 'waiting':
      return { kind: 'queued', clientSubmissionId: outcome.id, error: outcome.error, result };
    case 'refused':
      return { kind: 'refused', message: outcome.error, result };
  }
}

export type ReportStatus =
  | { readonly state: 'none' }
  | {
      readonly state: 'submitted' | 'approved' | 'returned';
      readonly submissionId: string;
      readonly revision: number;
      readonly late: boolean;
      readonly submittedAt: string;
      /** The head's comment, or the province's reason (the plan's consolidating body), when the report was returned. */
      readonly comment: string | null;
      /** Who returned it: the unit's head, or the province sending an approved report back. */
      readonly returnedBy: 'head' | 'province' | null;
    };

/** The report's state on the server (one unit, period and kind), with the head's comment if returned. */
export async function fetchStatus(api: ApiClient, key: { planId: string; unitId: string; period: string; kind: ReportKind }): Promise<ReportStatus> {
  const { submissions } = await listSubmissions(api, key);
  const s = submissions[0];
  if (!s) return { state: 'none' };
  let comment: string | null = null;
  let returnedBy: 'head' | 'province' | null = null;
  if (s.status === 'returned') {
    const detail = await getSubmission(api, s.id);
    // The last decision that sent this revision back: the head's 'return' or the province's 'reopen'.
    const last = detail.decisions.filter((d) => (d.action === 'return' || d.action === 'reopen') && d.revision === s.revision).at(-1);
    comment = last?.comment ?? null;
    returnedBy = last ? (last.action === 'reopen' ? 'province' : 'head') : null;
  }
  return { state: s.status, submissionId: s.id, revision: s.revision, late: s.late, submittedAt: s.submittedAt, comment, returnedBy };
}
