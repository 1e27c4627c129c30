import { expect, it } from 'vitest';
import { startLocalIdentityProvider } from './local-identity-provider';

it('serves discovery on a free loopback port, and stops answering once closed, kept-alive connections included', async () => {
  const identityProvider = await startLocalIdentityProvider({
    clients: [{ client_id: 'app', client_secret: 'app-secret-0123456789', redirect_uris: ['http://127.0.0.1:5830/auth/callback'] }],
    accounts: ['Jane'],
  });
  expect(identityProvider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  const discovery = await fetch(`${identityProvider.issuer}/.well-known/openid-configuration`);
  expect(await discovery.json()).toMatchObject({
    issuer: identityProvider.issuer,
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic']),
  });

  await identityProvider.close();
  await expect(fetch(`${identityProvider.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
});
