// Submissions as the web app reads and decides them: lists, one with its revisions and decisions,
// approve (bound to the content hash shown) and return, the template and report files, and the
// upload of a filled template (dry run first). JSON goes through the typed endpoints
// (src/client/endpoints.ts); files through the FileClient, at the contract's own paths.
import type { ApiClient } from '../../client/api';
import { approve, getSubmission as fetchSubmission, listSubmissions as fetchSubmissions, returnSubmission as sendBack } from '../../client/endpoints';
import type { DownloadedFile, FileClient } from '../../client/files';
import { API, urlOf } from '../../core/api';
import type { ImportResult } from '../../core/api/files';
import type { SubmissionDetailResponse, SubmissionSummary } from '../../core/api/submissions';

// The shapes are the contract's (src/core/api), not copies of it.
export type { SubmissionSummary } from '../../core/api/submissions';
export type Kind = SubmissionSummary['kind'];
export type Status = SubmissionSummary['status'];
export type SubmissionDetail = SubmissionDetailResponse;
export type ImportSummary = ImportResult;

export interface ListFilter {
  readonly planId?: string;
  readonly period?: string;
  readonly unitId?: string;
  readonly kind?: Kind;
}

/** Empty filters are left out of the query, as "no filter". */
const given = <T extends object>(filter: T): Partial<T> =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

export async function listSubmissions(api: ApiClient, filter: ListFilter = {}): Promise<SubmissionSummary[]> {
  return (await fetchSubmissions(api, given(filter))).submissions;
}

export const getSubmission = (api: ApiClient, id: string): Promise<SubmissionDetail> => fetchSubmission(api, id);

export const approveSubmission = (api: ApiClient, id: string, contentHash: string) => approve(api, id, { contentHash });

export const returnSubmission = (api: ApiClient, id: string, contentHash: string, comment: string) => sendBack(api, id, { contentHash, comment });

export const downloadReportDocx = (files: FileClient, id: string, revision: number): Promise<DownloadedFile> =>
  files.download(urlOf(API.reportDocx.path, { id }, { revision }));

export interface TemplateChoice {
  readonly planId: string;
  readonly unitId: string;
  readonly period: string;
  readonly kind: Kind;
}

export const downloadTemplate = (files: FileClient, c: TemplateChoice): Promise<DownloadedFile> =>
  files.download(urlOf(API.template.path, { file: `${c.kind}.xlsx` }, { planId: c.planId, unitId: c.unitId, period: c.period }));

/** Uploads a filled template for the chosen unit, period and appendix (a file of another is refused). */
export const importTemplate = (files: FileClient, c: TemplateChoice, file: Blob, filename: string, dryRun: boolean): Promise<ImportSummary> =>
  files.upload(urlOf(API.importFile.path, undefined, { dryRun: String(dryRun), planId: c.planId, unitId: c.unitId, period: c.period, kind: c.kind }), file, filename);
