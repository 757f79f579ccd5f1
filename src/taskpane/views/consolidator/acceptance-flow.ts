// The province's acceptance from the consolidator's pane, without React (docs/province-report.md):
// the units whose approved report the user may accept or send back, and the two acts, bound to the
// content hash of the revision listed. Who may act follows the server's rule (src/server/auth/roles.ts,
// submission.accept / submission.reopen): a province-wide consolidator or an administrator for both
// appendices, a monitoring agency for the task reports of the units whose tasks it monitors – the
// units its consolidation lists. Failures come back as the server's Vietnamese message.
import { ApiError, type ApiClient } from '../../../client/api';
import { acceptSubmission, listSubmissions, reopenSubmission } from '../../../client/endpoints';
import { provinceStateLabel, type CompletenessUnit, type ConsolidationData } from '../../../core/consolidation-sheet';
import { strings } from '../../../text/strings';
import type { Choice } from './consolidator-flow';

const s = strings.consolidatorFlow.acceptance;

export interface AcceptanceRow {
  readonly submissionId: string;
  readonly unitId: string;
  readonly name: string;
  readonly revision: number;
  readonly contentHash: string;
  readonly status: CompletenessUnit['status'];
  readonly provinceState: CompletenessUnit['provinceState'];
  /** "Đã tiếp nhận", "Chờ tiếp nhận", … as the sheet prints it. */
  readonly stateLabel: string;
  readonly mayAccept: boolean;
  readonly maySendBack: boolean;
}

type Roles = readonly { readonly role: string; readonly unitId: string | null }[];

/**
 * Whether the roles may accept or send back reports of this appendix (the server checks each unit again).
 * @example mayActAsProvince([{ role: 'consolidator', unitId: 'so-noi-vu' }], 'tasks') // true – its monitored units
 */
export function mayActAsProvince(roles: Roles, kind: Choice['kind']): boolean {
  return roles.some((r) => r.role === 'admin' || (r.role === 'consolidator' && (r.unitId === null || kind === 'tasks')));
}

/**
 * Whether the roles may accept reports of this appendix: only those who read whole reports (a
 * monitoring agency reads an extract of its tasks, so it may send back but not accept).
 */
export const mayAcceptAsProvince = (roles: Roles, kind: Choice['kind']): boolean =>
  mayActAsProvince(roles, kind) && roles.some((r) => r.role === 'admin' || (r.role === 'consolidator' && r.unitId === null));

/**
 * The units of the consolidation with an approved report or a word from the province, with the
 * latest revision's id and hash; none when the roles may not act on this appendix.
 */
export async function acceptanceRows(api: ApiClient, roles: Roles, choice: Choice, units: ConsolidationData['units']): Promise<AcceptanceRow[]> {
  if (!mayActAsProvince(roles, choice.kind)) return [];
  const accepts = mayAcceptAsProvince(roles, choice.kind);
  const concerned = units.filter((u) => u.status === 'approved' || u.provinceState !== null);
  if (concerned.length === 0) return [];
  const { submissions } = await listSubmissions(api, { planId: choice.planId, period: choice.period, kind: choice.kind });
  const byUnit = new Map(submissions.map((x) => [x.unitId, x]));
  return concerned.flatMap((u) => {
    const sub = byUnit.get(u.unitId);
    if (!sub) return [];
    const approved = sub.status === 'approved';
    return [{
      submissionId: sub.id, unitId: u.unitId, name: u.name, revision: sub.revision, contentHash: sub.contentHash,
      status: u.status, provinceState: u.provinceState, stateLabel: provinceStateLabel(u),
      mayAccept: accepts && approved && u.provinceState !== 'accepted', maySendBack: approved,
    }];
  });
}

export type ActOutcome = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string; readonly field?: 'reason' };

const failure = (e: unknown): ActOutcome => ({ ok: false, message: e instanceof ApiError || e instanceof Error ? e.message : String(e) });

/** "Chấp nhận": the province accepts the revision listed (409 when a newer one came in meanwhile). */
export async function acceptReport(api: ApiClient, row: AcceptanceRow): Promise<ActOutcome> {
  try {
    await acceptSubmission(api, row.submissionId, { contentHash: row.contentHash });
    return { ok: true, message: s.accepted(row.name) };
  } catch (e) {
    return failure(e);
  }
}

/** "Trả lại để sửa": the report goes back to the unit with the reason, which is required. */
export async function sendBackReport(api: ApiClient, row: AcceptanceRow, reason: string): Promise<ActOutcome> {
  if (reason.trim() === '') return { ok: false, message: s.reasonMissing, field: 'reason' };
  try {
    await reopenSubmission(api, row.submissionId, { reason: reason.trim(), contentHash: row.contentHash });
    return { ok: true, message: s.sentBack(row.name) };
  } catch (e) {
    return failure(e);
  }
}
