// The backend's transfer route (server/calls/) hosted by the emulator, as production runs it: the agent's
// token says who asks, and @vonage/voice calls the Voice API, here the emulator's own (/v1/calls) on the
// emulator's origin. Demo tokens are unsigned (src/fake-cloud/demo-token.ts), so the demo checks the name and
// expiry the demo token backend put in; the application key exists only so @vonage/voice can sign its
// requests, as it must for Vonage.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { Voice } from '@vonage/voice';
import { createAgentDirectory } from '../server/agent-directory.ts';
import type { AgentTokenVerifier } from '../server/calls/agent-token.ts';
import { createTransferHandler } from '../server/calls/transfer-handler.ts';
import { vonageVoiceCalls, type VoiceCalls } from '../server/calls/voice-calls.ts';
import { demoAgents } from '../src/fake-cloud/demo-agents.ts';
import { readDemoTokenUser } from '../src/fake-cloud/demo-token.ts';
import { demoContactCenterNumber } from '../src/fake-cloud/ncco/contact-center-port.ts';

export const transferPrefix = '/api/calls/';

/** A demo token's agent, while it has not expired. */
const demoTokenVerifier: AgentTokenVerifier = async (token) => {
  const agent = readDemoTokenUser(token);
  if (agent === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown };
    return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now() ? agent : undefined;
  } catch {
    return undefined;
  }
};

export function createTransferHost(publicBaseUrl: () => string | undefined) {
  const applicationId = randomUUID();
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let calls: { base: string; calls: VoiceCalls } | undefined;
  const voiceCalls = (): VoiceCalls => {
    const base = publicBaseUrl();
    if (base === undefined) throw new Error('The emulator does not know its own address yet');
    if (calls?.base !== base) calls = { base, calls: vonageVoiceCalls(new Voice({ applicationId, privateKey }, { apiHost: base })) };
    return calls.calls;
  };
  const lazyCalls: VoiceCalls = {
    getCall: (uuid) => voiceCalls().getCall(uuid),
    legsOf: (conversationUuid) => voiceCalls().legsOf(conversationUuid),
    transfer: (uuid, ncco) => voiceCalls().transfer(uuid, ncco),
  };
  const app = new Hono().post(
    '/api/calls/:callId/transfer',
    createTransferHandler({
      verifyAgentToken: demoTokenVerifier,
      calls: lazyCalls,
      agents: createAgentDirectory(demoAgents.map((agent) => agent.userName)),
      contactCenterNumber: demoContactCenterNumber,
      logger: {
        info: (message) => {
          if (process.env.EMULATOR_LOG !== 'warn') console.log(`[transfer] ${message}`);
        },
        warn: (message) => console.warn(`[transfer] ${message}`),
        error: (message) => console.error(`[transfer] ${message}`),
      },
    }),
  );
  return { handle: (request: Request) => Promise.resolve(app.fetch(request)) };
}
