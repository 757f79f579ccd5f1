// The fixed wording of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I; docs/domain.md §6):
// the place-and-date line, the agency lines, the symbol after "BC-", the signing authority – each
// filled in from the unit's kind (unit-kinds.ts) and the plan's own metadata (who issued it, where).
import type { PlanDocument, Unit } from '../catalogue-types';
import { periodLabel, type Period } from '../periods';
import type { ReportSignature } from './types';
import { unitKindOf, type UnitKind } from './unit-kinds';

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
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

/** The province's People's Committee and division, as the plan's metadata names them. */
export interface PlanAuthority {
  /** "Nghệ An". */
  readonly provinceName: string;
  /** "tỉnh Nghệ An", "thành phố Cần Thơ". */
  readonly province: string;
  /** "UBND tỉnh Nghệ An": the parent line of a department, the short form in running text. */
  readonly committee: string;
  /** "Ủy ban nhân dân tỉnh Nghệ An": the addressee written out. */
  readonly committeeFull: string;
  /** Who issued the plan, written out ("Ủy ban nhân dân tỉnh Nghệ An"; another body as the plan names it). */
  readonly issuerFull: string;
}

const COMMITTEE = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+(.+)$/iu;

/**
 * The plan's authority from its metadata: a plan issued by a People's Committee names its division
 * ("UBND thành phố Cần Thơ"); any other issuer leaves the committee as "UBND tỉnh <province>".
 * @example planAuthority({ issuer: 'UBND thành phố Cần Thơ', province: 'Cần Thơ', … }).committeeFull === 'Ủy ban nhân dân thành phố Cần Thơ'
 */
export function planAuthority(doc: Pick<PlanDocument, 'issuer' | 'province'>): PlanAuthority {
  const m = COMMITTEE.exec(doc.issuer.normalize('NFC').trim());
  const division = m ? m[1].toLocaleLowerCase('vi') : 'tỉnh';
  const province = `${division} ${doc.province}`;
  const committeeFull = `Ủy ban nhân dân ${province}`;
  return { provinceName: doc.province, province, committee: `UBND ${province}`, committeeFull, issuerFull: m ? committeeFull : doc.issuer };
}

const initials = (s: string): string => s
  .normalize('NFC')
  .split(/[\s,;()&-]+/u)
  .filter((w) => w !== '' && !SMALL_WORDS.has(w.toLocaleLowerCase('vi')))
  .map((w) => (/^[A-ZĐ]{2,}$/u.test(w) ? w : w[0]))
  .join('');
const SMALL_WORDS = new Set(['và', 'của']);
/** Symbols are Latin capitals (Đ kept, as in "SGDĐT"). */
const plainUpper = (s: string): string => upper(s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC'));

/** "Xã Quỳnh Lưu" → "Quỳnh Lưu"; a numbered ward keeps its word ("Phường 1"). */
function communePlace(name: string): string {
  const rest = name.normalize('NFC').trim().replace(/^(xã|phường|đặc khu)\s+/iu, '');
  return /^\d/u.test(rest) ? name.trim() : rest;
}

function fill(template: string, unit: Unit, a: PlanAuthority): string {
  const named = /\s(tỉnh|thành phố)$/iu.test(unit.name.trim()) ? `${unit.name.trim()} ${a.provinceName}` : unit.name.trim();
  return template
    .replaceAll('{name+province}', named)
    .replaceAll('{name}', unit.name.trim())
    .replaceAll('{committee}', a.committee)
    .replaceAll('{provinceName}', a.provinceName)
    .replaceAll('{provinceInitials}', plainUpper(initials(a.provinceName)))
    .replaceAll('{province}', a.province);
}

/** What the header, place and signature of one unit's report say. */
export interface UnitForm {
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly agency: string;
  readonly symbol: string;
  readonly place: string;
}

/**
 * The form of the report a unit issues.
 * @example unitForm({ name: 'Công an tỉnh', … }, planAuthority(doc)) // { parent: 'BỘ CÔNG AN', agency: 'CÔNG AN TỈNH NGHỆ AN', symbol: 'CAT-PV01', place: 'Nghệ An' }
 */
export function unitForm(unit: Unit, a: PlanAuthority): UnitForm {
  const kind = unitKindOf(unit);
  return {
    kind,
    parent: kind.parent === null ? null : upper(fill(kind.parent, unit, a)),
    agency: upper(fill(kind.agency, unit, a)),
    symbol: kind.symbol === 'initials' ? plainUpper(initials(unit.name)) : fill(kind.symbol, unit, a),
    place: kind.place === 'commune' ? communePlace(unit.name) : a.provinceName,
  };
}

/** "head" signs as head of the unit; "deputy" signs on the head's behalf (KT.). */
export type SigningAs = 'head' | 'deputy';

/**
 * The signature block: "TM." for a collective body, "KT." for a deputy, then the signer's title.
 * @example signatureOf(kindOf('Xã Anh Sơn'), 'deputy') // { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', … }
 */
export function signatureOf(kind: Pick<UnitKind, 'collective' | 'head' | 'deputy'>, as: SigningAs, name?: string): ReportSignature {
  const signer = name?.trim() || '……………………………';
  const authority = [
    ...(kind.collective ? [`TM. ${upper(kind.collective)}`] : []),
    ...(as === 'deputy' ? [`KT. ${upper(kind.head)}`] : []),
  ];
  return { authority, title: upper(as === 'head' ? kind.head : kind.deputy), name: signer };
}

/**
 * The period as it follows "năm 2026" in a title, so the year is not said twice.
 * @example periodInYear({ code: 'Q1', year: 2026 }) === 'quý I'; periodInYear({ code: 'Y', … }) === null
 */
export function periodInYear(period: Pick<Period, 'code'>): string | null {
  switch (period.code) {
    case 'Q1': return 'quý I';
    case 'Q2': return 'quý II';
    case 'Q3': return 'quý III';
    case 'Q4': return 'quý IV';
    case 'H1': return '6 tháng đầu năm';
    case '9M': return '9 tháng';
    case 'Y': return null;
  }
}

/**
 * The trích yếu: what, then the plan by its own title, then the period – the year said once
 * ("… năm 2026, quý I", never "… năm 2026, quý I năm 2026").
 * @example planSubject('Kết quả thực hiện', doc, { code: 'Q1', year: 2026 }) === 'Kết quả thực hiện Kế hoạch chuyển đổi số tỉnh Nghệ An năm 2026, quý I'
 */
export function planSubject(what: string, doc: Pick<PlanDocument, 'title' | 'planYear'>, period: Period): string {
  // The title as the importer reads it ("Chuyển đổi số tỉnh Nghệ An năm 2026"); a leading "Kế hoạch" is not said twice.
  const title = lowerFirst(doc.title.trim().replace(/^kế hoạch\s+/iu, ''));
  const withYear = title.includes(String(doc.planYear)) ? title : `${title} năm ${doc.planYear}`;
  const inYear = period.year === doc.planYear ? periodInYear(period) : lowerFirst(periodLabel(period));
  return `${what} Kế hoạch ${withYear}${inYear ? `, ${inYear}` : ''}`;
}

