// signed-out -> fetching-token -> connecting -> ready <-> reconnecting; ready -> offline | session-expired.
import { endOpenCalls } from './call-list';
import type { SomeEventHandlers } from './event-handlers';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';

/** The headline of every lost connection the agent reads (Offline, and the line while the SDK reconnects). */
export const connectionLost = 'The connection to the voice service was lost.';

const sessionStates = new Set<SoftphoneState['connection']>(['ready', 'reconnecting', 'connecting']);

function withoutAutoReconnect(state: SoftphoneState): SoftphoneState {
  const { autoReconnect: _autoReconnect, ...rest } = state;
  return rest;
}

function withoutTokenRenewal(state: SoftphoneState): SoftphoneState {
  const { tokenRenewal: _tokenRenewal, ...rest } = state;
  return rest;
}

export const connectionHandlers = {
  'sign-in-started': (state, event) => {
    // `agent` stays through a reconnect, so calls kept from the lost session stay on screen.
    const { connectionError: _error, ...rest } = state;
    return { ...rest, connection: 'fetching-token', lastAgentName: event.agentName };
  },
  'token-received': (state, event) => ({ ...state, connection: 'connecting', tokenExpiresAt: event.expiresAt }),
  'session-created': (state, event) => ({
    ...withoutTokenRenewal(withoutAutoReconnect(state)),
    connection: 'ready',
    sessionId: event.sessionId,
    agent: event.agent,
  }),
  // While the softphone is finding its way back after a lost connection it stays Offline between tries, and the
  // agent still reads first what happened (the connection was lost), then why the last try failed.
  'sign-in-failed': (state, event) =>
    state.autoReconnect
      ? { ...state, connection: 'offline', connectionError: `${connectionLost} The last try failed: ${event.message}` }
      : { ...state, connection: 'error', connectionError: event.message },
  'signed-out': (state) => ({ ...initialSoftphoneState, lastAgentName: state.lastAgentName }),
  'token-refreshed': (state, event) => ({ ...withoutTokenRenewal(state), tokenExpiresAt: event.expiresAt }),
  'token-refresh-failed': (state, event) =>
    state.agent
      ? { ...state, tokenRenewal: { failures: event.failures, nextAttemptAt: event.nextAttemptAt, expiresAt: event.expiresAt, reason: event.reason } }
      : state,
  'session-error': (state, event) => {
    if (!sessionStates.has(state.connection)) return state;
    const expired = event.reason === 'EXPIRED_TOKEN';
    // Invites still ringing can no longer be answered; answered calls keep their media and can be hung up.
    const next = withoutTokenRenewal(endOpenCalls(state, 'connection-lost', event.at, (call) => call.state !== 'active'));
    return {
      ...(expired ? withoutAutoReconnect(next) : next),
      connection: expired ? 'session-expired' : 'offline',
      connectionError: expired ? 'Your session has expired. Sign in again to keep taking calls.' : connectionLost,
    };
  },
  'connection-interrupted': (state) => (state.connection === 'ready' ? { ...state, connection: 'reconnecting' } : state),
  reconnecting: (state) => (state.connection === 'ready' ? { ...state, connection: 'reconnecting' } : state),
  reconnected: (state) => (state.connection === 'reconnecting' ? { ...state, connection: 'ready' } : state),
  'auto-reconnect-scheduled': (state, event) => {
    if (!state.agent || state.connection === 'ready' || state.connection === 'session-expired') return state;
    return { ...state, autoReconnect: { attempt: event.attempt, nextAttemptAt: event.nextAttemptAt } };
  },
} satisfies SomeEventHandlers;
