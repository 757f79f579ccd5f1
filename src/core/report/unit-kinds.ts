// The official form of a report per kind of issuing unit: header lines, number symbol, place in the
// date line and the signer's title. Source of truth: Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức)
// and Phụ lục III (viết tắt tên loại văn bản: BC), reviewed unit by unit against the plan's unit
// list (docs/domain.md §6, "Kinds of issuing unit"). Pure data: the wording code only fills it in.
//
// Placeholders in the templates: {name} the unit's name as the directory holds it; {name+province}
// the same with the province's name after a trailing "tỉnh" ("Công an tỉnh" → "Công an tỉnh Nghệ
// An"); {committee} the province's People's Committee ("UBND tỉnh Nghệ An", from the plan's
// metadata); {province} the division and name ("tỉnh Nghệ An"); {provinceName} the name alone;
// {provinceInitials} its initials ("NA", for a symbol such as "PCNA").

export type UnitKindId =
  | 'commune'
  | 'department'
  | 'committeeOffice'
  | 'managementBoard'
  | 'pressAgency'
  | 'portal'
  | 'councilOffice'
  | 'provincialPolice'
  | 'militaryCommand'
  | 'stateBankBranch'
  | 'statisticsOffice'
  | 'powerCompany'
  | 'other';

export interface UnitKind {
  readonly id: UnitKindId;
  /** What the kind is, in Vietnamese (docs, review). */
  readonly label: string;
  /** The unit's name (NFC) matches: the first kind of the table that matches wins. */
  readonly matches: RegExp;
  /** Cơ quan chủ quản trực tiếp, upper-cased when printed; null when the unit has none (a People's Committee). */
  readonly parent: string | null;
  /** Tên cơ quan ban hành, upper-cased when printed; "\n" where it is broken over two lines. */
  readonly agency: string;
  /** After "BC-" in "Số: …/BC-…" (a template); 'initials' takes the initials of the unit's name ("SKHCN"). */
  readonly symbol: string;
  /** The place in the date line: the province, or the commune's own name (Phụ lục I, mục 5). */
  readonly place: 'province' | 'commune';
  /** A collective body: its head signs "TM." for it (a People's Committee). */
  readonly collective: string | null;
  /** The head's title and the deputy's ("KT. <head>" over "<deputy>"). */
  readonly head: string;
  readonly deputy: string;
}

/** In order: a name is read by the first kind that matches. */
export const UNIT_KINDS: readonly UnitKind[] = [
  {
    id: 'commune', label: 'UBND xã, phường, đặc khu',
    matches: /^(xã|phường|đặc khu)\s/iu,
    parent: null, agency: 'Ủy ban nhân dân\n{name}', symbol: 'UBND', place: 'commune',
    collective: 'Ủy ban nhân dân', head: 'Chủ tịch', deputy: 'Phó Chủ tịch',
  },
  {
    id: 'department', label: 'Sở (cơ quan chuyên môn thuộc UBND tỉnh)',
    matches: /^sở\s/iu,
    parent: '{committee}', agency: '{name}', symbol: 'initials', place: 'province',
    collective: null, head: 'Giám đốc', deputy: 'Phó Giám đốc',
  },
  {
    id: 'committeeOffice', label: 'Văn phòng UBND tỉnh',
    matches: /^văn phòng (ubnd|ủy ban nhân dân)(?=\s|$)/iu,
    parent: '{committee}', agency: 'Văn phòng', symbol: 'VPUB', place: 'province',
    collective: null, head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng',
  },
  {
    id: 'managementBoard', label: 'Ban Quản lý khu kinh tế (cơ quan thuộc UBND tỉnh)',
    matches: /^ban quản lý\s/iu,
    parent: '{committee}', agency: '{name}', symbol: 'BQL', place: 'province',
    collective: null, head: 'Trưởng ban', deputy: 'Phó Trưởng ban',
  },
  {
    // Báo và Phát thanh, Truyền hình tỉnh (merged 2025): a public unit of UBND tỉnh, led by its Tổng Biên tập.
    id: 'pressAgency', label: 'Báo và Phát thanh, Truyền hình tỉnh',
    matches: /^báo\s/iu,
    parent: '{committee}', agency: 'Báo và Phát thanh, Truyền hình {provinceName}', symbol: 'BPTTH', place: 'province',
    collective: null, head: 'Tổng Biên tập', deputy: 'Phó Tổng Biên tập',
  },
  {
    // Run by the Văn phòng UBND tỉnh, which issues for it.
    id: 'portal', label: 'Cổng Thông tin điện tử tỉnh',
    matches: /^cổng thông tin điện tử\s/iu,
    parent: 'Văn phòng {committee}', agency: 'Cổng Thông tin điện tử', symbol: 'CTTĐT', place: 'province',
    collective: null, head: 'Giám đốc', deputy: 'Phó Giám đốc',
  },
  {
    // The plan names the council; its office (Văn phòng Đoàn ĐBQH và HĐND tỉnh) reports for it.
    id: 'councilOffice', label: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    matches: /^(hội đồng nhân dân|hđnd|văn phòng đoàn)(?=\s|$)/iu,
    parent: 'Đoàn ĐBQH và HĐND {province}', agency: 'Văn phòng', symbol: 'VP', place: 'province',
    collective: null, head: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng',
  },
  {
    // Under Bộ Công an, not UBND tỉnh; its staff office (Phòng Tham mưu, PV01) keeps the register.
    id: 'provincialPolice', label: 'Công an tỉnh',
    matches: /^công an (tỉnh|thành phố)(?=\s|$)/iu,
    parent: 'Bộ Công an', agency: '{name+province}', symbol: 'CAT-PV01', place: 'province',
    collective: null, head: 'Giám đốc', deputy: 'Phó Giám đốc',
  },
  {
    // Under Quân khu 4 (Bộ Quốc phòng); led by the Chỉ huy trưởng.
    id: 'militaryCommand', label: 'Bộ Chỉ huy Quân sự tỉnh',
    matches: /^bộ chỉ huy quân sự\s/iu,
    parent: 'Quân khu 4', agency: '{name+province}', symbol: 'BCH', place: 'province',
    collective: null, head: 'Chỉ huy trưởng', deputy: 'Phó Chỉ huy trưởng',
  },
  {
    // Since 2025 the State Bank has regional branches; Khu vực 8 serves the province.
    id: 'stateBankBranch', label: 'Ngân hàng Nhà nước chi nhánh khu vực',
    matches: /^ngân hàng nhà nước(?=\s|$)/iu,
    parent: 'Ngân hàng Nhà nước Việt Nam', agency: '{name}', symbol: 'NHNN', place: 'province',
    collective: null, head: 'Giám đốc', deputy: 'Phó Giám đốc',
  },
  {
    // Since 2025 "Thống kê tỉnh" under Cục Thống kê (Bộ Tài chính), replacing Cục Thống kê tỉnh.
    id: 'statisticsOffice', label: 'Thống kê tỉnh (thuộc Cục Thống kê)',
    matches: /^(thống kê|cục thống kê|chi cục thống kê)\s/iu,
    parent: 'Cục Thống kê', agency: '{name+province}', symbol: 'TK', place: 'province',
    collective: null, head: 'Trưởng Thống kê tỉnh', deputy: 'Phó Trưởng Thống kê tỉnh',
  },
  {
    // Công ty Điện lực (PC) of the province, under Tổng công ty Điện lực miền Bắc (EVNNPC).
    id: 'powerCompany', label: 'Công ty Điện lực tỉnh',
    matches: /^(công ty )?điện lực\s/iu,
    parent: 'Tổng công ty Điện lực miền Bắc', agency: 'Công ty Điện lực {provinceName}', symbol: 'PC{provinceInitials}', place: 'province',
    collective: null, head: 'Giám đốc', deputy: 'Phó Giám đốc',
  },
  {
    // Anything else: its own name, no parent line, signed by its head ("Thủ trưởng").
    id: 'other', label: 'Cơ quan, đơn vị khác',
    matches: /^/u,
    parent: null, agency: '{name}', symbol: 'initials', place: 'province',
    collective: null, head: 'Thủ trưởng', deputy: 'Phó Thủ trưởng',
  },
];

/**
 * The kind of an issuing unit, by its name; a unit of level "commune" is a commune whatever its name.
 * @example unitKindOf({ name: 'Công an tỉnh' }).head === 'Giám đốc'
 */
export function unitKindOf(unit: { readonly name: string; readonly level?: string }): UnitKind {
  if (unit.level === 'commune') return UNIT_KINDS[0];
  const name = unit.name.normalize('NFC').trim();
  return UNIT_KINDS.find((k) => k.matches.test(name)) ?? UNIT_KINDS[UNIT_KINDS.length - 1];
}
