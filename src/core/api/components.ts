// The schemas the OpenAPI document names as components (and $refs), instead of repeating them inline
// in every route that uses them. Registering is the only effect of importing this module.
import { z } from 'zod';
import { IssueSchema, SubmissionRequestSchema, SubmissionResponseSchema } from '../schemas';
import { AdminUserSchema, AuditRecordSchema } from './admin';
import { SessionSchema } from './auth';
import { ErrorBodySchema } from './common';
import { ImportResultSchema } from './files';
import { SubmissionDetailSchema, SubmissionSummarySchema } from './submissions';

const named: [z.ZodType, string][] = [
  [ErrorBodySchema, 'Error'],
  [IssueSchema, 'Issue'],
  [SubmissionRequestSchema, 'SubmissionRequest'],
  [SubmissionResponseSchema, 'SubmissionResponse'],
  [SubmissionSummarySchema, 'SubmissionSummary'],
  [SubmissionDetailSchema, 'SubmissionDetail'],
  [ImportResultSchema, 'ImportResult'],
  [SessionSchema, 'Session'],
  [AdminUserSchema, 'AdminUser'],
  [AuditRecordSchema, 'AuditRecord'],
];
for (const [schema, id] of named) if (!z.globalRegistry.has(schema)) schema.register(z.globalRegistry, { id });
