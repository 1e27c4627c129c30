import { Connect, NCCOBuilder, Talk, type NCCOAction, type WebsocketEndpoint } from '@vonage/voice';
import { agentNamePattern } from '../agent-directory';
import { appEndpoint } from './inbound-ncco';
import { e164Digits } from './phone-number';
import type { WebhookUrls } from './webhook-urls';

/** Where an agent's `serverCall` asked to go, read from the call context the SDK sent. */
export type AgentCallTarget =
  | { kind: 'phone'; number: string }
  | { kind: 'app'; user: string }
  | { kind: 'sound-check' }
  | { kind: 'malformed'; reason: string };

interface AgentCallContext {
  to?: unknown;
  type?: unknown;
}

// The outbound leg rings for 20 s, as in the seed; long enough for a person, short of most voicemails.
const ringTimeoutSeconds = 20;
// Vonage streams 16 kHz linear PCM in 20 ms frames; the echo server sends the same frames back.
const echoContentType = 'audio/l16;rate=16000';

export function agentCallTarget(context: AgentCallContext): AgentCallTarget {
  const type = context.type ?? 'phone';
  if (type === 'sound-check') return { kind: 'sound-check' };
  if (type === 'phone') {
    const number = e164Digits(context.to);
    return number === undefined ? { kind: 'malformed', reason: 'not an E.164 number' } : { kind: 'phone', number };
  }
  if (type === 'app') {
    const user = context.to;
    return typeof user === 'string' && agentNamePattern.test(user)
      ? { kind: 'app', user }
      : { kind: 'malformed', reason: 'not an agent name' };
  }
  return { kind: 'malformed', reason: 'unknown call type' };
}

/** The caller hears why the call ended instead of silence, whatever went wrong. */
export function apologyNcco(): NCCOAction[] {
  return new NCCOBuilder().addAction(new Talk('Sorry, that number could not be dialled.')).build();
}

export function agentCallNcco(target: AgentCallTarget, contactCenterNumber: string, urls: WebhookUrls): NCCOAction[] {
  const pleaseWait = new Talk('Please wait while we connect you.');
  switch (target.kind) {
    case 'phone':
      return new NCCOBuilder()
        .addAction(pleaseWait)
        .addAction(new Connect({ type: 'phone', number: target.number }, contactCenterNumber, undefined, undefined, ringTimeoutSeconds))
        .build();
    case 'app':
      return new NCCOBuilder().addAction(pleaseWait).addAction(new Connect(appEndpoint(target.user))).build();
    case 'sound-check': {
      // The SDK's WebsocketEndpoint type spells it `contentType`, but the NCCO wire format (and Vonage) reads
      // `content-type`; the intersection keeps the SDK's type checks and sends the name Vonage expects.
      const echo: WebsocketEndpoint & { 'content-type': string } = {
        type: 'websocket',
        uri: urls.echoSocket,
        'content-type': echoContentType,
        headers: {},
      };
      return new NCCOBuilder()
        .addAction(new Talk('Please wait while we connect you to the echo server'))
        .addAction(new Connect(echo, contactCenterNumber))
        .build();
    }
    case 'malformed':
      return apologyNcco();
  }
}
