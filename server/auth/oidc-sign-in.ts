import * as client from 'openid-client';
import type { OidcAuthConfig } from './auth-config';
import type { SignInChecks } from './sign-in-transactions';

export type SignInResult =
  /** `agentName` is the configured claim's value, when the identity has it as a string. */
  | { outcome: 'identified'; subject: string; agentName: string | undefined }
  /** The IdP answered error=access_denied: the user cancelled, or the IdP refused. */
  | { outcome: 'cancelled' };

/** The protocol side of sign-in, done by openid-client; the routes only keep the checks and map the result. */
export interface OidcSignIn {
  /** Where to send the browser, and what the callback must check (PKCE S256 verifier, state, nonce). */
  begin(): Promise<{ authorizationUrl: URL; checks: SignInChecks }>;
  /**
   * Checks the IdP's answer (the callback's query) against `checks`, redeems the code with the client secret and
   * verifies the ID token. Throws on anything other than success or a cancelled sign-in.
   */
  finish(callbackQuery: URLSearchParams, checks: SignInChecks): Promise<SignInResult>;
}

type OidcClientSettings = Pick<OidcAuthConfig, 'issuer' | 'clientId' | 'clientSecret' | 'redirectUri' | 'scopes' | 'agentClaim'>;

const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * Reads the IdP's discovery document (its endpoints and keys). Done once at startup, so a wrong issuer stops the
 * server before any agent tries to sign in; rejects when the issuer cannot be reached or does not match.
 */
export async function discoverOidcSignIn(settings: OidcClientSettings): Promise<OidcSignIn> {
  const issuer = new URL(settings.issuer);
  const configuration = await client.discovery(
    issuer,
    settings.clientId,
    undefined,
    client.ClientSecretBasic(settings.clientSecret),
    // openid-client refuses http outright; a local IdP (tests, the e2e project) is the one exception config allows.
    { execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [] },
  );
  return createOidcSignIn(configuration, settings);
}

function createOidcSignIn(configuration: client.Configuration, settings: OidcClientSettings): OidcSignIn {
  return {
    async begin() {
      const checks: SignInChecks = {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      };
      const authorizationUrl = client.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(checks.pkceCodeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
        // The IdP asks who is signing in every time, even with its own session still open: on a shared desk the
        // next agent must not land in the account of the one who signed out, nor a refused account be retried
        // without a chance to pick another. (A reload does not come here: the backend's own session answers it.)
        prompt: 'login',
      });
      return { authorizationUrl, checks };
    },

    async finish(callbackQuery, checks) {
      // Rebuilt on the registered redirect URI rather than the URL this request arrived at: behind a proxy the
      // two differ, and the token endpoint insists on the registered one.
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = callbackQuery.toString();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: checks.pkceCodeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError && error.error === 'access_denied') return { outcome: 'cancelled' };
        throw error;
      }
      const idToken = tokens.claims();
      if (idToken === undefined) throw new Error('the IdP sent no ID token');
      return { outcome: 'identified', subject: idToken.sub, agentName: await agentNameFor(idToken, tokens.access_token) };
    },
  };

  // Many IdPs put profile claims in the ID token only when no access token is issued, and serve them from
  // userinfo otherwise; asking there is what the OpenID Connect spec expects of a client.
  async function agentNameFor(idToken: client.IDToken, accessToken: string): Promise<string | undefined> {
    const fromIdToken = idToken[settings.agentClaim];
    if (typeof fromIdToken === 'string') return fromIdToken;
    if (configuration.serverMetadata().userinfo_endpoint === undefined) return undefined;
    const userInfo = await client.fetchUserInfo(configuration, accessToken, idToken.sub);
    const fromUserInfo = userInfo[settings.agentClaim];
    return typeof fromUserInfo === 'string' ? fromUserInfo : undefined;
  }
}
