// The consolidator's "Tạo báo cáo tổng hợp" and the head of Sở KH&CN's approval in Word, without
// React (docs/province-report.md): the server makes the snapshot, the taskpane draws it from the
// snapshot's content – the very content whose hash the head approves.
import type { PlanDocument } from '../../../core/catalogue-types';
import { vietnamDate } from '../../../core/periods';
import { provinceReportModel, type ProvinceReportContent } from '../../../core/report';
import type { ApiClient } from '../../../client/api';

export interface ProvinceFlowDeps {
  readonly api: ApiClient;
  readonly write: (model: ReturnType<typeof provinceReportModel>) => Promise<void>;
  readonly now?: () => Date;
}

export interface ProvinceReportRef {
  readonly id: string;
  readonly planId: string;
  readonly period: string;
  readonly status: 'draft' | 'approved' | 'returned';
  readonly revision: number;
  readonly contentHash: string;
  readonly created: boolean;
}

async function write(deps: ProvinceFlowDeps, r: ProvinceReportRef & { content: ProvinceReportContent }): Promise<ProvinceReportRef> {
  const { catalogue } = await deps.api.get<{ catalogue: { document: PlanDocument } }>(`/api/plans/${encodeURIComponent(r.planId)}`);
  const model = provinceReportModel(catalogue.document, r.content, {
    date: vietnamDate((deps.now ?? (() => new Date()))()), reportId: r.id, revision: r.revision, contentHash: r.contentHash,
  });
  await deps.write(model);
  return { id: r.id, planId: r.planId, period: r.period, status: r.status, revision: r.revision, contentHash: r.contentHash, created: r.created };
}

/** The consolidator generates (or finds unchanged) the consolidated report of a plan and period and writes it into Word. */
export async function createProvinceReport(deps: ProvinceFlowDeps, planId: string, period: string): Promise<ProvinceReportRef> {
  return write(deps, await deps.api.post<ProvinceReportRef & { content: ProvinceReportContent }>('/api/province-reports', { planId, period }));
}

/** The head of Sở KH&CN opens the latest revision of the period's consolidated report in Word; null when none exists yet. */
export async function openProvinceReport(deps: ProvinceFlowDeps, planId: string, period: string): Promise<ProvinceReportRef | null> {
  const { reports } = await deps.api.get<{ reports: { id: string }[] }>(`/api/province-reports?planId=${encodeURIComponent(planId)}&period=${encodeURIComponent(period)}`);
  if (!reports[0]) return null;
  const detail = await deps.api.get<ProvinceReportRef & { content: ProvinceReportContent }>(`/api/province-reports/${encodeURIComponent(reports[0].id)}`);
  return write(deps, { ...detail, created: false });
}

/** The head of Sở KH&CN approves the revision written in the document (bound to its hash). */
export async function approveProvinceReport(api: ApiClient, ref: Pick<ProvinceReportRef, 'id' | 'contentHash'>): Promise<ProvinceReportRef> {
  return api.post<ProvinceReportRef>(`/api/province-reports/${encodeURIComponent(ref.id)}/approve`, { contentHash: ref.contentHash });
}
