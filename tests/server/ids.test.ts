// src/server/ids.ts: the server's row ids are UUID version 7 – time-ordered, so rows created one
// after another sit side by side in their indexes – whether Node builds them (24) or we do (20, 22).
import crypto from 'node:crypto';
import { z } from 'zod';
import { newId, uuidV7 } from '../../src/server/ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millis = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('row ids', () => {
  it.each([
    ['the epoch, every random bit zero', 0, '00000000-0000-4000-8000-000000000000'],
    ['a date in the plan\'s year, every bit set', Date.UTC(2026, 10, 30, 9, 47, 0, 123), 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
    ['the last millisecond 48 bits hold', 2 ** 48 - 1, '0123abcd-4567-4e89-9abc-def012345678'],
    ['a fresh version 4 UUID', Date.UTC(2026, 0, 1), crypto.randomUUID()],
  ])('our own build: %s – version 7, RFC 9562 variant, the clock in the first 48 bits', (_name, now, v4) => {
    const id = uuidV7(now, v4);
    expect(id).toMatch(V7);
    expect(millis(id)).toBe(now);
    // The random bits (and the variant) are kept; the version 4 id's first 48 bits are not.
    const hex = id.replace(/-/g, '');
    expect(hex.slice(13)).toBe(v4.replace(/-/g, '').slice(13));
    expect(hex.slice(0, 12)).toBe(now.toString(16).padStart(12, '0'));
  });

  it('new ids: version 7, unique, accepted as UUIDs by the API contract, ordered by creation across milliseconds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(newId(), newId());
      await new Promise((r) => setTimeout(r, 2));
    }
    for (const id of ids) {
      expect(id).toMatch(V7);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const firsts = ids.filter((_, i) => i % 2 === 0);
    expect([...firsts].sort()).toEqual(firsts);
    expect(Math.abs(millis(ids[0]) - Date.now())).toBeLessThan(5_000);
  });

  it('our build and Node\'s agree on the layout where Node has one', () => {
    const node = (crypto as { randomUUIDv7?: () => string }).randomUUIDv7;
    const ours = uuidV7();
    expect(ours).toMatch(V7);
    if (node) {
      const theirs = node.call(crypto);
      expect(theirs).toMatch(V7);
      expect(Math.abs(millis(theirs) - millis(ours))).toBeLessThan(1_000);
    }
  });
});
