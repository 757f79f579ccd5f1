// Files for the web app: downloading a template, report or consolidation as a file (with the bearer
// token, so no token ever goes into a URL) and uploading a filled template as multipart. JSON calls,
// PUT and DELETE included, go through the typed endpoints. Failures are ApiError, as in api.ts.
import { ApiError, errorMessage, type ApiOptions } from './api';
import { strings } from '../text/strings';

export interface DownloadedFile {
  readonly blob: Blob;
  /** From Content-Disposition, or the path's last part. */
  readonly filename: string;
  readonly headers: Headers;
}

export interface FileClient {
  download(path: string): Promise<DownloadedFile>;
  /** POSTs one file as multipart/form-data (field "file") and returns the JSON answer. */
  upload<T>(path: string, file: Blob, filename: string): Promise<T>;
}

/** The file name a Content-Disposition header gives (filename*=UTF-8'' first, then filename=). */
export function dispositionFilename(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* a malformed encoding: try the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * @example const files = createFileClient({ token: () => session.token });
 *          const { blob, filename } = await files.download('/api/submissions/x/report.docx');
 */
export function createFileClient(options: ApiOptions): FileClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  async function call(method: string, path: string, body?: BodyInit): Promise<Response> {
    const headers: Record<string, string> = {};
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${path}`, { method, headers, body });
    } catch {
      throw new ApiError(strings.client.offline, 0, 'offline', null);
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: keep the text */
      }
      const code = (parsed as { error?: unknown } | null)?.error;
      throw new ApiError(errorMessage(response.status, parsed), response.status, typeof code === 'string' ? code : null, parsed);
    }
    return response;
  }
  const json = async <T>(response: Response): Promise<T> => {
    const text = await response.text();
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return {
    async download(path) {
      const response = await call('GET', path);
      const fallback = decodeURIComponent(path.split('?')[0].split('/').pop() ?? 'tep');
      return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('content-disposition'), fallback), headers: response.headers };
    },
    async upload(path, file, filename) {
      const form = new FormData();
      form.append('file', file, filename);
      return json(await call('POST', path, form));
    },
  };
}
