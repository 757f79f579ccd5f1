// Security headers (helmet). The task pane is framed by Office (desktop and on the web) and loads
// office.js from Microsoft's CDN, so framing is allowed for Office's origins only, not everyone.
import type { HelmetOptions } from 'helmet';

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
