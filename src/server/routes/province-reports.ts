// The consolidating body's report to the province (docs/province-report.md; Sở KH&CN's in 1174):
//   POST /api/province-reports {planId, period, priorities?}      – the consolidator generates a snapshot (a revision);
//   GET  /api/province-reports?planId[&period]                     – the reports, latest revision each;
//   GET  /api/province-reports/{id}                                – one report, its revisions and latest content;
//   GET  /api/province-reports/{id}/report.docx[?revision…]        – the official document;
//   GET  /api/province-reports/{id}/verification[?revision…]       – its verification code, for the report written in Word;
//   POST /api/province-reports/{id}/approve {contentHash} | /return {comment} – the head of the plan's consolidating body.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { API, IdParams } from '../../core/api';
import type { Unit } from '../../core/catalogue-types';
import { inScheme, parsePeriod, periodLabel, periodsOfScheme, vietnamDate } from '../../core/periods';
import { provinceReportModel } from '../../core/report';
import type { Principal } from '../auth/principal';
import { can } from '../auth/roles';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { allCoordinators, coordinatorNames, planCoordinator } from '../coordinators';
import { DOCX_TYPE } from '../report-docx';
import { verificationFor, verifiedReportDocx } from '../verified-docx';
import { provinceContent } from '../province-report-data';
import {
  decideProvinceReport, findProvinceReport, listProvinceReports, provinceReportRevision, provinceReportRevisions, saveProvinceReport,
} from '../repositories/province-reports';
import { route } from './contract';
import { signedIn } from './guard';

export const provinceReportRoutes: FastifyPluginAsync = async (app) => {
  /** The head of the plan's consolidating body (catalogue.coordinator) approves its province report. */
  function mayApprove(principal: Principal, planId: string): boolean {
    const unit = planCoordinator(app.catalogues, planId);
    return unit !== null && can(principal, 'provinceReport.approve', { unitId: unit.id });
  }
  const headOfSomeCoordinator = (principal: Principal): boolean =>
    allCoordinators(app.catalogues).some((unit) => can(principal, 'provinceReport.approve', { unitId: unit.id }));
  /** The plan of the report named in the path, or of the query; null when the report does not exist (its route answers 404). */
  async function planOf(request: FastifyRequest): Promise<string | null> {
    const params = IdParams.safeParse(request.params);
    if (params.success) return (await findProvinceReport(app.db.kysely, { id: params.data.id }))?.planId ?? null;
    const planId = (request.query as { planId?: unknown } | undefined)?.planId;
    return typeof planId === 'string' ? planId : null;
  }
  async function requireReader(request: FastifyRequest): Promise<Principal> {
    const principal = signedIn(request);
    if (can(principal, 'provinceReport.write')) return principal;
    const refusal = (planId?: string) => forbidden(`Chỉ ${coordinatorNames(app.catalogues, planId)} được xem báo cáo tổng hợp.`);
    if (!headOfSomeCoordinator(principal)) throw refusal();
    const planId = await planOf(request);
    if (planId !== null && !mayApprove(principal, planId)) throw refusal(planId);
    return principal;
  }

  const requireWriter = async (request: FastifyRequest): Promise<void> => {
    if (!can(signedIn(request), 'provinceReport.write')) throw forbidden(`Chỉ cán bộ tổng hợp của ${coordinatorNames(app.catalogues)} được lập báo cáo tổng hợp.`);
  };
  const reader = async (request: FastifyRequest): Promise<void> => {
    await requireReader(request);
  };
  /** The body that issues the plan's province report; a plan that names none cannot have one. */
  function issuerOf(planId: string): Unit {
    const unit = planCoordinator(app.catalogues, planId);
    if (!unit) throw conflict('Kế hoạch chưa xác định đơn vị tổng hợp báo cáo (mục "Tổ chức thực hiện" của kế hoạch), nên chưa lập được báo cáo tổng hợp. Quản trị viên cần bổ sung đơn vị tổng hợp khi nhập kế hoạch.');
    return unit;
  }

  route(app, API.generateProvinceReport, async (request, reply) => {
    const principal = signedIn(request);
    const body = request.body;
    const catalogue = app.catalogues.get(body.planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const parsed = parsePeriod(body.period);
    if (parsed.ok && !inScheme(parsed.value, catalogue.reportingScheme)) {
      const names = periodsOfScheme(parsed.value.year, catalogue.reportingScheme).map(periodLabel).join('; ');
      throw badRequest(`Kế hoạch không có kỳ báo cáo ${periodLabel(parsed.value)}; các kỳ trong năm: ${names}.`);
    }
    issuerOf(body.planId); // refuses, before anything is read or stored, a plan that names no consolidating body
    const { content, contentHash } = await provinceContent(app.db.kysely, catalogue, body.period, body.priorities);
    const outcome = await saveProvinceReport(app.db.kysely, {
      planId: body.planId, period: body.period, content, contentHash, userId: principal.userId, now: app.clock().toISOString(),
    });
    if (outcome.kind === 'locked') throw conflict('Báo cáo tổng hợp của kỳ này đã được phê duyệt; không tạo lại được.');
    return reply.status(outcome.kind === 'created' ? 201 : 200).send({ ...outcome.report, created: outcome.kind === 'created', content });
  }, { guard: requireWriter });

  route(app, API.listProvinceReports, async (request) => {
    const q = request.query;
    const reports = await listProvinceReports(app.db.kysely, q.planId);
    return { reports: q.period ? reports.filter((r) => r.period === q.period) : reports };
  }, { guard: reader });

  route(app, API.getProvinceReport, async (request) => {
    const { id } = request.params;
    const report = await findProvinceReport(app.db.kysely, { id });
    if (!report) throw notFound('Không tìm thấy báo cáo tổng hợp.');
    const latest = await provinceReportRevision(app.db.kysely, id, report.revision);
    return { ...report, revisions: await provinceReportRevisions(app.db.kysely, id), ...(latest ? { content: latest.content } : {}) };
  }, { guard: reader });

  /** The consolidated report's document the options make, with what its verification code is bound to. */
  async function provinceDocument(id: string, q: { revision?: number; date?: string; number?: string; signingAs?: 'head' | 'deputy' }) {
    const report = await findProvinceReport(app.db.kysely, { id });
    if (!report) throw notFound('Không tìm thấy báo cáo tổng hợp.');
    const revision = await provinceReportRevision(app.db.kysely, id, q.revision ?? report.revision);
    if (!revision) throw notFound(`Báo cáo tổng hợp không có lần lập thứ ${q.revision}.`);
    const catalogue = app.catalogues.get(report.planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const model = provinceReportModel(catalogue.document, issuerOf(report.planId), revision.content, {
      date: q.date ?? vietnamDate(revision.createdAt), number: q.number, signingAs: q.signingAs,
      reportId: id, revision: revision.revision, contentHash: revision.contentHash,
    });
    const ref = { document: 'province' as const, refId: id, revision: revision.revision, contentHash: revision.contentHash };
    return { report, revision, model, ref };
  }

  route(app, API.provinceReportDocx, async (request, reply) => {
    const { report, revision, model, ref } = await provinceDocument(request.params.id, request.query);
    const docx = await verifiedReportDocx(app, ref, model);
    const file = `bao-cao-tong-hop-${report.planId}-${report.period}-lan-${revision.revision}.docx`;
    return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="${file}"`)
      .header('x-content-hash', revision.contentHash).header('cache-control', 'no-store')
      .send(docx);
  }, { guard: reader });

  route(app, API.provinceReportVerification, async (request, reply) => {
    const { model, ref } = await provinceDocument(request.params.id, request.query);
    return reply.header('cache-control', 'no-store').send(await verificationFor(app, ref, model));
  }, { guard: reader });

  /** The report and who may decide are checked before the body (as before the contract): 404 / 403 whatever was sent. */
  const decider = async (request: FastifyRequest): Promise<void> => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return; // the params validation answers 400
    const report = await findProvinceReport(app.db.kysely, { id: params.data.id });
    if (!report) throw notFound('Không tìm thấy báo cáo tổng hợp.');
    if (!mayApprove(signedIn(request), report.planId)) throw forbidden(`Chỉ lãnh đạo ${coordinatorNames(app.catalogues, report.planId)} được phê duyệt báo cáo tổng hợp.`);
  };

  const decision = async (request: FastifyRequest, action: 'approve' | 'return', id: string, body: { contentHash?: string; comment?: string }) => {
    const principal = signedIn(request); // checked by decider()
    const outcome = await decideProvinceReport(app.db.kysely, {
      id, action, contentHash: body.contentHash, comment: body.comment?.trim() || null, userId: principal.userId, now: app.clock().toISOString(),
    });
    switch (outcome.kind) {
      case 'decided':
        return outcome.report;
      case 'notFound':
        throw notFound('Không tìm thấy báo cáo tổng hợp.');
      case 'notPending':
        throw conflict(outcome.status === 'approved' ? 'Báo cáo tổng hợp đã được phê duyệt.' : 'Báo cáo tổng hợp đã bị trả lại; chờ lập lại.');
      case 'staleHash':
        throw conflict('Báo cáo tổng hợp đã được lập lại sau bản bạn đã đọc; hãy mở bản mới nhất trước khi phê duyệt.');
    }
  };
  route(app, API.approveProvinceReport, async (request) => decision(request, 'approve', request.params.id, request.body), { guard: decider });
  route(app, API.returnProvinceReport, async (request) => decision(request, 'return', request.params.id, request.body), { guard: decider });
};
