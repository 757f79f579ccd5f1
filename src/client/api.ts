// The taskpane's HTTP client: JSON over fetch with the session's bearer token, and every failure
// as an ApiError whose message a person can read in Vietnamese (the server's own message when it
// sent one – they are Vietnamese – or one chosen by status). Shared by the Word and Excel views.
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

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export interface ApiOptions {
  /** Server origin, '' for the taskpane's own origin. */
  readonly baseUrl?: string;
  /** The current bearer token, or null when signed out. */
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
  /** Told about a 401 so the session can sign out. */
  readonly onUnauthorized?: () => void;
}

/**
 * @example const api = createApiClient({ token: () => session.token });
 *          const { submissions } = await api.get<{ submissions: Summary[] }>('/api/submissions');
 */
export function createApiClient(options: ApiOptions): ApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = options.token();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(OFFLINE, 0, 'offline', null);
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
    return parsed as T;
  }
  return { get: (path) => request('GET', path), post: (path, body) => request('POST', path, body ?? {}) };
}
