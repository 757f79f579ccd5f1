// src/server/hash.ts: the content hash an approval is bound to – SHA-256 of the UTF-8 bytes, as hex,
// the same as the taskpane's and as every stored revision's (a different digest would make every
// approval of a stored revision fail its hash check).
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/server/hash';

describe('sha256Hex', () => {
  it.each([
    ['the empty text', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc" (FIPS 180-2 example)', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%s: the standard digest', (_name, text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it.each([
    ['Vietnamese, NFC', 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 70,5%'.normalize('NFC')],
    ['Vietnamese, NFD (a different text, a different digest)', 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 70,5%'.normalize('NFD')],
    ['characters beyond the basic plane', 'ghi chú 𝟙𝟚 – “trích dẫn”'],
    ['a report\'s canonical rows', JSON.stringify({ kind: 'indicators', rows: [{ id: 'CT01', value: 70.5, note: 'Đạt' }] })],
  ])('%s: the digest of its UTF-8 bytes', (_name, text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });
});
