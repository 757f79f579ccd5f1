// The page the sign-in dialog opens (auth-dialog.html): MSAL's redirect flow to Microsoft's sign-in
// and back here, then the token goes to the taskpane with messageParent. Its own small bundle,
// loaded only inside the dialog. What it needs (client id, authority, scope) comes in the address.
import { PublicClientApplication } from '@azure/msal-browser';

function reply(answer: Record<string, unknown>): void {
  Office.context.ui.messageParent(JSON.stringify(answer));
}

async function run(): Promise<void> {
  await Office.onReady();
  const q = new URLSearchParams(window.location.search);
  const stored = sessionStorage.getItem('cds-dialog') ?? '';
  // After the redirect back the address has the answer, not our parameters: they were kept.
  const params = q.get('client') ? q : new URLSearchParams(stored);
  if (q.get('client')) sessionStorage.setItem('cds-dialog', q.toString());
  const [clientId, authority, scope] = ['client', 'authority', 'scope'].map((k) => params.get(k) ?? '');
  if (!clientId || !authority || !scope) return reply({ ok: false, error: 'config' });
  const pca = new PublicClientApplication({
    auth: { clientId, authority, redirectUri: `${window.location.origin}${window.location.pathname}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await pca.initialize();
  const result = await pca.handleRedirectPromise();
  if (result) return reply({ ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn?.toISOString() ?? null });
  await pca.loginRedirect({ scopes: [scope] });
}

run().catch((e: unknown) => reply({ ok: false, error: e instanceof Error ? e.name : 'error' }));
