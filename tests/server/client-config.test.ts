// GET /api/auth/config tells the taskpane whether to offer Microsoft sign-in (MSAL) or only local accounts.
import { clientAuthConfig } from '../../src/server/routes/client-config';
import { testApp, type TestApp } from './support/app';
import { sqliteTestDatabase } from './support/databases';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0f5e2a1c-3b4d-4e6f-8a9b-0c1d2e3f4a5b';

describe('client sign-in configuration', () => {
  it('is local accounts only without ENTRA_*', () => {
    expect(clientAuthConfig({})).toEqual({ entraClientId: null, entraTenantId: null, authority: null, scope: null });
  });

  it('names the app, the tenant’s authority and the scope the server accepts', () => {
    expect(clientAuthConfig({ ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT })).toEqual({
      entraClientId: CLIENT, entraTenantId: TENANT, authority: `https://login.microsoftonline.com/${TENANT}`, scope: `${CLIENT}/.default`,
    });
    expect(clientAuthConfig({ ENTRA_TENANT_ID: TENANT, ENTRA_CLIENT_ID: CLIENT, ENTRA_AUDIENCE: `api://addin.nghean.gov.vn/${CLIENT}` }).scope)
      .toBe(`api://addin.nghean.gov.vn/${CLIENT}/access_as_user`);
  });

  describe('the route', () => {
    let t: TestApp;
    beforeAll(async () => { t = await testApp(sqliteTestDatabase); });
    afterAll(() => t.close());
    it('answers anyone, signed in or not', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/config' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ entraClientId: null, entraTenantId: null, authority: null, scope: null });
    });
  });
});
