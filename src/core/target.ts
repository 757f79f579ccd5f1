// The target grammar of Phụ lục 01 ("Mục tiêu 2026"). Source of truth: docs/domain.md §2.
import type { Target } from './catalogue-types';
import { fail, ok, type Result } from './result';

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d+)?)`;
/** "≥ 70%", ">= 70 %", "> 60%", "95%", "100% đối với …". */
const THRESHOLD = new RegExp(String.raw`^(≥|>=|=>|>)?\s*${NUMBER}\s*%\s*(.*)$`, 'u');
/** "50-80%", "50 – 80 %", "50%-80%". */
const BAND = new RegExp(String.raw`^${NUMBER}\s*%?\s*[-–—]\s*${NUMBER}\s*%$`, 'u');

const WORDS: Readonly<Record<string, Target>> = {
  'hoàn thành': { kind: 'complete' },
  có: { kind: 'exists' },
  'ứng dụng': { kind: 'applied' },
};

const toNumber = (s: string): number => Number(s.replace(',', '.'));

function unknown(text: string, why = ''): Result<Target> {
  return fail({
    code: 'target.unknown',
    severity: 'error',
    field: 'target',
    message: `Không đọc được mục tiêu "${text}"${why}: cần dạng "≥ 70%", "> 60%", "95%", "50-80%", "Hoàn thành", "Có" hoặc "Ứng dụng".`,
  });
}

/**
 * Reads a "Mục tiêu 2026" cell. Never throws; an unknown form is an issue, never a silent "met".
 * @example parseTarget('≥ 70%') // ok { kind: 'atLeast', value: 70, explicit: true }
 * @example parseTarget('100% đối với các thủ tục đủ điều kiện') // atLeast 100, qualifier "đối với …"
 */
export function parseTarget(text: string): Result<Target> {
  if (typeof text !== 'string') return unknown(String(text));
  const s = text.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
  const word = WORDS[s.toLowerCase().replace(/[.;]+$/u, '')];
  if (word) return ok(word);

  const band = BAND.exec(s);
  if (band) {
    const min = toNumber(band[1]);
    const max = toNumber(band[2]);
    if (!(min <= max) || max > 100) return unknown(text, ' (khoảng không hợp lệ)');
    return ok({ kind: 'band', min, max });
  }

  const m = THRESHOLD.exec(s);
  if (!m) return unknown(text);
  const value = toNumber(m[2]);
  if (!Number.isFinite(value) || value > 100) return unknown(text, ' (tỷ lệ phải từ 0 đến 100%)');
  const qualifier = m[3].trim();
  // A trailing word that is not a scope ("đối với …", "trong …") is not a form we know.
  if (qualifier !== '' && !/^\p{L}/u.test(qualifier)) return unknown(text);
  const q = qualifier === '' ? {} : { qualifier };
  if (m[1] === '>') return ok({ kind: 'greaterThan', value, ...q });
  return ok({ kind: 'atLeast', value, explicit: m[1] !== undefined, ...q });
}

const pct = (n: number): string => `${String(n).replace('.', ',')}%`;

/**
 * Back to the plan's wording, for templates and reports.
 * @example formatTarget({ kind: 'band', min: 50, max: 80 }) === '50-80%'
 */
export function formatTarget(target: Target): string {
  switch (target.kind) {
    case 'atLeast': {
      const base = target.explicit ? `≥ ${pct(target.value)}` : pct(target.value);
      return target.qualifier ? `${base} ${target.qualifier}` : base;
    }
    case 'greaterThan':
      return target.qualifier ? `> ${pct(target.value)} ${target.qualifier}` : `> ${pct(target.value)}`;
    case 'band':
      return `${String(target.min).replace('.', ',')}-${pct(target.max)}`;
    case 'complete':
      return 'Hoàn thành';
    case 'exists':
      return 'Có';
    case 'applied':
      return 'Ứng dụng';
    case 'manual':
      return target.text;
    default: {
      const never: never = target;
      throw new Error(`Unexpected target: ${JSON.stringify(never)}`);
    }
  }
}
