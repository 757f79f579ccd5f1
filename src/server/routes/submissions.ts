// The submission API (docs/domain.md §5): a clerk submits (each report a new revision, idempotent by the
// client's id), the head of the unit approves – bound to the content hash – or returns it.
import type { FastifyPluginAsync } from 'fastify';
import { API } from '../../core/api';
import { visibleUnitIds } from '../auth/roles';
import { conflict, invalid, notFound } from '../errors';
import { decide, getSubmission, listSubmissions, submissionUnit } from '../repositories/submissions';
import { readableDetail } from '../read-extract';
import { refusalError, storeSubmission } from '../store-submission';
import { route, type ContractRequest } from './contract';
import { requireCan, requireSomeUnit } from './guard';
import { monitoredTaskUnits, requireRead } from './read-access';

export const submissionRoutes: FastifyPluginAsync = async (app) => {
  route(app, API.submit, async (request, reply) => {
    const body = request.body;
    const principal = requireCan(request, 'submission.create', { unitId: body.unitId, kind: body.kind });
    const outcome = await storeSubmission(app, body, principal.userId);
    switch (outcome.kind) {
      case 'created':
        return reply.status(201).send(outcome.response);
      case 'replayed':
        return reply.status(200).send(outcome.response);
      case 'invalid':
        throw invalid(outcome.issues);
      default:
        throw refusalError(outcome);
    }
  });

  route(app, API.listSubmissions, async (request) => {
    const principal = requireSomeUnit(request, 'submission.read');
    const query = request.query;
    const units = visibleUnitIds(principal);
    const taskUnits = units === 'all' ? [] : await monitoredTaskUnits(app, principal, query.planId);
    return { submissions: await listSubmissions(app.db.kysely, { ...query, units, taskUnits }) };
  });

  route(app, API.getSubmission, async (request) => {
    const { id } = request.params;
    const submission = await getSubmission(app.db.kysely, id);
    if (!submission) throw notFound('Không tìm thấy báo cáo.');
    const { scope } = await requireRead(app, request, submission);
    return readableDetail(submission, scope);
  });

  const decision = (action: 'approve' | 'return') =>
    async (request: ContractRequest<typeof API.approve | typeof API.returnSubmission>) => {
      const { id } = request.params;
      const target = await submissionUnit(app.db.kysely, id);
      if (!target) throw notFound('Không tìm thấy báo cáo.');
      const principal = requireCan(request, action === 'approve' ? 'submission.approve' : 'submission.return', { unitId: target.unitId, kind: target.kind });
      const body = request.body;
      const outcome = await decide(app.db.kysely, {
        submissionId: id, action, contentHash: body.contentHash, comment: body.comment?.trim() || null,
        userId: principal.userId, now: app.clock().toISOString(),
      });
      switch (outcome.kind) {
        case 'decided':
          return { id, status: outcome.status, revision: outcome.revision, contentHash: outcome.contentHash };
        case 'notFound':
          throw notFound('Không tìm thấy báo cáo.');
        case 'notPending':
          throw conflict(outcome.status === 'approved' ? 'Báo cáo đã được phê duyệt.' : 'Báo cáo đã bị trả lại; chờ đơn vị nộp bản sửa.');
        case 'staleHash':
          throw conflict('Nội dung báo cáo đã thay đổi so với bản bạn đã đọc; hãy mở lại bản mới nhất trước khi phê duyệt.');
      }
    };
  route(app, API.approve, decision('approve'));
  route(app, API.returnSubmission, decision('return'));
};


