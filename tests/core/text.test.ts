import { fold, nfc, tidy, tidyOrNull } from '../../src/core/text';

describe('text folding (docs/domain.md §6)', () => {
  const nfd = (s: string) => s.normalize('NFD');

  it('NFC makes a Mac-typed word equal the Windows-typed one', () => {
    expect(nfd('Hoàn thành')).not.toBe('Hoàn thành');
    expect(nfc(nfd('Hoàn thành'))).toBe('Hoàn thành');
  });

  it.each([
    ['  Đã  hoàn\u00a0thành ', 'Đã hoàn thành'],
    ['\tCó\n', 'Có'],
    ['', ''],
  ])('tidy(%j) = %j', (input, expected) => {
    expect(tidy(input)).toBe(expected);
  });

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    [' \u00a0\t\n\u200b ', null],
    ['\u0000', null],
    [`  ${nfd('Đã  hoàn')}\u00a0thành `, 'Đã hoàn thành'],
  ])('tidyOrNull(%j) = %j: the stored form of free text, null when nothing is left', (input, expected) => {
    expect(tidyOrNull(input)).toBe(expected);
  });

  it.each([
    [' ĐANG triển khai (Đúng tiến độ) ', 'đang triển khai đúng tiến độ'],
    ['đang triển khai(đúng tiến độ)', 'đang triển khai đúng tiến độ'],
    ['Đang triển khai - đúng tiến độ', 'đang triển khai đúng tiến độ'],
    [nfd('CHẬM TIẾN ĐỘ'), 'chậm tiến độ'],
    ['Không.', 'không'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps diacritics: "Co" is not "Có"', () => {
    expect(fold('Co')).not.toBe(fold('Có'));
  });
});
