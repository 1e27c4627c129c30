import { endOpenCalls } from './call-list';
import type { SoftphoneEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';

/** The events this reducer owns; the type below and the router in apply-softphone-event.ts both read it. */
export const connectionEventTypes = [
  'sign-in-started',
  'token-received',
  'session-created',
  'sign-in-failed',
  'signed-out',
  'token-refreshed',
  'session-error',
  'connection-interrupted',
  'reconnecting',
  'reconnected',
  'auto-reconnect-scheduled',
] as const satisfies ReadonlyArray<SoftphoneEvent['type']>;

export type ConnectionEvent = Extract<SoftphoneEvent, { type: (typeof connectionEventTypes)[number] }>;

const sessionStates = new Set<SoftphoneState['connection']>(['ready', 'reconnecting', 'connecting']);

function withoutAutoReconnect(state: SoftphoneState): SoftphoneState {
  const { autoReconnect: _autoReconnect, ...rest } = state;
  return rest;
}

/** signed-out -> fetching-token -> connecting -> ready <-> reconnecting; ready -> offline | session-expired. */
export function applyConnectionEvent(state: SoftphoneState, event: ConnectionEvent): SoftphoneState {
  switch (event.type) {
    case 'sign-in-started': {
      // `agent` stays through a reconnect, so calls kept from the lost session stay on screen.
      const { connectionError: _error, ...rest } = state;
      return { ...rest, connection: 'fetching-token', lastAgentName: event.agentName };
    }
    case 'token-received':
      return { ...state, connection: 'connecting', tokenExpiresAt: event.expiresAt };
    case 'session-created':
      return { ...withoutAutoReconnect(state), connection: 'ready', sessionId: event.sessionId, agent: event.agent };
    case 'sign-in-failed':
      // While the softphone is finding its way back after a lost connection it stays Offline between tries.
      return { ...state, connection: state.autoReconnect ? 'offline' : 'error', connectionError: event.message };
    case 'signed-out':
      return { ...initialSoftphoneState, lastAgentName: state.lastAgentName };
    case 'token-refreshed':
      return { ...state, tokenExpiresAt: event.expiresAt };
    case 'session-error': {
      if (!sessionStates.has(state.connection)) return state;
      const expired = event.reason === 'EXPIRED_TOKEN';
      // Invites still ringing can no longer be answered; answered calls keep their media and can be hung up.
      const next = endOpenCalls(state, 'connection-lost', event.at, (call) => call.state !== 'active');
      return {
        ...(expired ? withoutAutoReconnect(next) : next),
        connection: expired ? 'session-expired' : 'offline',
        connectionError: expired
          ? 'Your session has expired. Sign in again to keep taking calls.'
          : 'The connection to the voice service was lost.',
      };
    }
    case 'connection-interrupted':
    case 'reconnecting':
      return state.connection === 'ready' ? { ...state, connection: 'reconnecting' } : state;
    case 'reconnected':
      return state.connection === 'reconnecting' ? { ...state, connection: 'ready' } : state;
    case 'auto-reconnect-scheduled':
      if (!state.agent || state.connection === 'ready' || state.connection === 'session-expired') return state;
      return { ...state, autoReconnect: { attempt: event.attempt, nextAttemptAt: event.nextAttemptAt } };
  }
}
