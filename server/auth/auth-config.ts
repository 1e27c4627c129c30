/** How agents prove who they are before POST /api/jwt gives them a token. */
export type AuthConfig = OidcAuthConfig | MobileApiKeyAuthConfig;

/** Sign-in at the company's OpenID Connect identity provider; the backend is a confidential client. */
export interface OidcAuthConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The backend's own /auth/callback URL, exactly as registered at the IdP. */
  redirectUri: string;
  /** The SPA, where the browser goes back after signing in (or failing to). */
  appUrl: string;
  /** The ID token or userinfo claim holding the agent name, e.g. preferred_username. */
  agentClaim: string;
  /** Space-separated, always including openid. */
  scopes: string;
  sessionTtlSeconds: number;
}

/** The seed contract: a shared key compiled into the SPA. Anyone who reads the bundle can be any agent. */
export interface MobileApiKeyAuthConfig {
  mode: 'mobile-api-key';
  mobileApiKey: string;
}

export type AuthConfigResult = { ok: true; config: AuthConfig } | { ok: false; problems: string[] };

type Environment = Readonly<Record<string, string | undefined>>;

export const authDefaults = {
  mode: 'oidc',
  agentClaim: 'preferred_username',
  scopes: 'openid profile',
  sessionTtlSeconds: 12 * 60 * 60,
} as const;

const authModes = ['oidc', 'mobile-api-key'] as const;
const minSessionTtlSeconds = 5 * 60;
const maxSessionTtlSeconds = 24 * 60 * 60;
const minMobileApiKeyLength = 8;
const claimNamePattern = /^[\w.:/-]{1,100}$/;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const text = (env: Environment, name: string) => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

// Plain http is fine on this machine (a local IdP, a local backend); anywhere else it would expose the
// authorization code, and browsers drop the Secure session cookie.
const isHttpsOrLoopback = (url: URL) => url.protocol === 'https:' || loopbackHosts.has(url.hostname);

/**
 * Reads AUTH_MODE and the variables of that mode, reporting every problem at once and never a secret's value.
 * `corsOrigins` is passed only when CORS_ORIGIN is valid, so APP_URL is checked against it without a second complaint.
 */
export function loadAuthConfig(env: Environment, corsOrigins: readonly string[] | undefined): AuthConfigResult {
  const mode = text(env, 'AUTH_MODE') ?? authDefaults.mode;
  if (mode === 'mobile-api-key') return loadMobileApiKeyConfig(env);
  if (mode === 'oidc') return loadOidcConfig(env, corsOrigins);
  return { ok: false, problems: [`AUTH_MODE must be ${authModes.join(' or ')} (got ${JSON.stringify(mode.slice(0, 40))}).`] };
}

function loadMobileApiKeyConfig(env: Environment): AuthConfigResult {
  const mobileApiKey = text(env, 'MOBILE_API_KEY');
  if (mobileApiKey === undefined) return { ok: false, problems: ['MOBILE_API_KEY is missing.'] };
  if (mobileApiKey.length < minMobileApiKeyLength) {
    return { ok: false, problems: [`MOBILE_API_KEY must be at least ${minMobileApiKeyLength} characters.`] };
  }
  return { ok: true, config: { mode: 'mobile-api-key', mobileApiKey } };
}

function loadOidcConfig(env: Environment, corsOrigins: readonly string[] | undefined): AuthConfigResult {
  const problems: string[] = [];
  const missing = (name: string, what: string) => {
    problems.push(`${name} is missing: ${what} (AUTH_MODE=oidc; set AUTH_MODE=mobile-api-key for the unsafe demo contract).`);
    return '';
  };

  const issuerText = text(env, 'OIDC_ISSUER') ?? missing('OIDC_ISSUER', 'the identity provider, e.g. https://login.example.com/realms/agents');
  const issuer = parseUrl(issuerText);
  if (issuerText !== '' && (issuer === undefined || !isHttpsOrLoopback(issuer))) {
    problems.push('OIDC_ISSUER must be an https URL (plain http only for a local IdP on 127.0.0.1, localhost or [::1]).');
  }

  const clientId = text(env, 'OIDC_CLIENT_ID') ?? missing('OIDC_CLIENT_ID', 'the client id the IdP gave this backend');
  const clientSecret = text(env, 'OIDC_CLIENT_SECRET') ?? missing('OIDC_CLIENT_SECRET', 'the client secret the IdP gave this backend');

  const redirectText = text(env, 'OIDC_REDIRECT_URI') ?? missing('OIDC_REDIRECT_URI', 'this backend\'s /auth/callback URL as registered at the IdP');
  const redirectUri = parseUrl(redirectText);
  const isCallbackUrl = (url: URL) => isHttpsOrLoopback(url) && url.pathname.endsWith('/auth/callback') && url.search === '' && url.hash === '';
  if (redirectText !== '' && (redirectUri === undefined || !isCallbackUrl(redirectUri))) {
    problems.push('OIDC_REDIRECT_URI must be this backend\'s https URL ending in /auth/callback, without a query, e.g. https://softphone-api.example.com/auth/callback.');
  }

  const appText = text(env, 'APP_URL') ?? missing('APP_URL', 'the softphone\'s URL, where the browser returns after signing in');
  const appUrl = parseUrl(appText);
  if (appText !== '' && (appUrl === undefined || appUrl.search !== '' || appUrl.hash !== '')) {
    problems.push('APP_URL must be the softphone\'s http(s) URL without a query, e.g. https://softphone.example.com/.');
  } else if (appUrl !== undefined && corsOrigins !== undefined && !corsOrigins.includes(appUrl.origin)) {
    problems.push(`APP_URL's origin ${appUrl.origin} must be one of CORS_ORIGIN (${corsOrigins.join(', ')}), or the softphone cannot call the API.`);
  }

  const agentClaim = text(env, 'OIDC_AGENT_CLAIM') ?? authDefaults.agentClaim;
  if (!claimNamePattern.test(agentClaim)) problems.push('OIDC_AGENT_CLAIM must be a claim name such as preferred_username or email.');

  const scopes = (text(env, 'OIDC_SCOPES') ?? authDefaults.scopes).split(/\s+/);
  if (!scopes.includes('openid')) problems.push('OIDC_SCOPES must include openid, e.g. "openid profile".');

  const ttlText = text(env, 'SESSION_TTL_SECONDS') ?? String(authDefaults.sessionTtlSeconds);
  const sessionTtlSeconds = Number(ttlText);
  if (!/^\d+$/.test(ttlText) || sessionTtlSeconds < minSessionTtlSeconds || sessionTtlSeconds > maxSessionTtlSeconds) {
    problems.push(`SESSION_TTL_SECONDS must be a whole number from ${minSessionTtlSeconds} to ${maxSessionTtlSeconds} (5 minutes to 24 hours).`);
  }

  if (problems.length > 0 || issuer === undefined || redirectUri === undefined || appUrl === undefined) return { ok: false, problems };
  return {
    ok: true,
    config: {
      mode: 'oidc',
      issuer: issuer.href,
      clientId,
      clientSecret,
      redirectUri: redirectUri.href,
      appUrl: appUrl.href,
      agentClaim,
      scopes: scopes.join(' '),
      sessionTtlSeconds,
    },
  };
}
