import type { KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { agentNamePattern } from './agent-directory';
import { loadAuthConfig, type AuthConfig } from './auth/auth-config';
import { loadContactCenterConfig, type ContactCenterConfig } from './contact-center/contact-center-config';
import { loadPrivateKey, readTextFile, type ReadTextFile } from './private-key';
import { defaultSignInLimits, type SignInLimitCounts } from './sign-in-limits';

export interface TokenServerConfig {
  applicationId: string;
  privateKey: KeyObject;
  /** How an agent signs in before asking for a token: OpenID Connect, or the seed contract's shared key. */
  auth: AuthConfig;
  /** Configured spelling, which is also the Vonage user name. */
  agents: readonly string[];
  tokenTtlSeconds: number;
  port: number;
  host: string;
  corsOrigins: readonly string[];
  /** Without a trailing slash. */
  vonageApiUrl: string;
  /** Proxies whose X-Forwarded-For is believed; empty: the socket's address is the client's. */
  trustedProxies: readonly string[];
  signInLimits: SignInLimitCounts;
  /** Vonage's voice webhooks; absent when CONTACT_CENTER_NUMBER and its companions are not set. */
  contactCenter?: ContactCenterConfig;
}

export type ConfigResult = { ok: true; config: TokenServerConfig } | { ok: false; problems: string[] };

export type Environment = Readonly<Record<string, string | undefined>>;

export const defaults = {
  tokenTtlSeconds: 3600,
  port: 5830,
  host: '127.0.0.1',
  corsOrigins: 'http://localhost:5817,http://127.0.0.1:5817',
  vonageApiUrl: 'https://api.nexmo.com',
} as const;

const maxTokenTtlSeconds = 24 * 60 * 60;
const minTokenTtlSeconds = 60;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// An empty or blank variable (`PORT=`) is treated as unset, so defaults apply and "missing" means missing.
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const required = (name: string) => z.preprocess(blankAsUnset, z.string({ error: `${name} is missing.` }).trim());
const optional = (fallback: string) => z.preprocess(blankAsUnset, z.string().trim().default(fallback));

const wholeNumber = (name: string, fallback: number, min: number, max: number, hint: string) =>
  optional(String(fallback))
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, {
      error: `${name} must be a whole number from ${min} to ${max}${hint}.`,
    })
    .transform(Number);

const commaList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const agentsSchema = required('AGENTS')
  .transform(commaList)
  .superRefine((names, ctx) => {
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'AGENTS must list at least one agent, e.g. AGENTS=Jane,Joe.' });
    const invalid = names.filter((name) => !agentNamePattern.test(name));
    if (invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `AGENTS: ${invalid.map((name) => JSON.stringify(name)).join(', ')} not allowed; use letters, digits and . _ @ + - (up to 100).`,
      });
    }
    const folded = names.map((name) => name.toLowerCase());
    const duplicates = names.filter((_name, index) => folded.indexOf(folded[index] ?? '') !== index);
    if (duplicates.length > 0) {
      ctx.addIssue({ code: 'custom', message: `AGENTS lists ${duplicates.join(', ')} twice (names are matched ignoring case).` });
    }
  });

const corsOriginsSchema = optional(defaults.corsOrigins)
  .transform(commaList)
  .superRefine((origins, ctx) => {
    const invalid = origins.filter((origin) => {
      const url = parseHttpUrl(origin);
      return url === undefined || (url.pathname !== '/' || url.search !== '' || url.hash !== '');
    });
    if (origins.length === 0 || invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `CORS_ORIGIN must be one or more comma-separated origins such as http://localhost:5817 (scheme, host and port only)${
          invalid.length > 0 ? `; not an origin: ${invalid.join(', ')}` : ''
        }.`,
      });
    }
  })
  .transform((origins) => origins.map((origin) => new URL(origin).origin));

const vonageApiUrlSchema = optional(defaults.vonageApiUrl)
  .refine((text) => parseHttpUrl(text) !== undefined, {
    error: 'VONAGE_API_URL must be an http(s) URL such as https://api.nexmo.com.',
  })
  .transform((text) => text.replace(/\/+$/, ''));

const trustedProxySchema = optional('')
  .transform(commaList)
  .superRefine((addresses, ctx) => {
    const invalid = addresses.filter((address) => isIP(address) === 0);
    if (invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUSTED_PROXY must be the IP addresses of your reverse proxies, comma-separated (no names or ranges); not an IP address: ${invalid.join(', ')}.`,
      });
    }
  });

const perWindow = (name: string, fallback: number) =>
  wholeNumber(name, fallback, 1, 100_000, ' (per 15 minutes)');

const environmentSchema = z.object({
  VONAGE_APPLICATION_ID: required('VONAGE_APPLICATION_ID').refine((id) => uuidPattern.test(id), {
    error: 'VONAGE_APPLICATION_ID must be a Vonage application id (a UUID like 12345678-abcd-4ef0-9abc-1234567890ab).',
  }),
  AGENTS: agentsSchema,
  TOKEN_TTL_SECONDS: wholeNumber(
    'TOKEN_TTL_SECONDS',
    defaults.tokenTtlSeconds,
    minTokenTtlSeconds,
    maxTokenTtlSeconds,
    ' (the cap is 24 hours)',
  ),
  PORT: wholeNumber('PORT', defaults.port, 0, 65535, ' (0 picks a free port)'),
  HOST: optional(defaults.host),
  CORS_ORIGIN: corsOriginsSchema,
  VONAGE_API_URL: vonageApiUrlSchema,
  TRUSTED_PROXY: trustedProxySchema,
  LIMIT_FAILURES_PER_ADDRESS: perWindow('LIMIT_FAILURES_PER_ADDRESS', defaultSignInLimits.failuresPerAddress),
  LIMIT_FAILURES_PER_AGENT: perWindow('LIMIT_FAILURES_PER_AGENT', defaultSignInLimits.failuresPerAgent),
  LIMIT_TOKENS_PER_AGENT: perWindow('LIMIT_TOKENS_PER_AGENT', defaultSignInLimits.tokensPerAgent),
});

/**
 * Reads and checks the whole environment at once, so a first run reports every problem together instead of
 * one per restart. Problems name the variable and never echo a secret value.
 */
export function loadConfig(env: Environment, readFile: ReadTextFile = readTextFile): ConfigResult {
  const parsed = environmentSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);

  // The key is loaded even when other variables are wrong, so its problems are reported in the same run.
  const privateKey = loadPrivateKey(
    { pem: blankAsUnsetText(env.VONAGE_PRIVATE_KEY), path: blankAsUnsetText(env.VONAGE_PRIVATE_KEY_PATH)?.trim() },
    readFile,
  );
  if (!privateKey.ok) problems.push(privateKey.problem);

  // CORS origins are passed only when valid, so APP_URL is checked against them without a second complaint.
  const corsOrigins = corsOriginsSchema.safeParse(env.CORS_ORIGIN);
  const auth = loadAuthConfig(env, corsOrigins.success ? corsOrigins.data : undefined);
  if (!auth.ok) problems.push(...auth.problems);

  // Agents are passed only when valid, so INBOUND_AGENT is checked against them without a second complaint.
  const contactCenter = loadContactCenterConfig(env, readFile, parsed.success ? parsed.data.AGENTS : undefined);
  if (!contactCenter.ok) problems.push(...contactCenter.problems);

  if (!parsed.success || !privateKey.ok || !auth.ok || !contactCenter.ok) return { ok: false, problems };
  const values = parsed.data;
  return {
    ok: true,
    config: {
      applicationId: values.VONAGE_APPLICATION_ID,
      privateKey: privateKey.key,
      auth: auth.config,
      agents: values.AGENTS,
      tokenTtlSeconds: values.TOKEN_TTL_SECONDS,
      port: values.PORT,
      host: values.HOST,
      corsOrigins: values.CORS_ORIGIN,
      vonageApiUrl: values.VONAGE_API_URL,
      trustedProxies: values.TRUSTED_PROXY,
      signInLimits: {
        failuresPerAddress: values.LIMIT_FAILURES_PER_ADDRESS,
        failuresPerAgent: values.LIMIT_FAILURES_PER_AGENT,
        tokensPerAgent: values.LIMIT_TOKENS_PER_AGENT,
      },
      ...(contactCenter.config === undefined ? {} : { contactCenter: contactCenter.config }),
    },
  };
}

function blankAsUnsetText(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
