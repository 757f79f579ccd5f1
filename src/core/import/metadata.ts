// The plan's identity – number, date, issuer, signer, title, year, province – read from the
// metadata table on top of the scraped page and from the document's own header lines.
import type { PlanDocument } from '../catalogue-types';
import type { Issue } from '../result';
import { slugify } from '../units';

/** "| Số hiệu | 1174/KH-UBND |" rows at the top of the page. */
export function metadataTable(lines: readonly string[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const line of lines.slice(0, 40)) {
    const m = /^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|$/u.exec(line.trim());
    if (m && !map.has(m[1])) map.set(m[1], m[2]);
  }
  return map;
}

const pad = (s: string): string => s.padStart(2, '0');

export interface DocumentReading {
  readonly document: PlanDocument;
  readonly issues: readonly Issue[];
}

const titleCase = (s: string): string =>
  s.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_m, sp: string, ch: string) => sp + ch.toLocaleUpperCase('vi'));

/** "UBND tỉnh Nghệ An", "Ủy ban nhân dân thành phố Cần Thơ", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → kind + name. */
const AUTHORITY = /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+(\p{L}+(?:\s+\p{L}+){0,3})/iu;

function authority(text: string): { kind: string; name: string } | null {
  const m = AUTHORITY.exec(text);
  if (!m) return null;
  // A name is one to four capitalised words; in an upper-case header every word is upper case.
  const words = m[2].split(/\s+/u);
  const allUpper = (w: string): boolean => w === w.toLocaleUpperCase('vi');
  const name: string[] = [];
  for (const w of words) {
    if (!/^\p{Lu}/u.test(w) || (name.length > 0 && allUpper(name[0]) !== allUpper(w))) break;
    name.push(w);
  }
  return name.length === 0 ? null : { kind: m[1].toLocaleLowerCase('vi'), name: titleCase(name.join(' ')) };
}

/**
 * The title: from a page title "Kế hoạch … về X", else the lines under the "KẾ HOẠCH" heading
 * (upper case is put back into sentence case, the province's name keeping its capitals).
 */
function readTitle(lines: readonly string[], province: string): { title: string; line: number } | null {
  // A page title comes first: only the lines above the document's own "KẾ HOẠCH" heading (the
  // "Căn cứ" list below it names other plans "Kế hoạch số … về …").
  const at = lines.findIndex((l) => /^KẾ HOẠCH$/u.test(l.trim().replace(/^[*_#]+\s*|[*_]+$/gu, '')));
  const firstLines = lines.slice(0, at < 0 ? 5 : Math.min(at, 40));
  for (let i = 0; i < firstLines.length; i++) {
    const about = /^Kế hoạch\b.*? về (.+)$/iu.exec(firstLines[i].trim());
    if (about) return { title: capitalise(about[1].trim()), line: i + 1 };
  }
  if (at < 0) return null;
  const parts: string[] = [];
  let upper = true;
  for (let i = at + 1; i < lines.length && parts.length < 4; i++) {
    const l = lines[i].trim().replace(/^[*_#]+|[*_]+$/gu, '').trim();
    if (l === '') {
      if (parts.length > 0) break;
      continue;
    }
    const isUpper = l === l.toLocaleUpperCase('vi');
    if (parts.length === 0) upper = isUpper;
    else if (!upper || !isUpper || /^[IVX]+\./u.test(l)) break;
    parts.push(l);
    if (!upper) break;
  }
  if (parts.length === 0) return null;
  let title = parts.join(' ').replace(/^về\s+/iu, '');
  if (upper) {
    title = title.toLocaleLowerCase('vi');
    if (province !== '') title = title.replace(province.toLocaleLowerCase('vi'), province);
  }
  return { title: capitalise(title), line: at + 2 };
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export interface DocumentHints {
  /** --year: the plan year when the title does not name it. */
  readonly year?: number;
}

/**
 * Reads the plan's identity. The issuer is the authority that signs the plan as printed in the
 * appendices' "(Ban hành kèm theo Kế hoạch số … của UBND tỉnh Nghệ An)" – the page's metadata says
 * only "Tỉnh Nghệ An" – falling back to the document's header ("ỦY BAN NHÂN DÂN TỈNH …") and
 * the metadata. A date or number split over two lines is read as one.
 */
export function readDocument(lines: readonly string[], appendixPreamble: readonly string[], hints: DocumentHints = {}): DocumentReading {
  const meta = metadataTable(lines);
  const issues: Issue[] = [];
  const missing = (what: string, flag = ''): string => {
    issues.push({
      code: 'import.missingMetadata',
      severity: 'warning',
      field: what,
      message: `Không đọc được ${what} của kế hoạch${flag === '' ? '' : `: hãy cho biết bằng ${flag}`}.`,
    });
    return '';
  };
  const body = lines.join('\n').replace(/[ \t]*\n[ \t]*/gu, ' ').replace(/\s+/gu, ' ');
  const attached = appendixPreamble.join(' ').replace(/\s+/gu, ' ');

  const number =
    meta.get('Số hiệu') ??
    /Số:\s*(\d+[^\s/]*\/[\p{L}\d&.-]+)/u.exec(body)?.[1] ??
    /Kế hoạch số:?\s*(\d+[^\s/]*\/[\p{L}\d&.-]+)/u.exec(attached)?.[1] ??
    missing('số hiệu');

  let issuedOn = '';
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(meta.get('Ngày ban hành') ?? '');
  const d2 = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(body) ?? /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(attached);
  if (d) issuedOn = `${d[3]}-${pad(d[2])}-${pad(d[1])}`;
  else if (d2) issuedOn = `${d2[3]}-${pad(d2[2])}-${pad(d2[1])}`;
  else missing('ngày ban hành');

  const signer = meta.get('Người ký');

  const issuerMeta = meta.get('Cơ quan ban hành');
  const fromMeta = /^(tỉnh|thành phố)\s+(.+)$/iu.exec(issuerMeta ?? '');
  const who =
    authority(attached) ??
    (fromMeta ? { kind: fromMeta[1].toLocaleLowerCase('vi'), name: fromMeta[2].trim() } : null) ??
    authority(body);
  const province = who?.name ?? '';

  const t = readTitle(lines, province);
  const title = t?.title ?? missing('tên kế hoạch');
  const years = [...title.matchAll(/năm (\d{4})/gu)];
  const planYear = hints.year ?? (years.length > 0 ? Number(years[years.length - 1][1]) : 0);
  if (planYear === 0) missing('năm kế hoạch', '--year');

  const provinceName = province !== '' ? province : /(?:tỉnh|thành phố) (\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*)/u.exec(title)?.[1] ?? missing('tên tỉnh');
  const issuer = /\bcủa ([^()]+?)\)?$/u.exec(attached)?.[1]?.trim() ?? (who ? `UBND ${who.kind} ${who.name}` : (issuerMeta ?? missing('cơ quan ban hành')));

  return {
    document: { number, issuedOn, issuer, ...(signer ? { signer } : {}), title, planYear, province: provinceName },
    issues,
  };
}

/**
 * A plan id from its identity: province, number, plan year.
 * @example derivePlanId({ province: 'Nghệ An', number: '1174/KH-UBND', planYear: 2026, … }) === 'nghe-an-1174-2026'
 */
export function derivePlanId(document: Pick<PlanDocument, 'province' | 'number' | 'planYear'>): string {
  return [slugify(document.province), slugify(document.number.split('/')[0]), String(document.planYear)].filter((s) => s !== '').join('-');
}
