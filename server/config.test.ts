import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Environment } from './config';
import { createTestKeyPair } from './testing/test-key-pair';

const keys = createTestKeyPair();

const validEnv: Environment = {
  VONAGE_APPLICATION_ID: '0f3b2a1c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  VONAGE_PRIVATE_KEY: keys.privateKeyPem,
  AGENTS: 'Jane, Joe',
  OIDC_ISSUER: 'https://login.example.com/realms/agents',
  OIDC_CLIENT_ID: 'softphone-backend',
  OIDC_CLIENT_SECRET: 'an-idp-client-secret-42',
  OIDC_REDIRECT_URI: 'https://softphone-api.example.com/auth/callback',
  APP_URL: 'http://localhost:5817/',
};

const mobileApiKeyEnv: Environment = {
  VONAGE_APPLICATION_ID: validEnv.VONAGE_APPLICATION_ID,
  VONAGE_PRIVATE_KEY: keys.privateKeyPem,
  AGENTS: 'Jane, Joe',
  AUTH_MODE: 'mobile-api-key',
  MOBILE_API_KEY: 'a-long-enough-key',
};

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

function problemsFor(env: Environment, readFile = noFile): string[] {
  const result = loadConfig(env, readFile);
  if (result.ok) throw new Error('expected configuration problems');
  return result.problems;
}

function configFor(env: Environment, readFile = noFile) {
  const result = loadConfig(env, readFile);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join(' | ')}`);
  return result.config;
}

describe('loadConfig', () => {
  it('fills in the documented defaults', () => {
    const config = configFor(validEnv);
    expect(config).toMatchObject({
      applicationId: validEnv.VONAGE_APPLICATION_ID,
      auth: {
        mode: 'oidc',
        issuer: 'https://login.example.com/realms/agents',
        clientId: 'softphone-backend',
        clientSecret: 'an-idp-client-secret-42',
        redirectUri: 'https://softphone-api.example.com/auth/callback',
        appUrl: 'http://localhost:5817/',
        agentClaim: 'preferred_username',
        scopes: 'openid profile',
        sessionTtlSeconds: 43_200,
      },
      agents: ['Jane', 'Joe'],
      tokenTtlSeconds: 3600,
      port: 5830,
      host: '127.0.0.1',
      corsOrigins: ['http://localhost:5817', 'http://127.0.0.1:5817'],
      vonageApiUrl: 'https://api.nexmo.com',
      trustedProxies: [],
      signInLimits: { failuresPerAddress: 10, failuresPerAgent: 30, tokensPerAgent: 30 },
    });
    expect(config.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('reads every optional setting', () => {
    const config = configFor({
      ...validEnv,
      TOKEN_TTL_SECONDS: '86400',
      PORT: '0',
      HOST: '0.0.0.0',
      CORS_ORIGIN: 'https://softphone.example.com/, http://localhost:5817',
      APP_URL: 'https://softphone.example.com/agents/',
      OIDC_AGENT_CLAIM: 'email',
      OIDC_SCOPES: ' openid  profile email ',
      SESSION_TTL_SECONDS: '86400',
      VONAGE_API_URL: 'http://127.0.0.1:9999/vonage/',
      TRUSTED_PROXY: '10.0.0.2, ::1',
      LIMIT_FAILURES_PER_ADDRESS: '5',
      LIMIT_FAILURES_PER_AGENT: '50',
      LIMIT_TOKENS_PER_AGENT: '100',
    });
    expect(config).toMatchObject({
      auth: { appUrl: 'https://softphone.example.com/agents/', agentClaim: 'email', scopes: 'openid profile email', sessionTtlSeconds: 86_400 },
      tokenTtlSeconds: 86_400,
      port: 0,
      host: '0.0.0.0',
      corsOrigins: ['https://softphone.example.com', 'http://localhost:5817'],
      vonageApiUrl: 'http://127.0.0.1:9999/vonage',
      trustedProxies: ['10.0.0.2', '::1'],
      signInLimits: { failuresPerAddress: 5, failuresPerAgent: 50, tokensPerAgent: 100 },
    });
  });

  it('treats blank variables as unset', () => {
    expect(configFor({ ...validEnv, PORT: '', TOKEN_TTL_SECONDS: '  ' })).toMatchObject({ port: 5830, tokenTtlSeconds: 3600 });
  });

  it('names every missing variable in one go, sign-in at the identity provider included', () => {
    const oidc = '(AUTH_MODE=oidc; set AUTH_MODE=mobile-api-key for the unsafe demo contract).';
    expect(problemsFor({})).toEqual([
      'VONAGE_APPLICATION_ID is missing.',
      'AGENTS is missing.',
      'The private key is missing: set VONAGE_PRIVATE_KEY (the PEM text) or VONAGE_PRIVATE_KEY_PATH (a file holding it).',
      `OIDC_ISSUER is missing: the identity provider, e.g. https://login.example.com/realms/agents ${oidc}`,
      `OIDC_CLIENT_ID is missing: the client id the IdP gave this backend ${oidc}`,
      `OIDC_CLIENT_SECRET is missing: the client secret the IdP gave this backend ${oidc}`,
      `OIDC_REDIRECT_URI is missing: this backend's /auth/callback URL as registered at the IdP ${oidc}`,
      `APP_URL is missing: the softphone's URL, where the browser returns after signing in ${oidc}`,
    ]);
  });

  it.each([
    ['VONAGE_APPLICATION_ID', 'my-app', /^VONAGE_APPLICATION_ID must be a Vonage application id/],
    ['AGENTS', ' , ', /^AGENTS must list at least one agent/],
    ['AGENTS', 'Jane,Joe Bloggs', /^AGENTS: "Joe Bloggs" not allowed/],
    ['AGENTS', 'Jane,JANE', /^AGENTS lists JANE twice/],
    ['TOKEN_TTL_SECONDS', '86401', /^TOKEN_TTL_SECONDS must be a whole number from 60 to 86400 \(the cap is 24 hours\)/],
    ['TOKEN_TTL_SECONDS', '1h', /^TOKEN_TTL_SECONDS must be a whole number/],
    ['TOKEN_TTL_SECONDS', '59', /^TOKEN_TTL_SECONDS must be a whole number/],
    ['PORT', '65536', /^PORT must be a whole number from 0 to 65535/],
    ['PORT', '-1', /^PORT must be a whole number/],
    ['CORS_ORIGIN', 'localhost:5817', /^CORS_ORIGIN must be one or more comma-separated origins/],
    ['CORS_ORIGIN', 'http://localhost:5817/app', /not an origin: http:\/\/localhost:5817\/app/],
    ['VONAGE_API_URL', 'api.nexmo.com', /^VONAGE_API_URL must be an http\(s\) URL/],
    ['TRUSTED_PROXY', '10.0.0.2, proxy.internal', /^TRUSTED_PROXY must be the IP addresses .*; not an IP address: proxy\.internal\.$/],
    ['TRUSTED_PROXY', '10.0.0.0/8', /not an IP address: 10\.0\.0\.0\/8/],
    ['LIMIT_FAILURES_PER_ADDRESS', '0', /^LIMIT_FAILURES_PER_ADDRESS must be a whole number from 1 to 100000 \(per 15 minutes\)/],
    ['LIMIT_FAILURES_PER_AGENT', 'many', /^LIMIT_FAILURES_PER_AGENT must be a whole number/],
    ['LIMIT_TOKENS_PER_AGENT', '1.5', /^LIMIT_TOKENS_PER_AGENT must be a whole number/],
  ])('reports a malformed %s (%s)', (name, value, expected) => {
    const problems = problemsFor({ ...validEnv, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports a short MOBILE_API_KEY without echoing it', () => {
    const problems = problemsFor({ ...mobileApiKeyEnv, MOBILE_API_KEY: 's3cr3t' });
    expect(problems).toEqual(['MOBILE_API_KEY must be at least 8 characters.']);
    expect(problems.join()).not.toContain('s3cr3t');
  });

  it('reports problems with the key alongside problems with other variables', () => {
    expect(problemsFor({ ...validEnv, PORT: 'http', VONAGE_PRIVATE_KEY: undefined })).toHaveLength(2);
  });
});

describe('loadConfig: how agents sign in (AUTH_MODE)', () => {
  it('reads the seed contract only when asked for by name, and needs no OIDC settings then', () => {
    expect(configFor(mobileApiKeyEnv).auth).toEqual({ mode: 'mobile-api-key', mobileApiKey: 'a-long-enough-key' });
    expect(problemsFor({ ...mobileApiKeyEnv, MOBILE_API_KEY: undefined })).toEqual(['MOBILE_API_KEY is missing.']);
  });

  it('ignores MOBILE_API_KEY in oidc mode', () => {
    expect(configFor({ ...validEnv, MOBILE_API_KEY: 'a-long-enough-key' }).auth.mode).toBe('oidc');
  });

  it('refuses an unknown AUTH_MODE', () => {
    expect(problemsFor({ ...validEnv, AUTH_MODE: 'password' })).toEqual(['AUTH_MODE must be oidc or mobile-api-key (got "password").']);
  });

  it('accepts plain http only for an identity provider and a backend on this machine', () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']) {
      const auth = configFor({ ...validEnv, OIDC_ISSUER: `http://${host}`, OIDC_REDIRECT_URI: `http://${host}/auth/callback` }).auth;
      expect(auth).toMatchObject({ issuer: `http://${host}/`, redirectUri: `http://${host}/auth/callback` });
    }
  });

  it.each([
    ['OIDC_ISSUER', 'http://login.example.com', /^OIDC_ISSUER must be an https URL \(plain http only for a local IdP/],
    ['OIDC_ISSUER', 'login.example.com', /^OIDC_ISSUER must be an https URL/],
    ['OIDC_REDIRECT_URI', 'http://softphone-api.example.com/auth/callback', /^OIDC_REDIRECT_URI must be this backend's https URL ending in \/auth\/callback/],
    ['OIDC_REDIRECT_URI', 'https://softphone-api.example.com/callback', /^OIDC_REDIRECT_URI must be/],
    ['OIDC_REDIRECT_URI', 'https://softphone-api.example.com/auth/callback?x=1', /^OIDC_REDIRECT_URI must be/],
    ['APP_URL', 'softphone', /^APP_URL must be the softphone's http\(s\) URL/],
    ['APP_URL', 'https://softphone.example.com/', /^APP_URL's origin https:\/\/softphone\.example\.com must be one of CORS_ORIGIN \(http:\/\/localhost:5817, http:\/\/127\.0\.0\.1:5817\)/],
    ['OIDC_AGENT_CLAIM', 'user name', /^OIDC_AGENT_CLAIM must be a claim name/],
    ['OIDC_SCOPES', 'profile email', /^OIDC_SCOPES must include openid/],
    ['SESSION_TTL_SECONDS', '299', /^SESSION_TTL_SECONDS must be a whole number from 300 to 86400/],
    ['SESSION_TTL_SECONDS', '86401', /^SESSION_TTL_SECONDS must be a whole number/],
    ['SESSION_TTL_SECONDS', '12h', /^SESSION_TTL_SECONDS must be a whole number/],
  ])('reports a malformed %s (%s)', (name, value, expected) => {
    const problems = problemsFor({ ...validEnv, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('does not check APP_URL against a CORS_ORIGIN that is itself wrong, so each problem is reported once', () => {
    expect(problemsFor({ ...validEnv, CORS_ORIGIN: 'nowhere' })).toHaveLength(1);
  });

  it('never echoes the client secret', () => {
    const problems = problemsFor({ ...validEnv, OIDC_ISSUER: 'ftp://x', OIDC_CLIENT_SECRET: 'very-secret-value-123' });
    expect(problems.join()).not.toContain('very-secret-value-123');
  });
});

describe('loadConfig: the private key', () => {
  it('reads the key from VONAGE_PRIVATE_KEY_PATH', () => {
    const readFile = (path: string) => (path === 'secrets/private.key' ? keys.privateKeyPem : noFile(path));
    const config = configFor({ ...validEnv, VONAGE_PRIVATE_KEY: undefined, VONAGE_PRIVATE_KEY_PATH: 'secrets/private.key' }, readFile);
    expect(config.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('accepts a PEM pasted on one line with literal \\n, and the older PKCS#1 form', () => {
    expect(configFor({ ...validEnv, VONAGE_PRIVATE_KEY: keys.privateKeyPem.replaceAll('\n', '\\n') }).privateKey.type).toBe('private');
    const pkcs1 = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(configFor({ ...validEnv, VONAGE_PRIVATE_KEY: pkcs1 }).privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('refuses both sources at once', () => {
    expect(problemsFor({ ...validEnv, VONAGE_PRIVATE_KEY_PATH: 'private.key' })).toEqual([
      'Set only one of VONAGE_PRIVATE_KEY and VONAGE_PRIVATE_KEY_PATH, not both.',
    ]);
  });

  it('names an unreadable key file', () => {
    expect(problemsFor({ ...validEnv, VONAGE_PRIVATE_KEY: undefined, VONAGE_PRIVATE_KEY_PATH: 'missing.key' })).toEqual([
      'VONAGE_PRIVATE_KEY_PATH: cannot read missing.key (ENOENT).',
    ]);
  });

  it('refuses text that is not a private key, without quoting it', () => {
    const notAKey = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1icm9rZW4=\n-----END PRIVATE KEY-----';
    const problems = problemsFor({ ...validEnv, VONAGE_PRIVATE_KEY: notAKey });
    expect(problems).toEqual(['VONAGE_PRIVATE_KEY is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----").']);
    expect(problems.join()).not.toContain('c2VjcmV0');
  });

  it('refuses a key that cannot sign RS256', () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(problemsFor({ ...validEnv, VONAGE_PRIVATE_KEY: ecKey })).toEqual([
      'VONAGE_PRIVATE_KEY must be an RSA key: Vonage signs with RS256 (got ec).',
    ]);
  });
});
