// A synthetic catalogue of `n` indicators made by repeating the real ones with distinct ids
// ("ct-01~2" …), for measuring what happens at 500 rows (schemas.ts LIMITS.rows) – not plan data.
import type { Catalogue } from '../../src/core/catalogue-types';

export function syntheticCatalogue(base: Catalogue, n: number): Catalogue {
  const indicators = Array.from({ length: n }, (_, k) => {
    const source = base.indicators[k % base.indicators.length];
    const round = Math.floor(k / base.indicators.length);
    return { ...source, id: round === 0 ? source.id : `${source.id}~${round + 1}`, no: k + 1 };
  });
  return { ...base, indicators };
}
