// A report document with its verification code (docs/province-report.md): the text up to the
// verification block is hashed, the code for (revision, content hash, text hash) is found or made,
// and the code and its QR are printed at the end. The same document asked again gets the same
// code; a document with other words (another date or number) gets its own. A report the Word
// add-in writes from the same model has the same words, so it asks for its code here
// (verificationFor) and prints the very code the .docx would carry.
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { ReportModel } from '../core/report';
import type { ReportVerificationResponse } from '../core/api';
import { docxTextHash } from './document-text';
import { QR_OPTIONS, reportDocx } from './report-docx';
import { codeFor, type DocumentRef } from './repositories/verification';

/** The public address of a code's verification page: the server's own origin, never a request's Host. */
export const verifyUrl = (origin: string, code: string): string => `${origin}/verify/${code}`;

/** Stands for the code while the text is hashed; outside the code's alphabet, so never in a real code. */
const PLACEHOLDER = '____-____';

/** Renders the document with a placeholder code, hashes its text, and finds or makes its code. */
async function issue(app: FastifyInstance, ref: DocumentRef, model: ReportModel): Promise<{ code: string; url: string; draft: Buffer }> {
  const origin = app.config.corsOrigin;
  // The text before the verification block does not depend on the code: render once, hash it, then
  // put the code in place of the placeholder (rendering a long report twice would double its time).
  const draft = await reportDocx({ ...model, verification: { code: PLACEHOLDER, url: verifyUrl(origin, PLACEHOLDER) } });
  const hashed = await docxTextHash(draft);
  if (!hashed.ok) throw new Error('verifiedReportDocx: the rendered document cannot be read back');
  const code = await codeFor(app.db.kysely, ref, hashed.hash, app.clock().toISOString());
  return { code, url: verifyUrl(origin, code), draft };
}

export async function verifiedReportDocx(app: FastifyInstance, ref: DocumentRef, model: ReportModel): Promise<Buffer> {
  const { code, url, draft } = await issue(app, ref, model);
  const zip = await JSZip.loadAsync(draft);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.split(PLACEHOLDER).join(code));
  const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
  if (media.length !== 1) throw new Error(`verifiedReportDocx: expected one QR image, found ${media.length}`);
  zip.file(media[0], await QRCode.toBuffer(url, QR_OPTIONS));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The code, page and QR code of the document `model` makes, for a renderer that writes the same
 * model elsewhere (the Word add-in): its words are the .docx's, so its text hashes alike.
 * @example reply.send(await verificationFor(app, { document: 'unit', refId, revision, contentHash }, model))
 */
export async function verificationFor(app: FastifyInstance, ref: DocumentRef, model: ReportModel): Promise<ReportVerificationResponse> {
  const { code, url } = await issue(app, ref, model);
  return { code, url, qrPng: (await QRCode.toBuffer(url, QR_OPTIONS)).toString('base64') };
}
