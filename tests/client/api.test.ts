// The taskpane's HTTP client: bearer token, JSON, and failures as Vietnamese ApiErrors.
import { ApiError, createApiClient, errorMessage } from '../../src/client/api';

const respond = (status: number, body: unknown) => async () => new Response(body === null ? null : JSON.stringify(body), { status });

describe('createApiClient', () => {
  it('sends the bearer token and JSON, and reads JSON back', async () => {
    const seen: RequestInit[] = [];
    const api = createApiClient({
      baseUrl: 'https://srv', token: () => 'abc',
      fetch: (async (_url: string, init: RequestInit) => { seen.push(init); return new Response('{"ok":1}', { status: 200 }); }) as typeof fetch,
    });
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: 1 });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { authorization: 'Bearer abc', 'content-type': 'application/json' } });
  });

  it.each([
    [409, { error: 'conflict', message: 'Nội dung báo cáo đã thay đổi' }, 'Nội dung báo cáo đã thay đổi', 'conflict'],
    [423, null, 'Báo cáo đã được phê duyệt nên bị khoá.', null],
    [500, { error: 'internal', message: 'stack trace here' }, 'Máy chủ báo cáo gặp lỗi. Vui lòng thử lại sau.', 'internal'],
  ])('a %i becomes an ApiError with a Vietnamese message', async (status, body, message, code) => {
    const api = createApiClient({ token: () => null, fetch: respond(status, body) as unknown as typeof fetch });
    await expect(api.get('/api/x')).rejects.toMatchObject({ name: 'ApiError', status, message, code });
  });

  it('says the server cannot be reached when fetch fails, and reports a 401 to the session', async () => {
    const offline = createApiClient({ token: () => null, fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    await expect(offline.get('/api/x')).rejects.toEqual(new ApiError('Không kết nối được máy chủ báo cáo. Hãy kiểm tra mạng rồi thử lại.', 0, 'offline', null));
    const signedOut = jest.fn();
    const expired = createApiClient({ token: () => 't', fetch: respond(401, { error: 'unauthorized' }) as unknown as typeof fetch, onUnauthorized: signedOut });
    await expect(expired.get('/api/x')).rejects.toMatchObject({ status: 401, message: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.' });
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('keeps the server’s own message only for 4xx', () => {
    expect(errorMessage(403, { message: 'Bạn không có quyền' })).toBe('Bạn không có quyền');
    expect(errorMessage(502, { message: 'upstream' })).toBe('Máy chủ báo cáo gặp lỗi. Vui lòng thử lại sau.');
  });
});
