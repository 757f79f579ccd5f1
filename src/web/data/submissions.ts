// Submissions as the web app reads and decides them: lists, one with its revisions and decisions,
// approve (bound to the content hash shown) and return, the template and report files, and the
// upload of a filled template (dry run first).
import type { ApiClient } from '../../client/api';
import type { DownloadedFile, FileClient } from '../../client/files';
import type { SubmissionSummary } from '../../core/api/submissions';
import type { IssueShape, RowEvaluation, SubmissionResponse } from '../../core/schemas';

// The list's shape is the contract's (src/core/api), not a second copy of it.
export type { SubmissionSummary } from '../../core/api/submissions';
export type Kind = SubmissionSummary['kind'];
export type Status = SubmissionSummary['status'];

export interface Revision {
  readonly revision: number;
  readonly contentHash: string;
  readonly content: unknown;
  readonly evaluations: unknown;
  readonly late: boolean;
  readonly submittedBy: string;
  readonly submittedAt: string;
}

export interface Decision {
  readonly revision: number;
  readonly action: string;
  readonly contentHash: string;
  readonly comment: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface SubmissionDetail extends SubmissionSummary {
  readonly revisions: readonly Revision[];
  readonly decisions: readonly Decision[];
}

export interface ListFilter {
  readonly planId?: string;
  readonly period?: string;
  readonly unitId?: string;
  readonly kind?: Kind;
}

const query = (params: Record<string, string | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
};

export async function listSubmissions(api: ApiClient, filter: ListFilter = {}): Promise<SubmissionSummary[]> {
  return (await api.get<{ submissions: SubmissionSummary[] }>(`/api/submissions${query({ ...filter })}`)).submissions;
}

export const getSubmission = (api: ApiClient, id: string): Promise<SubmissionDetail> => api.get(`/api/submissions/${encodeURIComponent(id)}`);

export const approveSubmission = (api: ApiClient, id: string, contentHash: string) =>
  api.post<{ status: Status; revision: number }>(`/api/submissions/${encodeURIComponent(id)}/approve`, { contentHash });

export const returnSubmission = (api: ApiClient, id: string, contentHash: string, comment: string) =>
  api.post<{ status: Status; revision: number }>(`/api/submissions/${encodeURIComponent(id)}/return`, { contentHash, comment });

export const downloadReportDocx = (files: FileClient, id: string, revision: number): Promise<DownloadedFile> =>
  files.download(`/api/submissions/${encodeURIComponent(id)}/report.docx${query({ revision: String(revision) })}`);

export interface TemplateChoice {
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: Kind;
}

export const downloadTemplate = (files: FileClient, c: TemplateChoice): Promise<DownloadedFile> =>
  files.download(`/api/templates/${c.kind}.xlsx${query({ planId: c.planId, unitId: c.unitId, period: c.period })}`);

export interface PlacedIssue extends IssueShape {
  readonly address: string | null;
}

export interface ImportSummary {
  readonly dryRun: boolean;
  readonly status: 'invalid' | 'valid' | 'created' | 'replayed';
  readonly message?: string;
  readonly rows: number;
  readonly acceptedRows: number;
  readonly issues: readonly PlacedIssue[];
  readonly emptyRows: readonly { readonly rowId: string; readonly address: string | null }[];
  readonly evaluations?: readonly RowEvaluation[];
  readonly revision?: number;
  readonly submission?: SubmissionResponse;
}

/** Uploads a filled template for the chosen unit, period and appendix (a file of another is refused). */
export const importTemplate = (files: FileClient, c: TemplateChoice, file: Blob, filename: string, dryRun: boolean): Promise<ImportSummary> =>
  files.upload(`/api/imports${query({ dryRun: String(dryRun), planId: c.planId, unitId: c.unitId, period: c.period, kind: c.kind })}`, file, filename);
