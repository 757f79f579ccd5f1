// A report document with its verification code (docs/province-report.md): the text up to the
// verification block is hashed, the code for (revision, content hash, text hash) is found or made,
// and the code and its QR are printed at the end. The same document asked again gets the same
// code; a document with other words (another date or number) gets its own.
import type { FastifyInstance } from 'fastify';
import type { ReportModel } from '../core/report';
import { docxTextHash } from './document-text';
import { reportDocx } from './report-docx';
import { codeFor, type DocumentRef } from './repositories/verification';

/** The public address of a code's verification page: the server's own origin, never a request's Host. */
export const verifyUrl = (origin: string, code: string): string => `${origin}/verify/${code}`;

export async function verifiedReportDocx(app: FastifyInstance, ref: DocumentRef, model: ReportModel): Promise<Buffer> {
  const origin = app.config.corsOrigin;
  // The text before the verification block does not depend on the code: render once to hash it.
  const draft = await reportDocx({ ...model, verification: { code: '0000-0000', url: verifyUrl(origin, '0000-0000') } });
  const hashed = await docxTextHash(draft);
  if (!hashed.ok) throw new Error('verifiedReportDocx: the rendered document cannot be read back');
  const code = await codeFor(app.db.kysely, ref, hashed.hash, app.clock().toISOString());
  return reportDocx({ ...model, verification: { code, url: verifyUrl(origin, code) } });
}
