import { generateKeyPairSync } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createAgentDirectory } from '../agent-directory';
import { createJwtSigner } from '../jwt-signer';
import { createRecordingLogger } from '../testing/recording-logger';
import { createTestKeyPair } from '../testing/test-key-pair';
import { agentTokenVerifier } from './agent-token';
import { createTransferHandler } from './transfer-handler';
import type { CallLeg, VoiceCalls } from './voice-calls';

const applicationId = 'app-1';
const contactCenterNumber = '442079460000';

const janesLeg: CallLeg = { uuid: 'LEG-jane', conversationUuid: 'CON-1', status: 'answered', from: { type: 'phone', number: '447700900001' }, to: { type: 'app', user: 'Jane' } };
const callersLeg: CallLeg = { uuid: 'LEG-caller', conversationUuid: 'CON-1', status: 'answered', from: { type: 'phone', number: '447700900001' }, to: { type: 'phone', number: contactCenterNumber } };

function fakeCalls(legs: CallLeg[]): VoiceCalls & { transfers: Array<{ uuid: string; ncco: unknown }> } {
  const transfers: Array<{ uuid: string; ncco: unknown }> = [];
  return {
    transfers,
    getCall: async (uuid) => legs.find((leg) => leg.uuid === uuid),
    legsOf: async (conversationUuid) => legs.filter((leg) => leg.conversationUuid === conversationUuid),
    transfer: async (uuid, ncco) => void transfers.push({ uuid, ncco }),
  };
}

async function harness(legs: CallLeg[] = [janesLeg, callersLeg]) {
  const keys = createTestKeyPair();
  const signer = createJwtSigner({ applicationId, privateKey: keys.privateKey, now: Date.now });
  const calls = fakeCalls(legs);
  const logger = createRecordingLogger();
  const app = new Hono().post(
    '/api/calls/:callId/transfer',
    createTransferHandler({ verifyAgentToken: agentTokenVerifier(keys.privateKey, applicationId), calls, agents: createAgentDirectory(['Jane', 'Joe']), contactCenterNumber, logger }),
  );
  const tokenOf = async (agent: string) => (await signer.signAgentToken(agent, 600)).jwt;
  const transfer = async (callId: string, to: unknown, token?: string) =>
    app.request(`/api/calls/${callId}/transfer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ to }),
    });
  return { calls, logger, tokenOf, transfer };
}

describe('POST /api/calls/{callId}/transfer', () => {
  it('moves the other party to the agent with a hold message, and leaves the agent’s own leg alone', async () => {
    const { calls, tokenOf, transfer } = await harness();
    const response = await transfer('LEG-jane', 'joe', await tokenOf('Jane'));
    expect(response.status).toBe(204);
    expect(calls.transfers).toEqual([
      {
        uuid: 'LEG-caller',
        ncco: [
          { action: 'talk', text: 'Please hold while we transfer your call.' },
          { action: 'connect', endpoint: [{ type: 'app', user: 'Joe' }] },
        ],
      },
    ]);
  });

  it('calls a number from the contact center’s number, ringing 20 s', async () => {
    const { calls, tokenOf, transfer } = await harness();
    expect((await transfer('LEG-jane', '+447700900123', await tokenOf('Jane'))).status).toBe(204);
    expect(calls.transfers[0]?.ncco).toEqual([
      { action: 'talk', text: 'Please hold while we transfer your call.' },
      { action: 'connect', from: contactCenterNumber, timeout: 20, endpoint: [{ type: 'phone', number: '447700900123' }] },
    ]);
  });

  it('refuses without a token, with a token not ours, and with another agent’s call', async () => {
    const { calls, tokenOf, transfer } = await harness();
    expect((await transfer('LEG-jane', 'Joe')).status).toBe(401);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await createJwtSigner({ applicationId, privateKey: stranger, now: Date.now }).signAgentToken('Jane', 600);
    expect((await transfer('LEG-jane', 'Joe', forged.jwt)).status).toBe(401);
    expect((await transfer('LEG-jane', 'Jane', await tokenOf('Joe'))).status).toBe(404);
    expect(calls.transfers).toEqual([]);
  });

  it('refuses a destination that is neither an agent nor a number, and the agent themself', async () => {
    const { calls, tokenOf, transfer } = await harness();
    const token = await tokenOf('Jane');
    expect((await transfer('LEG-jane', 'Nobody', token)).status).toBe(422);
    expect((await transfer('LEG-jane', '+12', token)).status).toBe(422);
    expect((await transfer('LEG-jane', 'JANE', token)).status).toBe(422);
    expect(calls.transfers).toEqual([]);
  });

  it('says when the other party already left', async () => {
    const { calls, tokenOf, transfer } = await harness([janesLeg, { ...callersLeg, status: 'completed' }]);
    expect((await transfer('LEG-jane', 'Joe', await tokenOf('Jane'))).status).toBe(409);
    expect(calls.transfers).toEqual([]);
  });

  it('logs who transferred where, without numbers or tokens', async () => {
    const { logger, tokenOf, transfer } = await harness();
    const token = await tokenOf('Jane');
    await transfer('LEG-jane', '+447700900123', token);
    expect(logger.lines.join('\n')).toContain('transfer by Jane: 1 leg(s) to a phone number');
    expect(logger.lines.join('\n')).not.toContain('447700900123');
    expect(logger.lines.join('\n')).not.toContain(token);
  });
});
