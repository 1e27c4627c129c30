import { describe, expect, it } from 'vitest';
import { loadConfig, type Environment } from '../config';
import { createTestKeyPair } from '../testing/test-key-pair';

const keys = createTestKeyPair();

const tokenEnv: Environment = {
  VONAGE_APPLICATION_ID: '0f3b2a1c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  VONAGE_PRIVATE_KEY: keys.privateKeyPem,
  AUTH_MODE: 'mobile-api-key',
  MOBILE_API_KEY: 'a-long-enough-key',
  AGENTS: 'Jane, Joe',
};
const webhookEnv: Environment = { ...tokenEnv, CONTACT_CENTER_NUMBER: '+442079460000', PUBLIC_BASE_URL: 'https://cc.example.com/' };

const customNcco = [{ action: 'talk', text: 'We are closed.' }];
const files: Record<string, string> = {
  'closed.json': JSON.stringify(customNcco),
  'broken.json': '[{"action": "talk"',
  'invalid.json': JSON.stringify([{ action: 'talk' }, { action: 'connect', endpoint: [{ type: 'phone' }] }]),
};
const readFile = (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

function contactCenterFor(env: Environment) {
  const result = loadConfig(env, readFile);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join(' | ')}`);
  return result.config.contactCenter;
}

function problemsFor(env: Environment): string[] {
  const result = loadConfig(env, readFile);
  if (result.ok) throw new Error('expected configuration problems');
  return result.problems;
}

describe('loadConfig: the voice webhooks', () => {
  it('leaves the webhooks off when none of their variables is set, so a token-only setup still starts', () => {
    expect(contactCenterFor(tokenEnv)).toBeUndefined();
    expect(contactCenterFor({ ...tokenEnv, NODE_ENV: 'production' })).toBeUndefined();
  });

  it('defaults to the IVR, unsigned in development', () => {
    expect(contactCenterFor(webhookEnv)).toEqual({
      contactCenterNumber: '442079460000',
      publicBaseUrl: 'https://cc.example.com',
      inboundFlow: { kind: 'ivr' },
      signatureSecret: undefined,
      requireSignedWebhooks: false,
    });
  });

  it('reads the agent flow with the configured spelling, and the secret', () => {
    expect(
      contactCenterFor({ ...webhookEnv, INBOUND_FLOW: 'agent', INBOUND_AGENT: 'joe', VONAGE_SIGNATURE_SECRET: 's', NODE_ENV: 'production' }),
    ).toMatchObject({ inboundFlow: { kind: 'agent', agent: 'Joe' }, signatureSecret: 's', requireSignedWebhooks: true });
    expect(contactCenterFor({ ...webhookEnv, INBOUND_FLOW: 'agent' })).toMatchObject({ inboundFlow: { kind: 'agent', agent: 'Jane' } });
  });

  it('reads and validates the custom NCCO file at start', () => {
    expect(contactCenterFor({ ...webhookEnv, INBOUND_FLOW: 'custom', CUSTOM_NCCO_FILE: 'closed.json' })).toMatchObject({
      inboundFlow: { kind: 'custom', ncco: customNcco },
    });
    expect(problemsFor({ ...webhookEnv, INBOUND_FLOW: 'custom', CUSTOM_NCCO_FILE: 'invalid.json' })).toEqual([
      'CUSTOM_NCCO_FILE: invalid.json: NCCO[0] (talk): text is required.',
      'CUSTOM_NCCO_FILE: invalid.json: NCCO[1] (connect): endpoint[0].number is required.',
    ]);
  });

  it.each([
    [{ INBOUND_FLOW: 'custom' }, 'CUSTOM_NCCO_FILE is missing: INBOUND_FLOW=custom plays the NCCO (a JSON array) in that file.'],
    [{ INBOUND_FLOW: 'custom', CUSTOM_NCCO_FILE: 'nowhere.json' }, 'CUSTOM_NCCO_FILE: cannot read nowhere.json (ENOENT).'],
    [{ INBOUND_FLOW: 'custom', CUSTOM_NCCO_FILE: 'broken.json' }, 'CUSTOM_NCCO_FILE: broken.json is not valid JSON.'],
    [{ INBOUND_FLOW: 'queue' }, 'INBOUND_FLOW must be one of agent, ivr, custom (got "queue").'],
    [{ INBOUND_FLOW: 'agent', INBOUND_AGENT: 'Mallory' }, 'INBOUND_AGENT Mallory is not one of AGENTS, so nobody could answer.'],
    [{ INBOUND_FLOW: 'agent', INBOUND_AGENT: 'Jane Doe' }, 'INBOUND_AGENT "Jane Doe" is not an agent name.'],
    [{ CONTACT_CENTER_NUMBER: '020 7946 0000' }, 'CONTACT_CENTER_NUMBER must be your Vonage number in E.164 form, e.g. 442079460000.'],
    [{ PUBLIC_BASE_URL: undefined }, 'PUBLIC_BASE_URL is missing: Vonage calls the DTMF webhook and the echo socket there (e.g. https://cc.example.com).'],
    [{ PUBLIC_BASE_URL: 'cc.example.com' }, 'PUBLIC_BASE_URL must be the http(s) URL where Vonage reaches this server, without a query, e.g. https://cc.example.com.'],
    [{ PUBLIC_BASE_URL: 'https://cc.example.com/?x=1' }, 'PUBLIC_BASE_URL must be the http(s) URL where Vonage reaches this server, without a query, e.g. https://cc.example.com.'],
    [
      { NODE_ENV: 'production' },
      'VONAGE_SIGNATURE_SECRET is missing: with NODE_ENV=production every webhook must be signed (the secret is in the Vonage dashboard, API settings).',
    ],
    [
      { CONTACT_CENTER_NUMBER: ' ', INBOUND_FLOW: 'agent' },
      'CONTACT_CENTER_NUMBER is missing: the voice webhooks need it (PUBLIC_BASE_URL, INBOUND_FLOW are set).',
    ],
  ])('refuses %j', (overrides, problem) => {
    expect(problemsFor({ ...webhookEnv, ...overrides })).toEqual([problem]);
  });

  it('reports webhook problems together with the token server’s own', () => {
    expect(problemsFor({ ...webhookEnv, MOBILE_API_KEY: undefined, PUBLIC_BASE_URL: undefined, NODE_ENV: 'production' })).toEqual([
      'MOBILE_API_KEY is missing.',
      'PUBLIC_BASE_URL is missing: Vonage calls the DTMF webhook and the echo socket there (e.g. https://cc.example.com).',
      'VONAGE_SIGNATURE_SECRET is missing: with NODE_ENV=production every webhook must be signed (the secret is in the Vonage dashboard, API settings).',
    ]);
  });

  it('never echoes the signature secret', () => {
    const problems = problemsFor({ ...webhookEnv, VONAGE_SIGNATURE_SECRET: 'hunter2-secret', CONTACT_CENTER_NUMBER: 'x' });
    expect(problems.join()).not.toContain('hunter2');
  });
});
