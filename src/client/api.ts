// The HTTP client of the taskpane and the web app: JSON (or a file) over fetch with the session's
// bearer token, and every failure as an ApiError whose message a person can read in Vietnamese (the
// server's own message when it sent one – they are Vietnamese – or one chosen by status). Views do
// not call it with URLs: src/client/endpoints.ts has one typed function per endpoint of the API.
// The messages live in src/text/strings.ts (client), with the rest of the UI text.
import { strings } from '../text/strings';

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code: string | null, readonly body: unknown) {
    super(message);
    this.name = 'ApiError';
  }
}

const BY_STATUS: Readonly<Record<number, string>> = strings.client.byStatus;
const OFFLINE = strings.client.offline;
const SERVER = strings.client.server;

/** The Vietnamese message for a failed response. */
export function errorMessage(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message.trim() !== '' && status < 500) return message;
  return BY_STATUS[status] ?? SERVER;
}

/** A file the server sent (a template, a report, a consolidation export). */
export interface FileAnswer {
  readonly blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  readonly fileName: string | null;
  readonly headers: Headers;
}

export interface RequestOptions {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. '/api/submissions?unitId=a'. */
  readonly path: string;
  /** A JSON body. */
  readonly body?: unknown;
  /** A multipart body instead (uploads). */
  readonly form?: FormData;
  /** 'file' answers a FileAnswer instead of parsed JSON. */
  readonly as?: 'json' | 'file';
  /** More request headers (the open feed's X-API-Key). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiClient {
  /** The answer with its HTTP status: JSON parsed, or a FileAnswer. Throws ApiError for a 4xx / 5xx. */
  request(options: RequestOptions): Promise<{ status: number; body: unknown }>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export interface ApiOptions {
  /** Server origin, '' for the page's own origin. */
  readonly baseUrl?: string;
  /** The current bearer token, or null when signed out. */
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
  /** Told about a 401 so the session can sign out. */
  readonly onUnauthorized?: () => void;
}

function fileNameOf(headers: Headers): string | null {
  const disposition = headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * @example const api = createApiClient({ token: () => session.token });
 *          const { submissions } = await listSubmissions(api, { query: { unitId } });
 */
export function createApiClient(options: ApiOptions): ApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  async function request({ method, path, body, form, as = 'json', headers: extra }: RequestOptions): Promise<{ status: number; body: unknown }> {
    const token = options.token();
    const headers: Record<string, string> = { ...extra, accept: as === 'json' ? 'application/json' : '*/*' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    } catch {
      throw new ApiError(OFFLINE, 0, 'offline', null);
    }
    if (response.ok && as === 'file') {
      return { status: response.status, body: { blob: await response.blob(), fileName: fileNameOf(response.headers), headers: response.headers } satisfies FileAnswer };
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      const code = (parsed as { error?: unknown } | null)?.error;
      throw new ApiError(errorMessage(response.status, parsed), response.status, typeof code === 'string' ? code : null, parsed);
    }
    return { status: response.status, body: parsed };
  }
  return {
    request,
    get: async <T>(path: string) => (await request({ method: 'GET', path })).body as T,
    post: async <T>(path: string, body?: unknown) => (await request({ method: 'POST', path, body: body ?? {} })).body as T,
  };
}
