// Ids of the reports' rows the server creates (submissions, revisions, decisions, province report
// revisions): UUID version 7 (RFC 9562) – a millisecond timestamp, then 74 random bits – so that rows
// created one after another sit side by side in their primary-key indexes. A revision and its
// compact rows are appended to the end of those indexes instead of landing on a random leaf, which
// each group commit would write again (docs/performance.md, fourth pass): on SQLite a few percent of
// a submission, on PostgreSQL fewer pages dirtied and logged. An id reveals only when its row was
// created, which the row carries anyway, and no id opens anything: every read is authorised, and
// what is public goes by its own random code (repositories/verification.ts).
import crypto from 'node:crypto';

/** Node 24 has it built in; Node 22 and 20 build the same layout from random bytes. */
const builtIn = (crypto as { randomUUIDv7?: () => string }).randomUUIDv7;

/** A version 7 UUID from a clock reading and random bytes. */
export function uuidV7(now = Date.now(), random: Uint8Array = crypto.randomBytes(16)): string {
  const b = Buffer.from(random);
  b.writeUIntBE(now, 0, 6); // 48 bits of milliseconds since 1970
  b[6] = (b[6] & 0x0f) | 0x70; // version 7
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A new row id: time-ordered, unique. */
export const newId: () => string = builtIn ? () => builtIn.call(crypto) : () => uuidV7();
