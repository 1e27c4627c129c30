import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../testing/recording-logger';
import { createContactCenterRoutes, maxWebhookBodyBytes, type ContactCenterDeps, type InboundFlow } from './create-contact-center';
import { signWebhook } from './sign-webhook';

const publicBaseUrl = 'https://cc.example.com';
const contactCenterNumber = '442079460000';
// A throw-away secret for these tests only.
const secret = 'test-signature-secret-0123456789';
const now = Date.parse('2026-11-28T12:00:00.000Z');
const nowSeconds = now / 1000;

function build(overrides: Partial<ContactCenterDeps> & { flow?: InboundFlow } = {}) {
  const logger = createRecordingLogger();
  let flow: InboundFlow = overrides.flow ?? { kind: 'ivr' };
  const routes = createContactCenterRoutes({
    contactCenterNumber,
    publicBaseUrl,
    inboundFlow: () => flow,
    requireSignedWebhooks: false,
    logger,
    now: () => now,
    ...overrides,
  });
  return { routes, logger, setFlow: (next: InboundFlow) => (flow = next) };
}

type Routes = ReturnType<typeof build>['routes'];

function post(routes: Routes, path: string, body: unknown, headers: Record<string, string> = {}) {
  return routes.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function nccoOf(response: Response): Promise<unknown> {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  return response.json();
}

const agentCall = (custom_data: unknown) => ({
  from_user: 'Jane',
  uuid: 'leg-1',
  conversation_uuid: 'CON-1',
  custom_data,
});

const menuTalk = { action: 'talk', text: 'To talk to Jane, please press 1, or, to talk to Joe, press 2.' };
const menuInput = (eventUrl: string) => ({
  action: 'input',
  type: ['dtmf'],
  dtmf: { maxDigits: 1, timeOut: 5 },
  eventUrl: [eventUrl],
});
const connectApp = (user: string) => ({ action: 'connect', endpoint: [{ type: 'app', user }] });
const apology = [{ action: 'talk', text: 'Sorry, that number could not be dialled.' }];

describe('answer webhook: calls placed by an agent', () => {
  it('dials a phone number from the contact center number', async () => {
    const ncco = await nccoOf(await post(build().routes, '/webhooks/answer', agentCall({ to: '+14155550100', type: 'phone' })));
    expect(ncco).toEqual([
      { action: 'talk', text: 'Please wait while we connect you.' },
      { action: 'connect', timeout: 20, from: contactCenterNumber, endpoint: [{ type: 'phone', number: '14155550100' }] },
    ]);
  });

  it('rings another agent in the app', async () => {
    const ncco = await nccoOf(await post(build().routes, '/webhooks/answer', agentCall({ to: 'Joe', type: 'app' })));
    expect(ncco).toEqual([{ action: 'talk', text: 'Please wait while we connect you.' }, connectApp('Joe')]);
  });

  it('connects a sound check to the echo socket', async () => {
    const ncco = await nccoOf(await post(build().routes, '/webhooks/answer', agentCall({ type: 'sound-check' })));
    expect(ncco).toEqual([
      { action: 'talk', text: 'Please wait while we connect you to the echo server' },
      {
        action: 'connect',
        from: contactCenterNumber,
        endpoint: [
          { type: 'websocket', uri: 'wss://cc.example.com/webhooks/echo', 'content-type': 'audio/l16;rate=16000', headers: {} },
        ],
      },
    ]);
  });

  it('uses ws:// for a plain-http base URL, keeping its path prefix', async () => {
    const { routes } = build({ publicBaseUrl: 'http://127.0.0.1:5817/cc/' });
    const ncco = await nccoOf(await post(routes, '/webhooks/answer', agentCall({ type: 'sound-check' })));
    expect(ncco).toMatchObject([{}, { endpoint: [{ uri: 'ws://127.0.0.1:5817/cc/webhooks/echo' }] }]);
  });

  it('reads the context from a GET query, and a top-level `to` like the seed', async () => {
    const { routes } = build();
    const context = encodeURIComponent(JSON.stringify({ to: 'Joe', type: 'app' }));
    expect(await nccoOf(await routes.request(`/webhooks/answer?from_user=Jane&uuid=u1&custom_data=${context}`))).toEqual([
      { action: 'talk', text: 'Please wait while we connect you.' },
      connectApp('Joe'),
    ]);
    expect(await nccoOf(await routes.request('/webhooks/answer?from_user=Jane&to=%2B14155550100'))).toMatchObject([
      {},
      { endpoint: [{ type: 'phone', number: '14155550100' }] },
    ]);
  });

  it.each([
    ['no destination', { type: 'phone' }],
    ['letters for a number', { to: '+1415CALLME', type: 'phone' }],
    ['a number too short', { to: '+12', type: 'phone' }],
    ['a leading zero', { to: '+0441234567', type: 'phone' }],
    ['a number that is not a string', { to: 14155550100, type: 'phone' }],
    ['an agent name with spaces', { to: 'Joe Bloggs', type: 'app' }],
    ['an unknown type', { to: 'Joe', type: 'fax' }],
  ])('apologises instead of failing for %s', async (_case, context) => {
    const { routes, logger } = build();
    expect(await nccoOf(await post(routes, '/webhooks/answer', agentCall(context)))).toEqual(apology);
    expect(logger.lines.at(-1)).toMatch(/^info answer leg-1: call from agent Jane, refused \(/);
  });

  it('never logs the dialled number', async () => {
    const { routes, logger } = build();
    await post(routes, '/webhooks/answer', agentCall({ to: '+14155550100', type: 'phone' }));
    expect(logger.lines).toEqual(['warn webhook signatures are NOT checked: set VONAGE_SIGNATURE_SECRET before going live', 'info answer leg-1: call from agent Jane, phone']);
  });
});

describe('answer webhook: calls to the contact center number', () => {
  const inbound = { from: '14155550100', to: contactCenterNumber, uuid: 'leg-9', conversation_uuid: 'CON-9' };

  it('plays the IVR menu by default', async () => {
    expect(await nccoOf(await post(build().routes, '/webhooks/answer', inbound))).toEqual([
      { action: 'talk', text: 'Thank you for calling my contact center.' },
      menuTalk,
      menuInput('https://cc.example.com/webhooks/dtmf'),
    ]);
  });

  it('rings the configured agent in the agent flow', async () => {
    const { routes } = build({ flow: { kind: 'agent', agent: 'Jane' } });
    expect(await nccoOf(await post(routes, '/webhooks/answer', inbound))).toEqual([
      { action: 'talk', text: 'Thank you for calling Jane' },
      connectApp('Jane'),
    ]);
  });

  it('plays a custom NCCO as is, reading the flow on every call', async () => {
    const { routes, setFlow } = build();
    const custom = [{ action: 'talk', text: 'We are closed.', bargeIn: false }, { action: 'wait', timeout: 1 }];
    setFlow({ kind: 'custom', ncco: custom });
    expect(await nccoOf(await post(routes, '/webhooks/answer', inbound))).toEqual(custom);
    setFlow({ kind: 'agent', agent: 'Joe' });
    expect(await nccoOf(await routes.request('/webhooks/answer?from=14155550100'))).toEqual([
      { action: 'talk', text: 'Thank you for calling Joe' },
      connectApp('Joe'),
    ]);
  });

  it('apologises when a custom NCCO set at run time is invalid', async () => {
    const { routes, logger } = build({ flow: { kind: 'custom', ncco: [{ action: 'connect' }] } });
    expect(await nccoOf(await post(routes, '/webhooks/answer', inbound))).toEqual([
      { action: 'talk', text: 'Sorry, we cannot take your call right now. Please try again later.' },
    ]);
    expect(logger.lines.at(-1)).toBe('error answer leg-9: the custom NCCO is invalid (NCCO[0] (connect): endpoint is required); playing an apology');
  });

  it('still answers an NCCO when the body is not JSON', async () => {
    expect(await nccoOf(await post(build().routes, '/webhooks/answer', '{"from_user":'))).toMatchObject([
      { text: 'Thank you for calling my contact center.' },
      {},
      {},
    ]);
  });

  it('apologises instead of answering 500 when building the NCCO throws', async () => {
    const { routes, logger } = build({
      inboundFlow: () => {
        throw new TypeError('boom');
      },
    });
    expect(await nccoOf(await post(routes, '/webhooks/answer', inbound))).toEqual(apology);
    expect(logger.lines.at(-1)).toBe('error answer leg-9: TypeError while building the NCCO');
  });
});

describe('DTMF webhook', () => {
  const input = (dtmf: unknown, query = '') =>
    post(build().routes, `/webhooks/dtmf${query}`, { dtmf, uuid: 'leg-9', conversation_uuid: 'CON-9', from: '14155550100', to: contactCenterNumber });

  it.each([
    ['1', 'Jane'],
    ['2', 'Joe'],
  ])('connects digit %s to %s', async (digits, agent) => {
    expect(await nccoOf(await input({ digits, timed_out: false }))).toEqual([
      { action: 'talk', text: `Please wait while we connect you to ${agent}` },
      connectApp(agent),
    ]);
  });

  const retry = [
    { action: 'talk', text: 'Sorry, we did not get a valid choice.' },
    menuTalk,
    menuInput('https://cc.example.com/webhooks/dtmf?attempt=2'),
  ];

  it.each([
    ['no key (timed out)', { digits: '', timed_out: true }],
    ['a wrong key', { digits: '7', timed_out: false }],
    ['no dtmf at all', undefined],
  ])('prompts once more after %s', async (_case, dtmf) => {
    expect(await nccoOf(await input(dtmf))).toEqual(retry);
  });

  it('accepts the older payload with the digits as a string', async () => {
    expect(await nccoOf(await input('2'))).toEqual([{ action: 'talk', text: 'Please wait while we connect you to Joe' }, connectApp('Joe')]);
  });

  it('says goodbye after the second miss, so the call ends', async () => {
    const goodbye = [{ action: 'talk', text: 'Sorry, we did not get a choice. Please call again later. Goodbye.' }];
    expect(await nccoOf(await input({ digits: '9', timed_out: false }, '?attempt=2'))).toEqual(goodbye);
    expect(await nccoOf(await input({ digits: '', timed_out: true }, '?attempt=banana'))).toEqual(goodbye);
    // A right key on the second attempt still connects.
    expect(await nccoOf(await input({ digits: '1', timed_out: false }, '?attempt=2'))).toEqual([
      { action: 'talk', text: 'Please wait while we connect you to Jane' },
      connectApp('Jane'),
    ]);
  });

  it('has no GET route (the production app answers 405 for it, see app.test.ts)', async () => {
    expect((await build().routes.request('/webhooks/dtmf')).status).toBe(404);
  });
});

describe('event webhook', () => {
  it('logs one line per event, without tokens or bodies, and answers 204', async () => {
    const { routes, logger } = build({ signatureSecret: secret });
    const body = JSON.stringify({
      status: 'answered',
      uuid: 'leg-9',
      conversation_uuid: 'CON-9',
      direction: 'inbound',
      from: '14155550100',
      to: contactCenterNumber,
      timestamp: '2026-11-28T12:00:00.000Z',
    });
    const token = signWebhook(body, secret, { issuedAt: nowSeconds });
    const response = await post(routes, '/webhooks/event', body, { Authorization: `Bearer ${token}` });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(logger.lines).toEqual(['info call event answered uuid=leg-9 direction=inbound']);
    const everything = logger.lines.join('\n');
    for (const secretish of [token, secret, '14155550100', 'CON-9']) expect(everything).not.toContain(secretish);
  });

  it('keeps a forged line break out of the log', async () => {
    const { routes, logger } = build();
    await post(routes, '/webhooks/event', { status: 'completed\ninfo issued a token', uuid: 'x'.repeat(500) });
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[1]).toMatch(/^info call event completed\?info issued a token uuid=x{80}… direction=-$/);
  });
});

describe('signed webhooks', () => {
  const signed = () => build({ signatureSecret: secret });
  const body = JSON.stringify(agentCall({ to: 'Joe', type: 'app' }));

  it('accepts a POST signed with the secret and the body hash', async () => {
    const token = signWebhook(body, secret, { issuedAt: nowSeconds });
    expect(await nccoOf(await post(signed().routes, '/webhooks/answer', body, { Authorization: `Bearer ${token}` }))).toMatchObject([
      {},
      connectApp('Joe'),
    ]);
  });

  it('accepts a signed GET, whose token binds no body', async () => {
    const token = signWebhook('', secret, { issuedAt: nowSeconds });
    const response = await signed().routes.request('/webhooks/answer?from=14155550100', { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
  });

  async function expectRefused(headers: Record<string, string>, reason: string, requestBody = body) {
    const { routes, logger } = signed();
    const response = await post(routes, '/webhooks/answer', requestBody, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'This webhook must carry a valid Vonage signature.' });
    expect(logger.lines).toEqual([`warn refused POST /webhooks/answer: ${reason}`]);
  }

  it('refuses a missing signature', () => expectRefused({}, 'no Authorization: Bearer token'));

  it('refuses a token signed with another secret', () =>
    expectRefused({ Authorization: `Bearer ${signWebhook(body, 'some-other-secret', { issuedAt: nowSeconds })}` }, 'the signature does not verify'));

  it('refuses a garbled token', () => expectRefused({ Authorization: 'Bearer not.a.jwt' }, 'the signature does not verify'));

  it('refuses a valid token for a different body', () =>
    expectRefused(
      { Authorization: `Bearer ${signWebhook(body, secret, { issuedAt: nowSeconds })}` },
      'payload_hash does not match the body',
      body.replace('Joe', 'Mal'),
    ));

  it('refuses a stale token, so a captured request cannot be replayed later', () =>
    expectRefused({ Authorization: `Bearer ${signWebhook(body, secret, { issuedAt: nowSeconds - 3600 })}` }, 'the token is stale (iat)'));

  it('guards the DTMF and event routes too', async () => {
    const { routes } = signed();
    expect((await post(routes, '/webhooks/dtmf', { dtmf: { digits: '1' } })).status).toBe(401);
    expect((await post(routes, '/webhooks/event', { status: 'ringing' })).status).toBe(401);
  });

  it('refuses an oversized body before reading it, with or without a Content-Length', async () => {
    const { routes } = signed();
    const huge = JSON.stringify({ padding: 'x'.repeat(maxWebhookBodyBytes) });
    expect((await post(routes, '/webhooks/event', huge, { 'Content-Length': String(huge.length) })).status).toBe(413);
    const streamed = new Blob([huge]).stream();
    const response = await routes.request('/webhooks/event', { method: 'POST', body: streamed, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('refuses to build routes that must be signed without a secret', () => {
    expect(() => build({ requireSignedWebhooks: true })).toThrow(/no signature secret/);
    expect(() => build({ requireSignedWebhooks: true, signatureSecret: '' })).toThrow(/no signature secret/);
  });
});
