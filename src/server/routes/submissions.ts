// The submission API (DOMAIN.md §5): a clerk submits (each report a new revision, idempotent by the
// client's id), the head of the unit approves – bound to the content hash – or returns it.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { visibleUnitIds } from '../auth/roles';
import { assignedIds, assignmentsOf } from '../assignments';
import { conflict, invalid, locked, notFound } from '../errors';
import { contentHash } from '../hash';
import { isLate } from '../../core/periods';
import { canonicalRows, rowEvaluations, validateSubmission } from '../../core/validate-submission';
import { getUnit } from '../repositories/units';
import { createRevision, decide, getSubmission, listSubmissions, submissionUnit } from '../repositories/submissions';
import { ApproveBody, IdParams, ListQuery, ReturnBody, SubmissionBody } from './bodies';
import { requireCan, requireSomeUnit, signedIn } from './guard';
import { monitoredTaskUnits, requireRead } from './read-access';
import { parseBody, parseQuery } from './parse';

const LOCKED = 'Báo cáo kỳ này của đơn vị đã được phê duyệt nên bị khoá; không thể nộp bản mới.';
const REUSED = 'Mã báo cáo (clientSubmissionId) này đã được dùng cho một nội dung khác.';

export const submissionRoutes: FastifyPluginAsync = async (app) => {
  app.post('/submissions', async (request, reply) => {
    signedIn(request);
    const body = parseBody(SubmissionBody, request.body);
    const principal = requireCan(request, 'submission.create', { unitId: body.unitId, kind: body.kind });
    const catalogue = app.catalogues.get(body.planId);
    if (!catalogue) throw notFound('Không tìm thấy kế hoạch.');
    const unit = await getUnit(app.db.kysely, body.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');

    const assigned = assignedIds(assignmentsOf(catalogue, [unit]), body.kind, unit.id);
    const checked = validateSubmission(catalogue, body, { assignedIds: assigned });
    if (!checked.ok) throw invalid(checked.issues);
    const submission = checked.value;
    const now = app.clock();
    const hash = contentHash(submission);
    const late = isLate(submission.period, now, app.config.deadline);
    const evaluations = rowEvaluations(submission);
    const warnings = checked.warnings;

    const outcome = await createRevision(app.db.kysely, {
      clientSubmissionId: body.clientSubmissionId,
      planId: body.planId,
      unitId: body.unitId,
      period: submission.period.id,
      kind: body.kind,
      contentHash: hash,
      rows: canonicalRows(submission),
      evaluations,
      late,
      userId: principal.userId,
      now: now.toISOString(),
      respond: (id, revision) => ({
        id, revision, status: 'submitted', contentHash: hash, late, evaluations, ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
      }),
    });
    switch (outcome.kind) {
      case 'created':
        return reply.status(201).send(outcome.response);
      case 'replayed':
        return reply.status(200).send(outcome.response);
      case 'conflict':
        throw conflict(REUSED);
      case 'locked':
        throw locked(LOCKED);
    }
  });

  app.get('/submissions', async (request) => {
    const principal = requireSomeUnit(request, 'submission.read');
    const query = parseQuery(ListQuery, request.query);
    const units = visibleUnitIds(principal);
    const taskUnits = units === 'all' ? [] : await monitoredTaskUnits(app, principal, query.planId);
    return { submissions: await listSubmissions(app.db.kysely, { ...query, units, taskUnits }) };
  });

  app.get('/submissions/:id', async (request) => {
    const { id } = parseQuery(IdParams, request.params);
    signedIn(request);
    const submission = await getSubmission(app.db.kysely, id);
    if (!submission) throw notFound('Không tìm thấy báo cáo.');
    await requireRead(app, request, submission);
    return submission;
  });

  const decision = (action: 'approve' | 'return') =>
    async (request: FastifyRequest) => {
      const { id } = parseQuery(IdParams, request.params);
      signedIn(request);
      const target = await submissionUnit(app.db.kysely, id);
      if (!target) throw notFound('Không tìm thấy báo cáo.');
      const principal = requireCan(request, action === 'approve' ? 'submission.approve' : 'submission.return', { unitId: target.unitId, kind: target.kind });
      const body = action === 'approve' ? parseBody(ApproveBody, request.body) : parseBody(ReturnBody, request.body);
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
  app.post('/submissions/:id/approve', decision('approve'));
  app.post('/submissions/:id/return', decision('return'));
};


