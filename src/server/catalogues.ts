// The plan catalogues (seeds/<planId>.json, produced by the importer from the plan text), loaded once
// at start. The server never edits them: a new plan is a new file.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../core/catalogue-types';

export interface CatalogueStore {
  readonly catalogues: ReadonlyMap<string, Catalogue>;
  get(planId: string): Catalogue | undefined;
}

function looksLikeCatalogue(x: unknown): x is Catalogue {
  const c = x as Partial<Catalogue> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.planId === 'string' && Array.isArray(c.indicators) &&
    Array.isArray(c.tasks) && Array.isArray(c.units) && Array.isArray(c.unitClasses) && typeof c.document === 'object'
  );
}

/** A store over catalogues already in memory (tests, the demo). */
export function catalogueStore(list: readonly Catalogue[]): CatalogueStore {
  const catalogues = new Map(list.map((c) => [c.planId, c]));
  return { catalogues, get: (planId) => catalogues.get(planId) };
}

/**
 * Reads every *.json in the seeds directory that is a catalogue (other JSON files are skipped);
 * a file that is not valid JSON stops the start with its name.
 */
export function loadCatalogues(seedsDir: string): CatalogueStore {
  const list: Catalogue[] = [];
  const files = fs.existsSync(seedsDir) ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(seedsDir, file), 'utf8'));
    } catch (error) {
      throw new Error(`Catalogue ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (looksLikeCatalogue(parsed)) list.push(parsed);
  }
  return catalogueStore(list);
}

/** The seeds directory of the repository (server files run from src/server via tsx). */
export const defaultSeedsDir = path.resolve(__dirname, '../../seeds');
