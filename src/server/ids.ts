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

/**
 * A version 7 UUID from a clock reading and a version 4 one: the clock replaces the first 48 bits,
 * the version nibble becomes 7, and the rest – 74 random bits and the same RFC 9562 variant – is
 * kept. Built on `randomUUID` because Node draws its random bits from a cached pool there; asking
 * for 16 fresh bytes per id (`randomBytes`) cost a system call each, ~5 % of a submission on Node 20.
 */
export function uuidV7(now = Date.now(), v4: string = crypto.randomUUID()): string {
  const clock = now.toString(16).padStart(12, '0'); // 48 bits of milliseconds since 1970
  return `${clock.slice(0, 8)}-${clock.slice(8)}-7${v4.slice(15)}`;
}

/** A new row id: time-ordered, unique. */
export const newId: () => string = builtIn ? () => builtIn.call(crypto) : () => uuidV7();
