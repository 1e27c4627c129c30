// The emulator in live-test mode as the lead's Playwright "live" project meets it: a standalone server, the
// SDK's socket on its default path, its REST from another origin, the backend's Users API client.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createJwtSigner } from '../server/jwt-signer.ts';
import { createTestKeyPair } from '../server/testing/test-key-pair.ts';
import { createVonageUsers } from '../server/vonage-users.ts';
import { demoMobileApiKey } from '../src/config/app-config.ts';
import { createEmulator, tokenPath } from './create-emulator.ts';
import { startStandaloneEmulator, type StandaloneEmulator } from './standalone-server.ts';
import { applicationIdEnv, publicKeyPathEnv } from './vonage-application-env.ts';

const applicationId = '5b3c1f6e-2d4a-4c8b-9e7f-0a1b2c3d4e5f';
const keys = createTestKeyPair();
const signer = createJwtSigner({ applicationId, privateKey: keys.privateKey, now: () => Date.now() });
const strangerSigner = createJwtSigner({ applicationId, privateKey: createTestKeyPair().privateKey, now: () => Date.now() });
const spaOrigin = 'http://127.0.0.1:5999';

let cloud: StandaloneEmulator;
beforeAll(async () => {
  cloud = await startStandaloneEmulator({ port: 0, syntheticAgents: 0, vonageApplication: { applicationId, publicKey: keys.publicKey } });
});
afterAll(async () => {
  await cloud.close();
});

/** The first Socket.IO event the cloud sends a socket that connects as the SDK does (on its default path). */
async function firstEvent(token: string): Promise<{ type: string; body: unknown }> {
  const url = `${cloud.url.replace('http', 'ws')}/v2/rtc/?${new URLSearchParams({ session_version: '0.0.3', token, EIO: '4', transport: 'websocket' })}`;
  const socket = new WebSocket(url);
  try {
    return await new Promise((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const frame = data.toString();
        if (frame.startsWith('0')) socket.send('40');
        if (frame.startsWith('42')) {
          const [type, body] = JSON.parse(frame.slice(2)) as [string, unknown];
          resolve({ type, body });
        }
      });
      socket.on('error', reject);
    });
  } finally {
    socket.close();
  }
}

const api = (path: string) => `${cloud.url}/fake-vonage/api${path}`;
const bearer = (token: string) => ({ Authorization: `bearer ${token}`, Origin: spaOrigin });

describe('live-test mode over HTTP', () => {
  it('opens an SDK session on the SDK’s default socket path for a backend token, and refuses a stranger’s', async () => {
    const jane = await firstEvent((await signer.signAgentToken('Jane', 600)).jwt);
    expect(jane).toMatchObject({ type: 'session:success', body: { body: { user_id: 'USR-0e5a3b7c-jane', name: 'Jane' } } });
    expect((await firstEvent((await strangerSigner.signAgentToken('Jane', 600)).jwt)).type).toBe('system:error:invalid-token');
  });

  it('ends a live session when its token expires: expired-token, DISCONNECT, close, and nothing held after', async () => {
    // Other tests' sessions outlive their closed sockets until their own tokens expire, as on Vonage.
    const armedBefore = cloud.emulator.resources().sessionExpiries;
    const url = `${cloud.url.replace('http', 'ws')}/v2/rtc/?${new URLSearchParams({ token: (await signer.signAgentToken('Joe', 2)).jwt, EIO: '4', transport: 'websocket' })}`;
    const socket = new WebSocket(url);
    const frames: string[] = [];
    socket.on('message', (data: Buffer) => {
      const frame = data.toString();
      frames.push(frame);
      if (frame.startsWith('0')) socket.send('40');
    });
    await new Promise((resolve) => socket.once('close', resolve));
    const events = frames.filter((frame) => frame.startsWith('42')).map((frame) => (JSON.parse(frame.slice(2)) as [string])[0]);
    expect(events).toEqual(['session:success', 'system:error:expired-token']);
    expect(frames.at(-1)).toBe('41');
    await expect.poll(() => cloud.emulator.resources()).toMatchObject({ sockets: 0, sessionExpiries: armedBefore });
    expect(await cloud.emulator.cloud.control.sessions('Joe')).toEqual([]);
  });

  it('answers the SDK’s REST 401 for a bad or missing token, and lets a good one through to the routes', async () => {
    const good = (await signer.signAgentToken('Jane', 600)).jwt;
    const bad = (await strangerSigner.signAgentToken('Jane', 600)).jwt;
    const refused = await fetch(api('/v0.3/conversations/CON-x'), { headers: bearer(bad) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(spaOrigin);
    expect(await refused.json()).toMatchObject({ code: 'system:error:invalid-token', detail: expect.any(String) as unknown });
    expect((await fetch(api('/v0.3/legs/LEG-x'), { headers: { Origin: spaOrigin } })).status).toBe(401);
    const passed = await fetch(api('/v0.3/conversations/CON-x'), { headers: bearer(good) });
    expect(passed.status).toBe(404);
    expect(await passed.json()).toMatchObject({ code: 'conversation:error:not-found' });
    // The SDK's hangup after its session ended comes without Authorization (wire-reliability.log): not a 401.
    const hangup = await fetch(api('/v0.2/conversations/CON-x/members/MEM-x'), { method: 'DELETE', headers: { Origin: spaOrigin } });
    expect(hangup.status).not.toBe(401);
  });

  it('answers CORS preflights for the SDK’s REST and the Users API from the SPA’s origin', async () => {
    for (const path of ['/fake-vonage/api/v0.2/sessions/sess-1', '/v1/users', '/v2/rtc/metrics']) {
      const preflight = await fetch(`${cloud.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: spaOrigin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(spaOrigin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    }
  });

  it('serves the Users API to the backend’s own client, with the cloud’s user ids', async () => {
    const users = createVonageUsers({ apiUrl: cloud.url, applicationToken: async () => (await signer.signApplicationToken(60)).jwt });
    expect(await users.userIdFor('Joe')).toBe('USR-4c1d9f2e-joe');
    // A name the cloud does not know is created, and the cloud then accepts that user's sessions.
    const aliceId = await users.userIdFor('Alice');
    expect(aliceId).toMatch(/^USR-/);
    const alice = await firstEvent((await signer.signAgentToken('Alice', 600)).jwt);
    expect(alice).toMatchObject({ type: 'session:success', body: { body: { user_id: aliceId, name: 'Alice' } } });

    const strangers = createVonageUsers({ apiUrl: cloud.url, applicationToken: async () => (await strangerSigner.signApplicationToken(60)).jwt });
    await expect(strangers.userIdFor('Jane')).rejects.toThrow(/401/);
    const listed = await fetch(`${cloud.url}/v1/users?name=Jane`, { headers: { Authorization: `Bearer ${(await signer.signApplicationToken(60)).jwt}` } });
    expect(await listed.json()).toMatchObject({ _embedded: { users: [{ id: 'USR-0e5a3b7c-jane', name: 'Jane', display_name: 'Jane Doe' }] } });
  });

  it('leaves token issuing to the real backend: the demo token route answers 404', async () => {
    const response = await fetch(`${cloud.url}${tokenPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_name: 'Jane', mobile_api_key: demoMobileApiKey }),
    });
    expect(response.status).toBe(404);
  });

  it('will not start with only one of the two environment variables', () => {
    vi.stubEnv(applicationIdEnv, applicationId);
    vi.stubEnv(publicKeyPathEnv, '');
    try {
      expect(() => createEmulator()).toThrow(/Set both EMULATOR_APPLICATION_ID and EMULATOR_PUBLIC_KEY_PATH/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
