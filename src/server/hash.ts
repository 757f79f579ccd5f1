// The content hash an approval is bound to: sha256 (hex) of the core's canonical form of the rows,
// so "70,5%" and 70.5, or NFC and NFD notes, hash alike on the taskpane and the server.
import { createHash } from 'node:crypto';
import { canonicalRows, type ValidatedSubmission } from '../core/validate-submission';

/** @example contentHash(validated) // '3f5a…' (64 hex digits) */
export function contentHash(submission: ValidatedSubmission): string {
  return sha256Hex(canonicalRows(submission));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
