// Acceptance at the province (docs/province-report.md):
//   POST /api/submissions/{id}/accept {contentHash}  – the consolidator accepts the approved revision it read;
//   POST /api/submissions/{id}/reopen {reason}       – the consolidator sends it back, or an administrator
//                                                      reopens it; the unit reads the reason in its taskpane.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { API, IdParams } from '../../core/api';
import type { Capability } from '../auth/principal';
import { can } from '../auth/roles';
import { conflict, forbidden, notFound } from '../errors';
import { provinceDecide } from '../repositories/acceptance';
import { submissionUnit } from '../repositories/submissions';
import { route } from './contract';
import { signedIn } from './guard';
import { monitoredTaskUnits } from './read-access';

export const acceptanceRoutes: FastifyPluginAsync = async (app) => {
  /**
   * The principal, when it may act on the submission as the province. A monitoring agency reads only
   * the tasks it monitors (an extract, docs/security.md): it may send a task report back over those
   * tasks, but not accept the whole report for the province – it has not read the rest.
   */
  async function allowed(request: FastifyRequest, capability: Capability, id: string) {
    const principal = signedIn(request);
    const target = await submissionUnit(app.db.kysely, id);
    if (!target) throw notFound('Không tìm thấy báo cáo.');
    if (can(principal, capability, { unitId: target.unitId, kind: target.kind })) return principal;
    // A monitoring agency's consolidator: the task reports of the units whose tasks it monitors.
    const agency = principal.grants.some((g) => g.role === 'consolidator' && g.unitId !== null);
    if (capability === 'submission.reopen' && target.kind === 'tasks' && agency && (await monitoredTaskUnits(app, principal, target.planId)).includes(target.unitId)) {
      return principal;
    }
    throw forbidden();
  }

  /**
   * Who may act on this submission is checked before the body (as before the contract): 404 / 403
   * whatever was sent. A malformed id is left to the params validation (400).
   */
  const guard = (action: 'accept' | 'reopen') => async (request: FastifyRequest): Promise<void> => {
    const params = IdParams.safeParse(request.params);
    if (params.success) await allowed(request, action === 'accept' ? 'submission.accept' : 'submission.reopen', params.data.id);
  };

  const act = async (request: FastifyRequest, action: 'accept' | 'reopen', id: string, body: { contentHash?: string; reason?: string }) => {
    const principal = signedIn(request); // allowed() by the guard
    const outcome = await provinceDecide(app.db.kysely, {
      submissionId: id, action, contentHash: body.contentHash, reason: body.reason,
      as: principal.grants.some((g) => g.role === 'admin' && g.unitId === null) ? 'admin' : 'consolidator',
      userId: principal.userId, now: app.clock().toISOString(),
    });
    switch (outcome.kind) {
      case 'done':
        return { id, status: outcome.status, provinceState: outcome.provinceState, revision: outcome.revision, contentHash: outcome.contentHash };
      case 'notFound':
        throw notFound('Không tìm thấy báo cáo.');
      case 'notApproved':
        throw conflict(outcome.status === 'returned'
          ? 'Báo cáo đang được trả lại cho đơn vị chỉnh sửa.'
          : 'Báo cáo chưa được lãnh đạo đơn vị phê duyệt; Sở chỉ tiếp nhận báo cáo đã phê duyệt.');
      case 'alreadyAccepted':
        throw conflict('Báo cáo đã được tiếp nhận.');
      case 'staleHash':
        throw conflict('Nội dung báo cáo đã thay đổi so với bản bạn đã đọc; hãy mở lại bản mới nhất.');
    }
  };
  route(app, API.accept, async (request) => act(request, 'accept', request.params.id, { contentHash: request.body.contentHash }), { guard: guard('accept') });
  route(app, API.reopen, async (request) => act(request, 'reopen', request.params.id, request.body), { guard: guard('reopen') });
};
