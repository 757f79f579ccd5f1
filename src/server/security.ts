// Security headers (helmet). The task pane is framed by Office (desktop and on the web) and loads
// office.js from Microsoft's CDN, so framing is allowed for Office's origins only, not everyone.
import type { ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.officeapps.live.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://*.cloud.microsoft',
];

export const securityHeaders: HelmetOptions = {
  // X-Frame-Options cannot name several origins; frame-ancestors below does the job.
  frameguard: false,
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: { policy: 'same-site' },
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", 'https://appsforoffice.microsoft.com', 'https://alcdn.msauth.net'],
      // Fluent UI (Griffel) inserts style elements at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'", 'https://login.microsoftonline.com', 'https://*.office.com'],
      frameSrc: ["'self'", 'https://login.microsoftonline.com'],
      frameAncestors: OFFICE_FRAME_ANCESTORS,
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
};

/**
 * The headers helmet sets with these options, worked out once by running its middleware against a
 * response that only records them: every directive above is a constant, so every answer carries the
 * same headers, and helmet's middleware rebuilt the policy text at each request (docs/performance.md).
 */
export function securityHeaderList(options: HelmetOptions = securityHeaders): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  } as unknown as ServerResponse;
  let failed: unknown;
  helmet(options)({ headers: {} } as never, recorder, (error?: unknown) => { failed = error; });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  if (headers.size === 0) throw new Error('helmet set no header');
  return [...headers];
}
