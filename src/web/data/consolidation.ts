// The consolidation of a plan, period and kind (a monitoring agency gets only its tasks) and its files.
import type { ApiClient } from '../../client/api';
import { consolidation } from '../../client/endpoints';
import type { DownloadedFile, FileClient } from '../../client/files';
import { API, urlOf } from '../../core/api';
import type { ConsolidationData } from '../../core/consolidation-sheet';

export interface ConsolidationChoice {
  readonly planId: string;
  readonly period: string;
  readonly kind: ConsolidationData['kind'];
}

const choice = (c: ConsolidationChoice) => ({ planId: c.planId, period: c.period, kind: c.kind });

export const getConsolidation = (api: ApiClient, c: ConsolidationChoice): Promise<ConsolidationData> =>
  consolidation(api, choice(c));

/** Files go through the FileClient (the token in a header, the name from Content-Disposition). */
export const downloadConsolidation = (files: FileClient, c: ConsolidationChoice, format: 'csv' | 'xlsx'): Promise<DownloadedFile> =>
  files.download(urlOf(API.consolidation.path, undefined, { ...choice(c), format }));
