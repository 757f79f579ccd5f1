// SHA-256 as hex. The content hash an approval is bound to is sha256Hex(canonicalRows(submission))
// (store-submission.ts): the core's canonical form of the rows, so "70,5%" and 70.5, or NFC and NFD
// notes, hash alike on the taskpane and the server.
import { hash } from 'node:crypto';

/** @example sha256Hex(canonicalRows(validated)) // '3f5a…' (64 hex digits) */
export function sha256Hex(text: string): string {
  // One call (Node ≥ 20.12): no Hash object to create and feed, a few microseconds a submission.
  return hash('sha256', text, 'hex');
}
