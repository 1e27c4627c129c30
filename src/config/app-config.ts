import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod/mini';

// The environment is parsed and validated once, at start. A live build with a bad configuration shows the
// problems on screen instead of failing later with an obscure SDK error.

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.pipe(z.transform(blankToUndefined), z.optional(z.string().check(z.trim())));
const optionalUrl = (name: string) =>
  z.pipe(z.transform(blankToUndefined), z.optional(z.url({ error: `${name} must be a full URL` })));

const environmentSchema = z.object({
  VITE_SOFTPHONE_MODE: z.enum(['demo', 'live'], { error: 'VITE_SOFTPHONE_MODE must be "demo" or "live"' }),
  VITE_TOKEN_URL: z._default(z.string().check(z.trim(), z.minLength(1)), '/api/jwt'),
  VITE_AUTH_MODE: z._default(
    z.enum(['organization', 'mobile-api-key'], { error: 'VITE_AUTH_MODE must be "organization" or "mobile-api-key"' }),
    'organization',
  ),
  VITE_MOBILE_API_KEY: optionalText,
  VITE_VONAGE_REGION: z.optional(z.enum(['US', 'EU', 'AP'], { error: 'VITE_VONAGE_REGION must be US, EU or AP' })),
  VITE_VONAGE_API_URL: optionalUrl('VITE_VONAGE_API_URL'),
  VITE_VONAGE_WEBSOCKET_URL: optionalUrl('VITE_VONAGE_WEBSOCKET_URL'),
  VITE_DEFAULT_COUNTRY: z._default(
    z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'VITE_DEFAULT_COUNTRY must be a two-letter country code such as US or GB' })),
    'US',
  ),
  VITE_TOKEN_TIMEOUT_MS: z._default(
    z.coerce
      .number({ error: 'VITE_TOKEN_TIMEOUT_MS must be a number of milliseconds' })
      .check(z.int({ error: 'VITE_TOKEN_TIMEOUT_MS must be a whole number' }), z.minimum(500, { error: 'VITE_TOKEN_TIMEOUT_MS must be at least 500' })),
    10_000,
  ),
});

/**
 * How the agent proves who they are to the backend before it mints a Vonage token.
 * - `organization`: the live default. The agent signs in with the organisation's identity provider through the
 *   backend (OpenID Connect); the backend keeps the session in an HttpOnly cookie and mints only that agent's token.
 * - `mobile-api-key`: the seed backend's contract (any name plus a shared key). The key is in the public bundle,
 *   so anyone who loads the page can mint a token for any agent: for the demo and the seed backend only.
 */
export type AuthConfig = { kind: 'organization' } | { kind: 'mobile-api-key'; mobileApiKey: string };

/** Shared by both modes. */
interface CommonConfig {
  tokenUrl: string;
  auth: AuthConfig;
  /** Country assumed for numbers dialled without a + prefix. */
  defaultCountry: CountryCode;
  tokenTimeoutMs: number;
}

export type AppConfig =
  | (CommonConfig & { mode: 'demo' })
  | (CommonConfig & { mode: 'live'; vonage: { region?: 'US' | 'EU' | 'AP'; apiUrl?: string; websocketUrl?: string } });

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** The mobile API key the demo token backend expects. */
export const demoMobileApiKey = 'demo-mobile-key';

export function parseAppConfig(environment: Record<string, unknown>): ConfigResult {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  const env = parsed.data;
  const common = {
    tokenUrl: env.VITE_TOKEN_URL,
    defaultCountry: env.VITE_DEFAULT_COUNTRY as CountryCode,
    tokenTimeoutMs: env.VITE_TOKEN_TIMEOUT_MS,
  };
  if (env.VITE_SOFTPHONE_MODE === 'demo') {
    return { ok: true, config: { ...common, mode: 'demo', auth: { kind: 'mobile-api-key', mobileApiKey: demoMobileApiKey } } };
  }
  const problems: string[] = [];
  const usesKey = env.VITE_AUTH_MODE === 'mobile-api-key';
  if (usesKey && !env.VITE_MOBILE_API_KEY) {
    problems.push('VITE_MOBILE_API_KEY is missing (it must equal the token server’s MOBILE_API_KEY)');
  }
  if (!usesKey && env.VITE_MOBILE_API_KEY) {
    // A key in a build that does not use it would still be published in the bundle.
    problems.push('VITE_MOBILE_API_KEY is set but VITE_AUTH_MODE is not "mobile-api-key": remove it, it would be public in the bundle');
  }
  if (Boolean(env.VITE_VONAGE_API_URL) !== Boolean(env.VITE_VONAGE_WEBSOCKET_URL)) {
    problems.push('Set both VITE_VONAGE_API_URL and VITE_VONAGE_WEBSOCKET_URL, or neither');
  }
  if (problems.length > 0) return { ok: false, problems };
  const auth: AuthConfig = usesKey && env.VITE_MOBILE_API_KEY ? { kind: 'mobile-api-key', mobileApiKey: env.VITE_MOBILE_API_KEY } : { kind: 'organization' };
  return {
    ok: true,
    config: {
      ...common,
      mode: 'live',
      auth,
      vonage: {
        ...(env.VITE_VONAGE_REGION ? { region: env.VITE_VONAGE_REGION } : {}),
        ...(env.VITE_VONAGE_API_URL ? { apiUrl: env.VITE_VONAGE_API_URL } : {}),
        ...(env.VITE_VONAGE_WEBSOCKET_URL ? { websocketUrl: env.VITE_VONAGE_WEBSOCKET_URL } : {}),
      },
    },
  };
}
