// The OpenAPI 3.1 description of the API. Request bodies come from the same zod schemas the routes
// parse with (z.toJSONSchema), so the document cannot drift from what the server accepts.
import { z } from 'zod';
import { SubmissionResponseSchema } from '../../core/schemas';
import { AcceptBody, ReopenBody } from './acceptance';
import { OverrideBody } from './assignment-overrides';
import { GenerateBody, ProvinceApproveBody, ProvinceReturnBody } from './province-reports';
import { ApproveBody, ReturnBody, SubmissionBody } from './bodies';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = { $ref: '#/components/schemas/Error' };
const ok = (description: string) => ({ description, ...json({ type: 'object' }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: String(c), ...json(error) }]));
const q = (name: string, required = false, schema: object = { type: 'string' }) => ({ name, in: 'query', required, schema });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = { schema: { type: 'string', format: 'binary' } };
const p = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export function openapiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Báo cáo chuyển đổi số – Kế hoạch 1174/KH-UBND', version: '1.0.0' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string' },
            message: { type: 'string', description: 'Vietnamese, for the user' },
            issues: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, rowId: { type: 'string' } } } },
            requestId: { type: 'string' },
          },
        },
        SubmissionRequest: z.toJSONSchema(SubmissionBody, { io: 'input', unrepresentable: 'any' }),
        ApproveRequest: z.toJSONSchema(ApproveBody, { io: 'input', unrepresentable: 'any' }),
        ReturnRequest: z.toJSONSchema(ReturnBody, { io: 'input', unrepresentable: 'any' }),
        SubmissionResponse: z.toJSONSchema(SubmissionResponseSchema, { io: 'output', unrepresentable: 'any' }),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/health': { get: { summary: 'Server and database are up', security: [], responses: { 200: ok('up'), 503: ok('database unavailable') } } },
      '/api/auth/login': {
        post: {
          summary: 'Sign in with a user name and password; returns a bearer token', security: [],
          requestBody: { required: true, ...json({ type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string' }, password: { type: 'string' } } }) },
          responses: { 200: ok('token'), ...errors(400, 401, 429) },
        },
      },
      '/api/auth/password': {
        post: {
          summary: 'Change the password (required after a one-time password)',
          requestBody: { required: true, ...json({ type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: { type: 'string' }, newPassword: { type: 'string' } } }) },
          responses: { 200: ok('a new token'), ...errors(400, 401) },
        },
      },
      '/api/auth/config': { get: { summary: 'Sign-in settings for the taskpane: the Entra app ids for MSAL, or null for local accounts only', security: [], responses: { 200: ok('client auth config') } } },
      '/api/auth/logout': {
        post: { summary: 'Sign out everywhere: every token of the user stops working at once', responses: { 204: { description: 'Signed out' }, ...errors(401) } },
      },
      '/api/auth/me': { get: { summary: 'The signed-in user and roles', responses: { 200: ok('user'), ...errors(401) } } },
      '/api/plans': { get: { summary: 'Plans', responses: { 200: ok('plans'), ...errors(401) } } },
      '/api/plans/{planId}': { get: { summary: 'Catalogue and units of a plan', parameters: [p('planId')], responses: { 200: ok('catalogue'), ...errors(401, 404) } } },
      '/api/plans/{planId}/assignment-overrides': {
        get: { summary: 'The administrator’s include / exclude corrections of who reports an indicator or task', parameters: [p('planId'), q('itemId')], responses: { 200: ok('overrides'), ...errors(400, 401, 403, 404) } },
        put: {
          summary: 'Include or exclude one unit for one indicator or task (administrator; audited)', parameters: [p('planId')],
          requestBody: { required: true, ...json(z.toJSONSchema(OverrideBody, { io: 'input', unrepresentable: 'any' })) },
          responses: { 200: ok('the change: before / after, whether the unit is assigned'), ...errors(400, 401, 403, 404) },
        },
        delete: { summary: 'Remove an override: the catalogue’s reading applies again (administrator; audited)', parameters: [p('planId'), q('itemId', true), q('unitId', true)], responses: { 200: ok('the change'), ...errors(400, 401, 403, 404) } },
      },
      '/api/periods': { get: { summary: 'Report periods, cut-off windows, deadlines', parameters: [q('planId', true)], responses: { 200: ok('periods'), ...errors(400, 401, 404) } } },
      '/api/submissions': {
        get: { summary: 'Submissions the caller may see', parameters: [q('planId'), q('period'), q('unitId'), q('kind')], responses: { 200: ok('list'), ...errors(400, 401, 403) } },
        post: {
          summary: 'Submit a report (a new revision); idempotent by clientSubmissionId',
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/SubmissionRequest' }) },
          responses: {
            201: { description: 'stored as a new revision', ...json({ $ref: '#/components/schemas/SubmissionResponse' }) },
            200: { description: 'a retry of a stored submission: the same body again', ...json({ $ref: '#/components/schemas/SubmissionResponse' }) },
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 423),
          },
        },
      },
      '/api/submissions/{id}': { get: { summary: 'A submission with all its revisions and decisions', parameters: [p('id')], responses: { 200: ok('submission'), ...errors(401, 403, 404) } } },
      '/api/submissions/{id}/report.docx': {
        get: {
          summary: 'The submission as an official report (Nghị định 30/2020 layout), for Word',
          parameters: [p('id'), q('revision', false, { type: 'integer' }), q('date', false, { type: 'string', format: 'date' }), q('number'), q('signingAs', false, { enum: ['head', 'deputy'] })],
          responses: { 200: { description: 'docx; X-Content-Hash names the revision shown', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } } }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/submissions/{id}/approve': {
        post: { summary: 'Approve the latest revision (bound to its content hash)', parameters: [p('id')], requestBody: { required: true, ...json({ $ref: '#/components/schemas/ApproveRequest' }) }, responses: { 200: ok('approved'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/submissions/{id}/return': {
        post: { summary: 'Return the latest revision with a comment', parameters: [p('id')], requestBody: { required: true, ...json({ $ref: '#/components/schemas/ReturnRequest' }) }, responses: { 200: ok('returned'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/submissions/{id}/accept': {
        post: { summary: 'The province accepts the unit’s approved revision (consolidator; bound to its content hash; audited)', parameters: [p('id')], requestBody: { required: true, ...json(z.toJSONSchema(AcceptBody, { io: 'input' })) }, responses: { 200: ok('accepted: status, provinceState, revision, contentHash'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/submissions/{id}/reopen': {
        post: { summary: 'Send an approved report back for correction with a reason (consolidator) or reopen it (administrator); audited', parameters: [p('id')], requestBody: { required: true, ...json(z.toJSONSchema(ReopenBody, { io: 'input' })) }, responses: { 200: ok('reopened: status returned, provinceState reopened'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/province-reports': {
        get: { summary: 'Sở KH&CN’s consolidated reports (consolidator, head of Sở KH&CN)', parameters: [q('planId'), q('period')], responses: { 200: ok('reports, latest revision each'), ...errors(400, 401, 403) } },
        post: {
          summary: 'Generate the consolidated report of a plan and period as a snapshot (a new revision; the same content is the same revision); audited',
          requestBody: { required: true, ...json(z.toJSONSchema(GenerateBody, { io: 'input' })) },
          responses: { 201: ok('a new revision with its content and hash'), 200: ok('unchanged: the latest revision'), ...errors(400, 401, 403, 404, 409) },
        },
      },
      '/api/province-reports/{id}': { get: { summary: 'One consolidated report: revisions, status, latest content', parameters: [p('id')], responses: { 200: ok('report'), ...errors(401, 403, 404) } } },
      '/api/province-reports/{id}/report.docx': {
        get: {
          summary: 'The consolidated report as an official document (Nghị định 30/2020), with its verification code and QR',
          parameters: [p('id'), q('revision', false, { type: 'integer' }), q('date', false, { type: 'string', format: 'date' }), q('number'), q('signingAs', false, { enum: ['head', 'deputy'] })],
          responses: { 200: { description: 'docx; X-Content-Hash names the revision shown', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } } }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/province-reports/{id}/approve': {
        post: { summary: 'The head of Sở KH&CN approves the latest revision (bound to its content hash); audited', parameters: [p('id')], requestBody: { required: true, ...json(z.toJSONSchema(ProvinceApproveBody, { io: 'input' })) }, responses: { 200: ok('approved'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/province-reports/{id}/return': {
        post: { summary: 'The head of Sở KH&CN returns the latest revision with a comment; audited', parameters: [p('id')], requestBody: { required: true, ...json(z.toJSONSchema(ProvinceReturnBody, { io: 'input' })) }, responses: { 200: ok('returned'), ...errors(400, 401, 403, 404, 409) } },
      },
      '/api/consolidation': {
        get: {
          summary: 'Province figures per indicator, or task progress, and completeness per unit',
          parameters: [q('planId', true), q('period', true), q('kind', true, { enum: ['indicators', 'tasks'] }), q('format', false, { enum: ['json', 'csv', 'xlsx'] })],
          responses: { 200: { description: 'consolidation', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } }, [XLSX]: binary } }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/templates/{kind}.xlsx': {
        get: {
          summary: 'The report template of a unit and period as .xlsx (protected, drop-down lists, sealed very hidden mapping), for clerks without the add-in',
          parameters: [{ name: 'kind', in: 'path', required: true, schema: { enum: ['indicators', 'tasks'] } }, q('planId', true), q('unitId', true), q('period', true)],
          responses: { 200: { description: 'the template', content: { [XLSX]: binary } }, ...errors(400, 401, 403, 404) },
        },
      },
      '/api/imports': {
        post: {
          summary: 'Upload a filled .xlsx template: checked (dryRun=true) or stored as a submission; issues carry cell addresses',
          parameters: [q('dryRun', false, { enum: ['true', 'false'] }), q('planId'), q('unitId'), q('period'), q('kind', false, { enum: ['indicators', 'tasks'] })],
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: {
            201: ok('stored as a new revision: summary with the submission'),
            200: ok('dry run summary, or a re-upload of the same file (replayed)'),
            422: ok('the file has errors: summary with every issue and its cell; nothing stored'),
            ...errors(400, 401, 403, 404, 409, 413, 423),
          },
        },
      },
      '/api/audit': { get: { summary: 'Audit trail (administrator)', parameters: [q('limit'), q('beforeId'), q('entity'), q('entityId')], responses: { 200: ok('records'), ...errors(401, 403) } } },
    },
  };
}
