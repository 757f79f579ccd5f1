// One typed function per endpoint of the API (src/core/api): the taskpane and the web app call
// these, never a URL. Each takes the ApiClient (the session's token, the Vietnamese ApiError) and
// what the endpoint takes – params, query, body – typed from the same zod schemas the server
// validates with; the answer is typed from the endpoint's response schema. Answers are not parsed
// again here: the server is tested against the schemas (tests/server/api-contract.test.ts), and a
// stricter client would break on a newer server's extra field. See docs/api.md.
import { API, urlOf, type Endpoint, type EndpointInput, type EndpointOutput } from '../core/api';
import type { ImportResult } from '../core/api/files';
import { expandConsolidation } from '../core/consolidation-sheet/wire';
import { ApiError, type ApiClient, type FileAnswer } from './api';

type Input = { params?: unknown; query?: unknown; body?: unknown };

const pathOf = (e: Endpoint, input: Input) =>
  urlOf(e.path, input.params as Record<string, unknown> | undefined, input.query as Record<string, unknown> | undefined);

/** Calls an endpoint with JSON in and out (`headers`: the open feed's X-API-Key). */
export async function call<E extends Endpoint>(api: ApiClient, e: E, input: EndpointInput<E>, headers?: Record<string, string>): Promise<EndpointOutput<E>> {
  const i = input as Input;
  const { body } = await api.request({
    method: e.method, path: pathOf(e, i), body: i.body ?? (e.method === 'POST' || e.method === 'PUT' ? {} : undefined), ...(headers ? { headers } : {}),
  });
  return body as EndpointOutput<E>;
}

/** Calls an endpoint whose answer is a file. */
export async function download<E extends Endpoint>(api: ApiClient, e: E, input: EndpointInput<E>, headers?: Record<string, string>): Promise<FileAnswer> {
  const { body } = await api.request({ method: e.method, path: pathOf(e, input as Input), as: 'file', ...(headers ? { headers } : {}) });
  return body as FileAnswer;
}

type NoInput = Record<string, never>;
const none: NoInput = {};

// Health and sign-in
export const health = (api: ApiClient) => call(api, API.health, none);
export const healthReady = (api: ApiClient) => call(api, API.healthReady, none);
export const authConfig = (api: ApiClient) => call(api, API.authConfig, none);
export const login = (api: ApiClient, body: EndpointInput<typeof API.login>['body']) => call(api, API.login, { body });
export const changePassword = (api: ApiClient, body: EndpointInput<typeof API.changePassword>['body']) => call(api, API.changePassword, { body });
export const me = (api: ApiClient) => call(api, API.me, none);
export const logout = (api: ApiClient) => call(api, API.logout, none);

// Plans and periods
export const plans = (api: ApiClient) => call(api, API.plans, none);
export const plan = (api: ApiClient, planId: string) => call(api, API.plan, { params: { planId } });
export const periods = (api: ApiClient, planId: string) => call(api, API.periods, { query: { planId } });

// Reports
export const submit = (api: ApiClient, body: EndpointInput<typeof API.submit>['body']) => call(api, API.submit, { body });
export const listSubmissions = (api: ApiClient, query: EndpointInput<typeof API.listSubmissions>['query'] = {}) => call(api, API.listSubmissions, { query });
export const getSubmission = (api: ApiClient, id: string) => call(api, API.getSubmission, { params: { id } });
export const approve = (api: ApiClient, id: string, body: EndpointInput<typeof API.approve>['body']) => call(api, API.approve, { params: { id }, body });
export const returnSubmission = (api: ApiClient, id: string, body: EndpointInput<typeof API.returnSubmission>['body']) =>
  call(api, API.returnSubmission, { params: { id }, body });

// Files
export const reportDocx = (api: ApiClient, id: string, query: EndpointInput<typeof API.reportDocx>['query'] = {}) =>
  download(api, API.reportDocx, { params: { id }, query });
export const reportVerification = (api: ApiClient, id: string, query: EndpointInput<typeof API.reportVerification>['query'] = {}) =>
  call(api, API.reportVerification, { params: { id }, query });
export const template = (api: ApiClient, kind: 'indicators' | 'tasks', query: EndpointInput<typeof API.template>['query']) =>
  download(api, API.template, { params: { file: `${kind}.xlsx` }, query });

/**
 * Uploads a filled template. A file with errors is an answer, not a failure: the 422 comes back as
 * the result with status 'invalid' and every issue with its cell.
 */
export async function importFile(api: ApiClient, file: Blob, fileName: string, query: EndpointInput<typeof API.importFile>['query'] = {}): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, fileName);
  try {
    const { body } = await api.request({ method: 'POST', path: pathOf(API.importFile, { query }), form });
    return body as ImportResult;
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && (error.body as ImportResult | null)?.status === 'invalid') return error.body as ImportResult;
    throw error;
  }
}

// Consolidation
type ConsolidationQuery = EndpointInput<typeof API.consolidation>['query'];
/** The consolidation with every indicator's units written out (the answer packs them: src/core/consolidation-sheet/wire.ts). */
export const consolidation = async (api: ApiClient, query: Omit<ConsolidationQuery, 'format'>) =>
  expandConsolidation(await call(api, API.consolidation, { query: { ...query, format: 'json' } }));
export const consolidationFile = (api: ApiClient, query: Omit<ConsolidationQuery, 'format'>, format: 'csv' | 'xlsx') =>
  download(api, API.consolidation, { query: { ...query, format } });

// Administration
export const adminUsers = (api: ApiClient) => call(api, API.listUsers, none);
export const createUser = (api: ApiClient, body: EndpointInput<typeof API.createUser>['body']) => call(api, API.createUser, { body });
export const resetPassword = (api: ApiClient, username: string) => call(api, API.resetPassword, { params: { username } });
export const grantRole = (api: ApiClient, username: string, body: EndpointInput<typeof API.grantRole>['body']) => call(api, API.grantRole, { params: { username }, body });
export const revokeRole = (api: ApiClient, username: string, query: EndpointInput<typeof API.revokeRole>['query']) => call(api, API.revokeRole, { params: { username }, query });
export const disableUser = (api: ApiClient, username: string) => call(api, API.disableUser, { params: { username } });
export const enableUser = (api: ApiClient, username: string) => call(api, API.enableUser, { params: { username } });
export const adminUnits = (api: ApiClient) => call(api, API.listUnits, none);
export const importUnits = (api: ApiClient, csv: string, options: { dryRun: boolean }) =>
  call(api, API.importUnits, { query: { dryRun: options.dryRun ? 'true' : 'false' }, body: { csv } });
export const listOverrides = (api: ApiClient, planId: string, itemId?: string) => call(api, API.listOverrides, { params: { planId }, query: { itemId } });
export const setOverride = (api: ApiClient, planId: string, body: EndpointInput<typeof API.setOverride>['body']) => call(api, API.setOverride, { params: { planId }, body });
export const clearOverride = (api: ApiClient, planId: string, key: EndpointInput<typeof API.clearOverride>['query']) => call(api, API.clearOverride, { params: { planId }, query: key });
export const audit = (api: ApiClient, query: EndpointInput<typeof API.audit>['query'] = {}) => call(api, API.audit, { query });

// The province: acceptance of the units' reports
export const acceptSubmission = (api: ApiClient, id: string, body: EndpointInput<typeof API.accept>['body']) => call(api, API.accept, { params: { id }, body });
export const reopenSubmission = (api: ApiClient, id: string, body: EndpointInput<typeof API.reopen>['body']) => call(api, API.reopen, { params: { id }, body });

// Sở KH&CN's consolidated report
export const generateProvinceReport = (api: ApiClient, body: EndpointInput<typeof API.generateProvinceReport>['body']) =>
  call(api, API.generateProvinceReport, { body });
export const listProvinceReports = (api: ApiClient, query: EndpointInput<typeof API.listProvinceReports>['query'] = {}) =>
  call(api, API.listProvinceReports, { query });
export const getProvinceReport = (api: ApiClient, id: string) => call(api, API.getProvinceReport, { params: { id } });
export const provinceReportVerification = (api: ApiClient, id: string, query: EndpointInput<typeof API.provinceReportVerification>['query'] = {}) =>
  call(api, API.provinceReportVerification, { params: { id }, query });
export const provinceReportDocx = (api: ApiClient, id: string, query: EndpointInput<typeof API.provinceReportDocx>['query'] = {}) =>
  download(api, API.provinceReportDocx, { params: { id }, query });
export const approveProvinceReport = (api: ApiClient, id: string, body: EndpointInput<typeof API.approveProvinceReport>['body']) =>
  call(api, API.approveProvinceReport, { params: { id }, body });
export const returnProvinceReport = (api: ApiClient, id: string, body: EndpointInput<typeof API.returnProvinceReport>['body']) =>
  call(api, API.returnProvinceReport, { params: { id }, body });

// The open feed (read with an API key, not a sign-in) and its keys
type FeedQuery = EndpointInput<typeof API.feedIndicators>['query'];
const keyHeader = (apiKey: string) => ({ 'x-api-key': apiKey });
export const feedIndicators = (api: ApiClient, apiKey: string, query: Omit<FeedQuery, 'format'>) =>
  call(api, API.feedIndicators, { query: { ...query, format: 'json' } }, keyHeader(apiKey));
export const feedIndicatorsCsv = (api: ApiClient, apiKey: string, query: Omit<FeedQuery, 'format'>) =>
  download(api, API.feedIndicators, { query: { ...query, format: 'csv' } }, keyHeader(apiKey));
export const feedDataValueSets = (api: ApiClient, apiKey: string, query: EndpointInput<typeof API.feedDataValueSets>['query']) =>
  call(api, API.feedDataValueSets, { query }, keyHeader(apiKey));
export const listApiKeys = (api: ApiClient) => call(api, API.listApiKeys, none);
export const issueApiKey = (api: ApiClient, body: EndpointInput<typeof API.issueApiKey>['body']) => call(api, API.issueApiKey, { body });
export const revokeApiKey = (api: ApiClient, id: string) => call(api, API.revokeApiKey, { params: { id } });
