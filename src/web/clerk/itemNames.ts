// "Chỉ tiêu 16: Tỷ lệ cán bộ…" for an indicator or task id, as the clerk knows the rows.
import type { Catalogue } from '../../core/catalogue-types';
import { web } from '../../text/web';

const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function itemNames(catalogue: Catalogue): Map<string, string> {
  const names = new Map<string, string>();
  for (const i of catalogue.indicators) names.set(i.id, `${web.itemIndicator(i.no)}: ${short(i.text)}`);
  for (const t of catalogue.tasks) names.set(t.id, `${web.itemTask(t.no)}: ${short(t.text)}`);
  return names;
}
