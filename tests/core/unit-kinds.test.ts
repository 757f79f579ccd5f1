// The official form per kind of issuing unit (src/core/report/unit-kinds.ts), over every unit of
// every catalogue in seeds/ and the sample communes: none falls back to "other", each prints the
// header lines, symbol, place and signer's title of its kind (Nghị định 30/2020, Phụ lục I).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Unit } from '../../src/core/catalogue-types';
import { parseUnitsCsv } from '../../src/core/units';
import { planAuthority, signatureOf, unitForm, unitKindOf, upper, UNIT_KINDS, type UnitKindId } from '../../src/core/report';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const catalogues: Catalogue[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.review.json'))
  .map((f) => JSON.parse(readFileSync(join(SEEDS, f), 'utf8')) as Catalogue);
const communes = (() => {
  const r = parseUnitsCsv(readFileSync(join(SEEDS, 'sample-communes.csv'), 'utf8'));
  if (!r.ok) throw new Error('sample-communes.csv');
  return r.value;
})();
const everyUnit: [string, Unit, Catalogue][] = catalogues.flatMap((c) => [...c.units, ...communes].map((u) => [`${c.planId}: ${u.name}`, u, c] as [string, Unit, Catalogue]));

describe('every unit of the plans is of a known kind', () => {
  it('there are catalogues and units to check', () => {
    expect(catalogues.length).toBeGreaterThan(0);
    expect(everyUnit.length).toBeGreaterThan(20);
  });

  it.each(everyUnit)('%s', (_name, unit, catalogue) => {
    const form = unitForm(unit, planAuthority(catalogue.document));
    expect(form.kind.id).not.toBe('other');
    // Symbols are Latin capitals, digits and hyphens (Đ allowed, as in SGDĐT).
    expect(form.symbol).toMatch(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u);
    expect(form.agency).toBe(upper(form.agency));
    if (form.parent !== null) expect(form.parent).toBe(upper(form.parent));
  });

  it('every lead and monitoring unit the plans name is in the directory (so it is classified above)', () => {
    for (const c of catalogues) {
      const ids = new Set(c.units.map((u) => u.id));
      const refs = [...c.indicators.flatMap((i) => i.lead), ...c.tasks.flatMap((t) => [...t.lead, ...t.monitor])];
      for (const ref of refs) if (ref.kind === 'unit') expect(ids).toContain(ref.unitId);
    }
  });
});

/** What each kind prints for Nghệ An; every kind but the fallback has at least one real unit above. */
const NGHE_AN = planAuthority({ issuer: 'UBND tỉnh Nghệ An', province: 'Nghệ An' });
const EXPECTED: [UnitKindId, string, { parent: string | null; agency: string; symbol: string; place: string; head: string; deputy: string[] }][] = [
  ['commune', 'Xã Quỳnh Lưu', { parent: null, agency: 'ỦY BAN NHÂN DÂN\nXÃ QUỲNH LƯU', symbol: 'UBND', place: 'Quỳnh Lưu', head: 'CHỦ TỊCH', deputy: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] }],
  ['commune', 'Phường Vinh Hưng', { parent: null, agency: 'ỦY BAN NHÂN DÂN\nPHƯỜNG VINH HƯNG', symbol: 'UBND', place: 'Vinh Hưng', head: 'CHỦ TỊCH', deputy: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] }],
  ['department', 'Sở Khoa học và Công nghệ', { parent: 'UBND TỈNH NGHỆ AN', agency: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', symbol: 'SKHCN', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
  ['department', 'Sở Giáo dục và Đào tạo', { parent: 'UBND TỈNH NGHỆ AN', agency: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', symbol: 'SGDĐT', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
  ['committeeOffice', 'Văn phòng UBND tỉnh', { parent: 'UBND TỈNH NGHỆ AN', agency: 'VĂN PHÒNG', symbol: 'VPUB', place: 'Nghệ An', head: 'CHÁNH VĂN PHÒNG', deputy: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'] }],
  ['managementBoard', 'Ban Quản lý Khu kinh tế Đông Nam Nghệ An', { parent: 'UBND TỈNH NGHỆ AN', agency: 'BAN QUẢN LÝ KHU KINH TẾ ĐÔNG NAM NGHỆ AN', symbol: 'BQL', place: 'Nghệ An', head: 'TRƯỞNG BAN', deputy: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'] }],
  ['pressAgency', 'Báo và Đài PTTH tỉnh', { parent: 'UBND TỈNH NGHỆ AN', agency: 'BÁO VÀ PHÁT THANH, TRUYỀN HÌNH NGHỆ AN', symbol: 'BPTTH', place: 'Nghệ An', head: 'TỔNG BIÊN TẬP', deputy: ['KT. TỔNG BIÊN TẬP', 'PHÓ TỔNG BIÊN TẬP'] }],
  ['portal', 'Cổng Thông tin điện tử tỉnh', { parent: 'VĂN PHÒNG UBND TỈNH NGHỆ AN', agency: 'CỔNG THÔNG TIN ĐIỆN TỬ', symbol: 'CTTĐT', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
  ['councilOffice', 'Hội đồng nhân dân tỉnh', { parent: 'ĐOÀN ĐBQH VÀ HĐND TỈNH NGHỆ AN', agency: 'VĂN PHÒNG', symbol: 'VP', place: 'Nghệ An', head: 'CHÁNH VĂN PHÒNG', deputy: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'] }],
  ['provincialPolice', 'Công an tỉnh', { parent: 'BỘ CÔNG AN', agency: 'CÔNG AN TỈNH NGHỆ AN', symbol: 'CAT-PV01', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
  ['militaryCommand', 'Bộ Chỉ huy Quân sự tỉnh', { parent: 'QUÂN KHU 4', agency: 'BỘ CHỈ HUY QUÂN SỰ TỈNH NGHỆ AN', symbol: 'BCH', place: 'Nghệ An', head: 'CHỈ HUY TRƯỞNG', deputy: ['KT. CHỈ HUY TRƯỞNG', 'PHÓ CHỈ HUY TRƯỞNG'] }],
  ['stateBankBranch', 'Ngân hàng Nhà nước Chi nhánh Khu vực 8', { parent: 'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM', agency: 'NGÂN HÀNG NHÀ NƯỚC CHI NHÁNH KHU VỰC 8', symbol: 'NHNN', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
  ['statisticsOffice', 'Thống kê tỉnh', { parent: 'CỤC THỐNG KÊ', agency: 'THỐNG KÊ TỈNH NGHỆ AN', symbol: 'TK', place: 'Nghệ An', head: 'TRƯỞNG THỐNG KÊ TỈNH', deputy: ['KT. TRƯỞNG THỐNG KÊ TỈNH', 'PHÓ TRƯỞNG THỐNG KÊ TỈNH'] }],
  ['powerCompany', 'Điện lực Nghệ An', { parent: 'TỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC', agency: 'CÔNG TY ĐIỆN LỰC NGHỆ AN', symbol: 'PCNA', place: 'Nghệ An', head: 'GIÁM ĐỐC', deputy: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] }],
];

describe('the form of each kind (Nghệ An)', () => {
  it('the table of expectations covers every kind but the fallback', () => {
    expect(new Set(EXPECTED.map(([k]) => k))).toEqual(new Set(UNIT_KINDS.map((k) => k.id).filter((k) => k !== 'other')));
  });

  it.each(EXPECTED)('%s: %s', (kind, name, want) => {
    const unit: Unit = { id: 'x', name, classes: [], ...(kind === 'commune' ? { level: 'commune' as const } : {}) };
    const form = unitForm(unit, NGHE_AN);
    expect(form.kind.id).toBe(kind);
    expect({ parent: form.parent, agency: form.agency, symbol: form.symbol, place: form.place }).toEqual({ parent: want.parent, agency: want.agency, symbol: want.symbol, place: want.place });
    const head = signatureOf(form.kind, 'head', 'Nguyễn Văn A');
    const deputy = signatureOf(form.kind, 'deputy');
    expect([...head.authority, head.title]).toEqual(kind === 'commune' ? ['TM. ỦY BAN NHÂN DÂN', want.head] : [want.head]);
    expect(head.name).toBe('Nguyễn Văn A');
    expect([...deputy.authority, deputy.title]).toEqual(want.deputy);
  });

  it.each([
    ['Xã Quỳnh Lưu', 'Quỳnh Lưu'], ['Phường Trường Vinh', 'Trường Vinh'], ['Đặc khu Côn Đảo', 'Côn Đảo'], ['Phường 1', 'Phường 1'], ['xã Anh Sơn', 'Anh Sơn'],
  ])('a commune dates its report at its own name: %s → %s', (name, place) => {
    expect(unitForm({ id: 'x', name, classes: [], level: 'commune' }, NGHE_AN).place).toBe(place);
  });

  it('a commune loaded without a level is still read as a commune by its name', () => {
    expect(unitKindOf({ name: 'Phường Vinh Hưng' }).id).toBe('commune');
  });
});

describe('the plan’s authority comes from its metadata', () => {
  it.each([
    ['UBND tỉnh Nghệ An', 'Nghệ An', 'UBND tỉnh Nghệ An', 'Ủy ban nhân dân tỉnh Nghệ An', 'Ủy ban nhân dân tỉnh Nghệ An'],
    ['UBND thành phố Cần Thơ', 'Cần Thơ', 'UBND thành phố Cần Thơ', 'Ủy ban nhân dân thành phố Cần Thơ', 'Ủy ban nhân dân thành phố Cần Thơ'],
    ['Ủy ban nhân dân Thành phố Huế', 'Huế', 'UBND thành phố Huế', 'Ủy ban nhân dân thành phố Huế', 'Ủy ban nhân dân thành phố Huế'],
    ['Ban Chỉ đạo chuyển đổi số tỉnh Hà Tĩnh', 'Hà Tĩnh', 'UBND tỉnh Hà Tĩnh', 'Ủy ban nhân dân tỉnh Hà Tĩnh', 'Ban Chỉ đạo chuyển đổi số tỉnh Hà Tĩnh'],
  ])('%s', (issuer, province, committee, committeeFull, issuerFull) => {
    expect(planAuthority({ issuer, province })).toMatchObject({ committee, committeeFull, issuerFull });
  });

  it('a city’s department sits under its city committee, its police is the city’s', () => {
    const city = planAuthority({ issuer: 'UBND thành phố Cần Thơ', province: 'Cần Thơ' });
    expect(unitForm({ id: 'x', name: 'Sở Y tế', classes: [] }, city)).toMatchObject({ parent: 'UBND THÀNH PHỐ CẦN THƠ', place: 'Cần Thơ' });
    expect(unitForm({ id: 'x', name: 'Công an thành phố', classes: [] }, city)).toMatchObject({ agency: 'CÔNG AN THÀNH PHỐ CẦN THƠ' });
  });
});
