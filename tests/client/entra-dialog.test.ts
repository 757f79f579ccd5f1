// Microsoft sign-in where Office cannot broker the token: the Office dialog opens this server's
// auth-dialog.html, whose answer (messageParent) becomes the session; a closed or blocked dialog is
// a Vietnamese message, and a message from another origin is ignored. Local accounts are untouched.
import { signInWithEntra, type ClientAuthConfig } from '../../src/client/msal';
import { dialogUrl, signInThroughDialog } from '../../src/office/auth-dialog/broker';
import { officeSupport } from '../../src/text/office-support';

const ORIGIN = 'https://baocao.nghean.gov.vn';
const config: ClientAuthConfig = {
  entraClientId: '11111111-2222-3333-4444-555555555555', entraTenantId: 'tenant', authority: 'https://login.microsoftonline.com/tenant', scope: 'api://cds/access_as_user',
};

type Handler = (arg: { message: string; origin?: string } | { error: number }) => void;
/** Office.context.ui as the dialog API behaves: opens (or fails with a code), then messages or events. */
function fakeDialog(script: (emit: { message: (m: string, origin?: string) => void; event: (code: number) => void }) => void, openError?: number) {
  const state = { url: '', closed: false };
  (globalThis as { Office?: unknown }).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          state.url = url;
          if (openError) return cb({ status: 'failed', error: { code: openError } });
          const handlers: Record<string, Handler> = {};
          cb({ status: 'succeeded', value: { addEventHandler: (t: string, h: Handler) => { handlers[t] = h; }, close: () => { state.closed = true; } } });
          setTimeout(() => script({
            message: (m, origin = ORIGIN) => handlers.dialogMessageReceived({ message: m, origin }),
            event: (code) => handlers.dialogEventReceived({ error: code }),
          }), 0);
        },
      },
    },
  };
  return state;
}
afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

describe('the Office dialog sign-in', () => {
  it('opens this server’s dialog page with what MSAL needs and resolves with the token it sends', async () => {
    const state = fakeDialog((emit) => {
      emit.message(JSON.stringify({ ok: true, accessToken: 'forged' }), 'https://evil.example'); // ignored
      emit.message(JSON.stringify({ ok: true, accessToken: 'eyJ.token', expiresOn: '2026-11-29T23:00:00.000Z' }));
    });
    await expect(signInThroughDialog(config, ORIGIN)).resolves.toEqual({ accessToken: 'eyJ.token', expiresOn: '2026-11-29T23:00:00.000Z' });
    expect(state.url).toBe(dialogUrl(config, ORIGIN));
    expect(new URL(state.url).pathname).toBe('/auth-dialog.html');
    expect(Object.fromEntries(new URL(state.url).searchParams)).toEqual({ client: config.entraClientId, authority: config.authority, scope: config.scope });
    expect(state.closed).toBe(true);
  });

  it.each([
    ['the user closes the dialog', (e: { event: (c: number) => void }) => e.event(12006), officeSupport.dialogClosed],
    ['sign-in fails inside it', (e: { message: (m: string) => void }) => e.message(JSON.stringify({ ok: false, error: 'InteractionRequired' })), officeSupport.dialogFailed],
  ])('says so in Vietnamese when %s', async (_name, script, message) => {
    fakeDialog(script as never);
    await expect(signInThroughDialog(config, ORIGIN)).rejects.toThrow(message);
  });

  it.each([[12009, officeSupport.dialogBlocked], [12007, officeSupport.dialogBusy], [12011, officeSupport.noDialog]])('says what to do when the dialog cannot open (%i)', async (code, message) => {
    fakeDialog(() => undefined, code);
    await expect(signInThroughDialog(config, ORIGIN)).rejects.toThrow(message);
  });

  it('makes the dialog’s token a session, asking the server who it is (the dialog route of signInWithEntra)', async () => {
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit = {}) => {
      seen.push(`${String(url)} ${(init.headers as Record<string, string>).authorization ?? (init.headers as Record<string, string>).Authorization}`);
      return new Response(JSON.stringify({ user: { id: 'u1', username: 'cb.test', displayName: 'Cán bộ', roles: [] } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const session = await signInWithEntra(config, '', { mode: 'dialog', dialog: async () => ({ accessToken: 'eyJ.dialog', expiresOn: null }) });
      expect(session).toMatchObject({ token: 'eyJ.dialog', user: { username: 'cb.test' } });
      expect(seen).toEqual(['/api/auth/me Bearer eyJ.dialog']);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('refuses, without opening anything, where Office has neither route', async () => {
    await expect(signInWithEntra(config, '', { mode: 'none' })).rejects.toThrow(/tài khoản do quản trị/);
  });
});
