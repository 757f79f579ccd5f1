// One error handler for the whole API (fastify/demo): a 4xx says what the caller can fix, in
// Vietnamese; a 5xx says only that something failed and gives the request id – never internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Issue } from '../core/result';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid'
  | 'locked'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

/** The body of every error response. */
export interface ErrorBody {
  readonly error: ErrorCode;
  readonly message: string;
  readonly issues?: readonly Issue[];
  readonly requestId?: string;
}

/** An expected failure a route throws to answer with a status and a Vietnamese message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly Issue[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, issues?: readonly Issue[]) => new HttpError(400, 'bad_request', message, issues);
export const unauthorized = () => new HttpError(401, 'unauthorized', 'Bạn cần đăng nhập.');
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Không tìm thấy.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const invalid = (issues: readonly Issue[], message = 'Báo cáo có lỗi, chưa được lưu.') => new HttpError(422, 'invalid', message, issues);
export const locked = (message: string) => new HttpError(423, 'locked', message);
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);

const FASTIFY_CODES: Readonly<Record<number, [ErrorCode, string]>> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ.'],
  401: ['unauthorized', 'Bạn cần đăng nhập.'],
  403: ['forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['not_found', 'Không tìm thấy.'],
  413: ['payload_too_large', 'Dữ liệu gửi lên quá lớn.'],
  415: ['unsupported_media_type', 'Chỉ nhận dữ liệu JSON.'],
  429: ['too_many_requests', 'Quá nhiều yêu cầu, vui lòng thử lại sau.'],
};

/** Installs the error and not-found handlers on an app. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
    if (error instanceof HttpError) {
      const body: ErrorBody = { error: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
      return reply.status(error.statusCode).send(body);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const body: ErrorBody = { error: 'internal', message: 'Máy chủ gặp lỗi, vui lòng thử lại sau.', requestId: request.id };
      return reply.status(500).send(body);
    }
    const [code, message] = FASTIFY_CODES[status] ?? ['bad_request', 'Yêu cầu không hợp lệ.'];
    const body: ErrorBody = { error: code, message };
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: 'not_found', message: 'Không tìm thấy.' };
    return reply.status(404).send(body);
  });
}
