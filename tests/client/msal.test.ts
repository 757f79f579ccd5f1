// Sign-in with Microsoft Entra: offered only when the server names an app; the token comes from MSAL
// (silently, else its popup), the user from the server, and the session is kept like a local one.
import { entraEnabled, fetchAuthConfig, signInWithEntra, type ClientAuthConfig } from '../../src/client/msal';

const pca = {
  getActiveAccount: jest.fn(() => null),
  getAllAccounts: jest.fn(() => [] as unknown[]),
  acquireTokenSilent: jest.fn(),
  acquireTokenPopup: jest.fn(),
};
const createNestable = jest.fn(async (_config: unknown) => pca);
jest.mock('@azure/msal-browser', () => ({ createNestablePublicClientApplication: (c: unknown) => createNestable(c) }));

const ENTRA: ClientAuthConfig = {
  entraClientId: '0f5e2a1c-3b4d-4e6f-8a9b-0c1d2e3f4a5b', entraTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  authority: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47', scope: '0f5e2a1c-3b4d-4e6f-8a9b-0c1d2e3f4a5b/.default',
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user = { username: 'cb.truongvinh@nghean.gov.vn', displayName: 'Trần Thị Lan', roles: [{ role: 'reporter', unitId: 'phuong-truong-vinh' }], mustChangePassword: false };

describe('Microsoft sign-in', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.clearAllMocks();
  });

  it('is offered only when the server names an Entra app, and local accounts stay when it cannot say', async () => {
    expect(entraEnabled(await fetchAuthConfig('', async () => json(200, ENTRA)))).toBe(true);
    expect(entraEnabled(await fetchAuthConfig('', async () => json(200, { entraClientId: null, entraTenantId: null, authority: null, scope: null })))).toBe(false);
    expect(entraEnabled(await fetchAuthConfig('', async () => json(404, { message: 'Không tìm thấy.' })))).toBe(false);
    expect(entraEnabled(await fetchAuthConfig('', async () => { throw new TypeError('Failed to fetch'); }))).toBe(false);
  });

  it('gets the token from MSAL (popup when silent fails), asks the server who it is, and keeps the session', async () => {
    pca.acquireTokenSilent.mockRejectedValue(new Error('interaction_required'));
    pca.acquireTokenPopup.mockResolvedValue({ accessToken: 'entra-token', expiresOn: new Date('2026-03-18T03:00:00Z') });
    const seen: string[] = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      seen.push(`${url} ${(init.headers as Record<string, string>).authorization}`);
      return json(200, { user });
    }) as typeof fetch;
    const session = await signInWithEntra(ENTRA);
    expect(createNestable).toHaveBeenCalledWith(expect.objectContaining({ auth: { clientId: ENTRA.entraClientId, authority: ENTRA.authority } }));
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: [ENTRA.scope] });
    expect(seen).toEqual(['/api/auth/me Bearer entra-token']);
    expect(session).toEqual({ token: 'entra-token', expiresAt: '2026-03-18T03:00:00.000Z', user });
  });

  it('says so in Vietnamese when Microsoft refuses', async () => {
    pca.acquireTokenSilent.mockRejectedValue(new Error('interaction_required'));
    pca.acquireTokenPopup.mockRejectedValue(new Error('user_cancelled'));
    await expect(signInWithEntra(ENTRA)).rejects.toThrow(/Không đăng nhập được bằng tài khoản Microsoft/);
    await expect(signInWithEntra({ ...ENTRA, entraClientId: null })).rejects.toThrow(/tài khoản Microsoft/);
  });
});
