// The consolidation of a plan, period and kind (a monitoring agency gets only its tasks) and its files.
import type { ApiClient } from '../../client/api';
import type { DownloadedFile, FileClient } from '../../client/files';
import type { ConsolidationData } from '../../core/consolidation-sheet';

export interface ConsolidationChoice {
  readonly planId: string;
  readonly period: string;
  readonly kind: ConsolidationData['kind'];
}

const query = (c: ConsolidationChoice, format: 'json' | 'csv' | 'xlsx') => new URLSearchParams({ planId: c.planId, period: c.period, kind: c.kind, format }).toString();

export const getConsolidation = (api: ApiClient, c: ConsolidationChoice): Promise<ConsolidationData> => api.get(`/api/consolidation?${query(c, 'json')}`);

export const downloadConsolidation = (files: FileClient, c: ConsolidationChoice, format: 'csv' | 'xlsx'): Promise<DownloadedFile> =>
  files.download(`/api/consolidation?${query(c, format)}`);
