// The consolidator's "Tạo báo cáo tổng hợp" and the approval by the head of the plan's consolidating body in Word, without
// React (docs/province-report.md): the server makes the snapshot, the taskpane draws it from the
// snapshot's content – the very content whose hash the head approves.
import type { PlanDocument } from '../../../core/catalogue-types';
import { vietnamDate } from '../../../core/periods';
import { coordinatorOf } from '../../../core/units';
import { provinceReportText } from '../../../text/province-report';
import { provinceReportModel, type ProvinceReportContent } from '../../../core/report';
import type { ApiClient } from '../../../client/api';
import * as endpoints from '../../../client/endpoints';
import type { ProvinceReportSummary } from '../../../core/api';

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
  const { catalogue } = await endpoints.plan(deps.api, r.planId);
  // The server refuses a province report to a plan that names no consolidating body; so does this.
  const issuer = coordinatorOf(catalogue);
  if (!issuer) throw new Error(provinceReportText.noCoordinator);
  const date = vietnamDate((deps.now ?? (() => new Date()))());
  // The code the server issues for the document this date makes: the words written below are its words.
  const verification = await endpoints.provinceReportVerification(deps.api, r.id, { revision: r.revision, date });
  const model = provinceReportModel(catalogue.document as PlanDocument, issuer, r.content, {
    date, reportId: r.id, revision: r.revision, contentHash: r.contentHash, verification,
  });
  await deps.write(model);
  return { id: r.id, planId: r.planId, period: r.period, status: r.status, revision: r.revision, contentHash: r.contentHash, created: r.created };
}

/** The consolidator generates (or finds unchanged) the consolidated report of a plan and period and writes it into Word. */
export async function createProvinceReport(deps: ProvinceFlowDeps, planId: string, period: string): Promise<ProvinceReportRef> {
  const made = await endpoints.generateProvinceReport(deps.api, { planId, period });
  return write(deps, { ...made, content: made.content as unknown as ProvinceReportContent });
}

/** The head of Sở KH&CN opens the latest revision of the period's consolidated report in Word; null when none exists yet. */
export async function openProvinceReport(deps: ProvinceFlowDeps, planId: string, period: string): Promise<ProvinceReportRef | null> {
  const { reports } = await endpoints.listProvinceReports(deps.api, { planId, period });
  if (!reports[0]) return null;
  const detail = await endpoints.getProvinceReport(deps.api, reports[0].id);
  if (!detail.content) return null;
  return write(deps, { ...detail, content: detail.content as unknown as ProvinceReportContent, created: false });
}

/** The head of Sở KH&CN approves the revision written in the document (bound to its hash): the report as approved. */
export async function approveProvinceReport(api: ApiClient, ref: Pick<ProvinceReportRef, 'id' | 'contentHash'>): Promise<ProvinceReportRef & ProvinceReportSummary> {
  return { ...(await endpoints.approveProvinceReport(api, ref.id, { contentHash: ref.contentHash })), created: false };
}
