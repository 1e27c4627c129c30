import type { ReadTextFile } from '../private-key';
import { agentNamePattern } from '../agent-directory';
import type { InboundFlow } from './inbound-ncco';
import { e164Digits } from './phone-number';
import { validateNcco } from './validate-ncco';

export interface ContactCenterConfig {
  /** E.164 digits without '+'. */
  contactCenterNumber: string;
  /** http(s) origin plus optional path prefix, without a trailing slash. */
  publicBaseUrl: string;
  inboundFlow: InboundFlow;
  signatureSecret: string | undefined;
  requireSignedWebhooks: boolean;
}

/** `config: undefined` means the webhooks are off: nothing about them is configured. */
export type ContactCenterConfigResult = { ok: true; config: ContactCenterConfig | undefined } | { ok: false; problems: string[] };

type Environment = Readonly<Record<string, string | undefined>>;

export const contactCenterDefaults = { inboundFlow: 'ivr', inboundAgent: 'Jane' } as const;
const flowKinds = ['agent', 'ivr', 'custom'] as const;
const relatedVariables = ['PUBLIC_BASE_URL', 'INBOUND_FLOW', 'INBOUND_AGENT', 'CUSTOM_NCCO_FILE', 'VONAGE_SIGNATURE_SECRET'];

const text = (env: Environment, name: string) => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

function parsePublicBaseUrl(value: string | undefined, problems: string[]): string {
  if (value === undefined) {
    problems.push('PUBLIC_BASE_URL is missing: Vonage calls the DTMF webhook and the echo socket there (e.g. https://cc.example.com).');
    return '';
  }
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '' && url.username === '') {
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }
  } catch {
    // Reported below.
  }
  problems.push('PUBLIC_BASE_URL must be the http(s) URL where Vonage reaches this server, without a query, e.g. https://cc.example.com.');
  return '';
}

function parseFlow(env: Environment, agents: readonly string[] | undefined, readFile: ReadTextFile, problems: string[]): InboundFlow {
  const kind = text(env, 'INBOUND_FLOW') ?? contactCenterDefaults.inboundFlow;
  if (kind === 'agent') {
    const requested = text(env, 'INBOUND_AGENT') ?? contactCenterDefaults.inboundAgent;
    // The configured spelling, as for sign-in: it is the Vonage user name the call rings.
    const agent = agents === undefined ? requested : agents.find((name) => name.toLowerCase() === requested.toLowerCase());
    if (!agentNamePattern.test(requested)) problems.push(`INBOUND_AGENT ${JSON.stringify(requested.slice(0, 100))} is not an agent name.`);
    else if (agent === undefined) problems.push(`INBOUND_AGENT ${requested} is not one of AGENTS, so nobody could answer.`);
    return { kind: 'agent', agent: agent ?? requested };
  }
  if (kind === 'custom') return { kind: 'custom', ncco: readCustomNcco(text(env, 'CUSTOM_NCCO_FILE'), readFile, problems) };
  if (kind !== 'ivr') problems.push(`INBOUND_FLOW must be one of ${flowKinds.join(', ')} (got ${JSON.stringify(kind.slice(0, 40))}).`);
  return { kind: 'ivr' };
}

/** Read and checked at start, so a broken NCCO stops the server instead of greeting callers with silence. */
function readCustomNcco(path: string | undefined, readFile: ReadTextFile, problems: string[]): unknown[] {
  if (path === undefined) {
    problems.push('CUSTOM_NCCO_FILE is missing: INBOUND_FLOW=custom plays the NCCO (a JSON array) in that file.');
    return [];
  }
  let content: string;
  try {
    content = readFile(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    problems.push(`CUSTOM_NCCO_FILE: cannot read ${path} (${code}).`);
    return [];
  }
  let ncco: unknown;
  try {
    ncco = JSON.parse(content);
  } catch {
    problems.push(`CUSTOM_NCCO_FILE: ${path} is not valid JSON.`);
    return [];
  }
  const checked = validateNcco(ncco);
  if (!checked.ok) problems.push(...checked.problems.map((problem) => `CUSTOM_NCCO_FILE: ${path}: ${problem}.`));
  return checked.ok ? checked.ncco : [];
}

/**
 * The voice-webhook settings. Without CONTACT_CENTER_NUMBER (and nothing else of theirs set) the webhooks
 * are simply off, so a token-only setup keeps working; once any is set, every problem is reported together.
 */
export function loadContactCenterConfig(
  env: Environment,
  readFile: ReadTextFile,
  agents: readonly string[] | undefined,
): ContactCenterConfigResult {
  const numberText = text(env, 'CONTACT_CENTER_NUMBER');
  if (numberText === undefined) {
    const set = relatedVariables.filter((name) => text(env, name) !== undefined);
    if (set.length === 0) return { ok: true, config: undefined };
    return { ok: false, problems: [`CONTACT_CENTER_NUMBER is missing: the voice webhooks need it (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set).`] };
  }

  const problems: string[] = [];
  const contactCenterNumber = e164Digits(numberText);
  if (contactCenterNumber === undefined) {
    problems.push('CONTACT_CENTER_NUMBER must be your Vonage number in E.164 form, e.g. 442079460000.');
  }
  const publicBaseUrl = parsePublicBaseUrl(text(env, 'PUBLIC_BASE_URL'), problems);
  const inboundFlow = parseFlow(env, agents, readFile, problems);
  const signatureSecret = text(env, 'VONAGE_SIGNATURE_SECRET');
  const requireSignedWebhooks = env.NODE_ENV === 'production';
  if (requireSignedWebhooks && signatureSecret === undefined) {
    problems.push(
      'VONAGE_SIGNATURE_SECRET is missing: with NODE_ENV=production every webhook must be signed (the secret is in the Vonage dashboard, API settings).',
    );
  }

  if (problems.length > 0 || contactCenterNumber === undefined) return { ok: false, problems };
  return { ok: true, config: { contactCenterNumber, publicBaseUrl, inboundFlow, signatureSecret, requireSignedWebhooks } };
}
