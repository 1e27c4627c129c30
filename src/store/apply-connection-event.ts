import { endOpenCalls } from './call-list';
import type { SoftphoneEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';

export type ConnectionEvent = Extract<
  SoftphoneEvent,
  {
    type:
      | 'sign-in-started'
      | 'token-received'
      | 'session-created'
      | 'sign-in-failed'
      | 'signed-out'
      | 'token-refreshed'
      | 'session-error'
      | 'reconnecting'
      | 'reconnected';
  }
>;

const sessionStates = new Set<SoftphoneState['connection']>(['ready', 'reconnecting', 'connecting']);

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
      return { ...state, connection: 'ready', sessionId: event.sessionId, agent: event.agent };
    case 'sign-in-failed':
      return { ...state, connection: 'error', connectionError: event.message };
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
        ...next,
        connection: expired ? 'session-expired' : 'offline',
        connectionError: expired
          ? 'Your session has expired. Sign in again to keep taking calls.'
          : 'The connection to the voice service was lost. Reconnect to keep taking calls.',
      };
    }
    case 'reconnecting':
      return state.connection === 'ready' ? { ...state, connection: 'reconnecting' } : state;
    case 'reconnected':
      return state.connection === 'reconnecting' ? { ...state, connection: 'ready' } : state;
  }
}
