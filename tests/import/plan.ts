// The real plan and its hand review, imported once for the importer's tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlan, parseReview, type ImportReport, type Review } from '../../src/core/import';

const ROOT = join(__dirname, '..', '..');
export const PLAN_PATH = join(ROOT, 'seeds', 'ke-hoach-1174-KH-UBND-2025-chuyen-doi-so-nghe-an-2026.txt');
export const CATALOGUE_PATH = join(ROOT, 'seeds', 'nghe-an-1174-2026.json');
export const REVIEW_PATH = join(ROOT, 'seeds', 'nghe-an-1174-2026.review.json');

export const planText = readFileSync(PLAN_PATH, 'utf8');

export function loadReview(): Review {
  const r = parseReview(JSON.parse(readFileSync(REVIEW_PATH, 'utf8')));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

let cached: ImportReport | undefined;
export function imported(): ImportReport {
  if (!cached) {
    const r = importPlan(planText, { review: loadReview() });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    cached = r.value;
  }
  return cached;
}
