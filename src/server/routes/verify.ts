// GET /verify/{code}: the public verification page (docs/province-report.md). Without signing in,
// it shows what a printed code stands for – plan, unit, period, revision, approval state, content
// hash – and nothing else. POST /verify/{code} with a .docx (multipart, field "file") tells whether
// that file's text is the text the code was issued for: an edited document no longer matches.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parsePeriod, periodLabel } from '../../core/periods';
import { verifyText as t } from '../../text/province-report';
import { docxTextHash } from '../document-text';
import { coordinatorNames } from '../coordinators';
import { lookupCode, normaliseCode, type VerifiedDocument } from '../repositories/verification';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title><style>body{font-family:system-ui,"Segoe UI",Arial,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
dt{font-weight:600;margin-top:.6rem}dd{margin:0}code{word-break:break-all}.ok{color:#0b6a0b}.bad{color:#a4262c;font-weight:600}</style></head>
<body><main><h1>${esc(t.title)}</h1>${body}</main></body></html>`;
}

function details(d: VerifiedDocument, planName: string): string {
  const p = parsePeriod(d.period);
  const rows: [string, string][] = [
    [t.code, d.code],
    [t.plan, planName],
    [t.unit, d.unitName],
    [t.period, p.ok ? periodLabel(p.value) : d.period],
    [t.revision, String(d.revision)],
    [t.approval, t.approvalStates[d.approval]],
  ];
  return `<p>${esc(t.intro)}</p><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}
<dt>${esc(t.contentHash)}</dt><dd><code>${esc(d.contentHash)}</code></dd></dl>`;
}

function form(code: string): string {
  return `<h2>${esc(t.checkTitle)}</h2><p>${esc(t.checkHint)}</p>
<form method="post" action="/verify/${esc(code)}" enctype="multipart/form-data"><input type="file" name="file" accept=".docx" aria-label="${esc(t.checkTitle)}"> <button type="submit">${esc(t.checkButton)}</button></form>`;
}

export const verifyRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 2 } });

  async function found(code: string) {
    const normal = normaliseCode(code);
    const d = normal ? await lookupCode(app.db.kysely, normal, (planId) => coordinatorNames(app.catalogues, planId)) : undefined;
    if (!d) return null;
    const catalogue = app.catalogues.get(d.planId);
    const planName = catalogue ? `Kế hoạch số ${catalogue.document.number} – ${catalogue.document.title}` : d.planId;
    return { d, planName };
  }
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(page(body));

  app.get<{ Params: { code: string } }>('/verify/:code', async (request, reply) => {
    const f = await found(request.params.code);
    if (!f) return html(reply, 404, `<p class="bad" role="alert">${esc(t.unknown)}</p>`);
    return html(reply, 200, details(f.d, f.planName) + form(f.d.code));
  });

  app.post<{ Params: { code: string } }>('/verify/:code', async (request, reply) => {
    const f = await found(request.params.code);
    if (!f) return html(reply, 404, `<p class="bad" role="alert">${esc(t.unknown)}</p>`);
    let verdict: string;
    const part = request.isMultipart() ? await request.file() : undefined;
    if (!part) verdict = `<p class="bad" role="alert">${esc(t.noFile)}</p>`;
    else {
      const hashed = await docxTextHash(await part.toBuffer());
      verdict = !hashed.ok
        ? `<p class="bad" role="alert">${esc(t.notDocx)}</p>`
        : hashed.hash === f.d.documentHash
          ? `<p class="ok" role="status">${esc(t.matches)}</p>`
          : `<p class="bad" role="alert">${esc(t.differs)}</p>`;
    }
    return html(reply, 200, verdict + details(f.d, f.planName) + form(f.d.code));
  });
};
