// The fixed wording of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I; docs/domain.md §6):
// the place-and-date line, the agency lines, the symbol after "BC-", the signing authority.
import type { Unit } from '../catalogue-types';
import type { ReportSignature } from './types';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The place-and-date line. Days below 10 and months 1–2 take a leading zero (so "tháng 01",
 * "tháng 02" but "tháng 3"), as the decree prescribes to keep the date from being altered.
 * @example placeDateLine('Nghệ An', '2026-01-05') === 'Nghệ An, ngày 05 tháng 01 năm 2026'
 * @example placeDateLine('Nghệ An', '2026-04-15') === 'Nghệ An, ngày 15 tháng 4 năm 2026'
 */
export function placeDateLine(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`placeDateLine: a date YYYY-MM-DD is required, got ${isoDate}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return `${place}, ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : String(month)} năm ${year}`;
}

/** Vietnamese upper case (toUpperCase keeps the diacritics: "Sở Y tế" → "SỞ Y TẾ"). */
export const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

const isCommune = (unit: Unit): boolean => unit.level === 'commune' || /^(xã|phường)\s/iu.test(unit.name);

/**
 * The agency lines of the header: a provincial agency sits under "UBND TỈNH …"; a commune or ward
 * issues as its own People's Committee (two-tier local government since 2025: no district above).
 * @example agencyLines({ name: 'Sở Y tế', … }, 'Nghệ An') // { parent: 'UBND TỈNH NGHỆ AN', agency: 'SỞ Y TẾ' }
 */
export function agencyLines(unit: Unit, province: string): { parent: string | null; agency: string } {
  if (isCommune(unit)) return { parent: null, agency: upper(`Ủy ban nhân dân ${unit.name}`) };
  return { parent: upper(`UBND tỉnh ${province}`), agency: upper(unit.name) };
}

const SMALL_WORDS = new Set(['và', 'của']);

/**
 * The issuing unit's symbol after "BC-": initials of the name's words ("Sở Khoa học và Công nghệ" →
 * "SKHCN"); communes and wards use "UBND" as their committee does.
 * @example unitSymbol({ name: 'Sở Nội vụ', … }) === 'SNV'
 */
export function unitSymbol(unit: Unit): string {
  if (isCommune(unit)) return 'UBND';
  const letters = unit.name
    .normalize('NFC')
    .split(/[\s,;()-]+/u)
    .filter((w) => w !== '' && !SMALL_WORDS.has(w.toLocaleLowerCase('vi')))
    .map((w) => (/^[A-ZĐ]{2,}$/u.test(w) ? w : w[0]));
  return upper(letters.join('').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'Đ'));
}

/** "head" signs as head of the unit; "deputy" signs on the head's behalf (KT.). */
export type SigningAs = 'head' | 'deputy';

/**
 * The signature block's authority and title. A commune's committee is a collective body, so its
 * chair signs "TM."; a department head signs in their own right, a deputy "KT.".
 * @example signatureOf({ name: 'Sở Y tế', … }, 'deputy') // { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', … }
 */
export function signatureOf(unit: Unit, as: SigningAs, name?: string): ReportSignature {
  const signer = name?.trim() || '……………………………';
  if (isCommune(unit)) {
    return { authority: 'TM. ỦY BAN NHÂN DÂN', title: as === 'head' ? 'CHỦ TỊCH' : 'PHÓ CHỦ TỊCH', name: signer };
  }
  const head = /^văn phòng/iu.test(unit.name) ? 'CHÁNH VĂN PHÒNG' : /^(sở|công an|bộ chỉ huy)/iu.test(unit.name) ? 'GIÁM ĐỐC' : 'THỦ TRƯỞNG';
  const deputy = head === 'CHÁNH VĂN PHÒNG' ? 'PHÓ CHÁNH VĂN PHÒNG' : `PHÓ ${head}`;
  return as === 'head' ? { authority: null, title: head, name: signer } : { authority: `KT. ${head}`, title: deputy, name: signer };
}
