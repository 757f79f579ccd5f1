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

/**
 * Reads the plan's identity. The issuer is the authority that signs the plan as printed in the
 * appendices' "(Ban hành kèm theo Kế hoạch số … của UBND tỉnh Nghệ An)" – the page's metadata says
 * only "Tỉnh Nghệ An" – falling back to the metadata when that line is missing.
 */
export function readDocument(lines: readonly string[], appendixPreamble: readonly string[]): DocumentReading {
  const meta = metadataTable(lines);
  const issues: Issue[] = [];
  const missing = (what: string): string => {
    issues.push({ code: 'import.missingMetadata', severity: 'warning', field: what, message: `Không đọc được ${what} của kế hoạch.` });
    return '';
  };
  const body = lines.join('\n');

  const number = meta.get('Số hiệu') ?? /Số:\s*(\S+\/[\p{L}-]+)/u.exec(body)?.[1] ?? missing('số hiệu');

  let issuedOn = '';
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(meta.get('Ngày ban hành') ?? '');
  const d2 = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(body);
  if (d) issuedOn = `${d[3]}-${pad(d[2])}-${pad(d[1])}`;
  else if (d2) issuedOn = `${d2[3]}-${pad(d2[2])}-${pad(d2[1])}`;
  else missing('ngày ban hành');

  const signer = meta.get('Người ký');

  // "Kế hoạch 1174/KH-UBND năm 2025 về chuyển đổi số tỉnh Nghệ An năm 2026" (the page title).
  const pageTitle = lines.find((l) => l.trim() !== '')?.trim() ?? '';
  const about = / về (.+)$/u.exec(pageTitle)?.[1];
  const title = about ? about.charAt(0).toLocaleUpperCase('vi') + about.slice(1) : missing('tên kế hoạch');
  const years = [...title.matchAll(/năm (\d{4})/gu)];
  const planYear = years.length > 0 ? Number(years[years.length - 1][1]) : Number(missing('năm kế hoạch') || 0);

  const issuerMeta = meta.get('Cơ quan ban hành');
  const province =
    /^tỉnh (.+)$/iu.exec(issuerMeta ?? '')?.[1] ?? /tỉnh (\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)*)/u.exec(title)?.[1] ?? missing('tên tỉnh');

  const attached = appendixPreamble.join(' ').replace(/\s+/gu, ' ');
  const issuer = /\bcủa ([^()]+?)\)?$/u.exec(attached)?.[1]?.trim() ?? issuerMeta ?? missing('cơ quan ban hành');

  return {
    document: { number, issuedOn, issuer, ...(signer ? { signer } : {}), title, planYear, province },
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
