import type { SdkCancelReason, SdkHangupReason } from '@/voice/voice-event';
import type { SoftphoneEvent } from './softphone-event';
import { initialSoftphoneState, type Call, type CallEndReason, type SoftphoneState } from './softphone-state';

/** Ended calls kept for the summary and recent-calls list; older ones are dropped so a shift cannot grow memory. */
export const endedCallsKept = 5;

const cancelReasons: Record<SdkCancelReason, CallEndReason> = {
  RemoteCancel: 'remote-cancel',
  RemoteTimeout: 'remote-timeout',
  AnsweredElsewhere: 'answered-elsewhere',
  RejectedElsewhere: 'rejected-elsewhere',
};

function hangupReason(reason: SdkHangupReason, call: Call): CallEndReason {
  switch (reason) {
    case 'LOCAL_HANGUP':
      return 'local-hangup';
    case 'REMOTE_HANGUP':
      return 'remote-hangup';
    case 'REMOTE_REJECT':
      return call.direction === 'outbound' && call.state !== 'active' ? 'busy-or-declined' : 'remote-hangup';
    case 'REMOTE_NO_ANSWER_TIMEOUT':
      return 'no-answer';
    case 'MEDIA_TIMEOUT':
      return 'media-timeout';
  }
}

function withCall(state: SoftphoneState, call: Call): SoftphoneState {
  return { ...state, calls: { ...state.calls, [call.id]: call } };
}

function endCall(state: SoftphoneState, call: Call, reason: CallEndReason, at: number, error?: string): SoftphoneState {
  if (call.state === 'ended') return state;
  const ended: Call = { ...call, state: 'ended', endReason: reason, endedAt: at, hangupPending: false, mutePending: false };
  if (error !== undefined) ended.error = error;
  return pruneEndedCalls(withCall(state, ended));
}

function pruneEndedCalls(state: SoftphoneState): SoftphoneState {
  const ended = Object.values(state.calls)
    .filter((call) => call.state === 'ended')
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  if (ended.length <= endedCallsKept) return state;
  const dropped = new Set(ended.slice(endedCallsKept).map((call) => call.id));
  return { ...state, calls: Object.fromEntries(Object.entries(state.calls).filter(([id]) => !dropped.has(id))) };
}

/**
 * The SDK can report an outbound leg's status before `serverCall` resolves with the call id. Only outbound
 * legs get status updates and the agent places one call at a time, so an update for an unknown id belongs
 * to the one dial still waiting for its id.
 */
function findCallForLegStatus(state: SoftphoneState, callId: string): Call | undefined {
  const known = state.calls[callId];
  if (known) return known;
  const waiting = Object.values(state.calls).filter((call) => call.state === 'dialing' && call.id === call.localId);
  return waiting.length === 1 ? waiting[0] : undefined;
}

/** Hangups for ids the state does not hold, kept briefly in case a dial is about to learn that id. */
export const unmatchedHangupsKept = 5;

function rememberUnmatchedHangup(state: SoftphoneState, callId: string, reason: SdkHangupReason, at: number): SoftphoneState {
  const kept = (state.unmatchedHangups ?? []).filter((hangup) => hangup.callId !== callId).slice(-(unmatchedHangupsKept - 1));
  return { ...state, unmatchedHangups: [...kept, { callId, reason, at }] };
}

function withoutCall(calls: SoftphoneState['calls'], callId: string): SoftphoneState['calls'] {
  const { [callId]: _removed, ...rest } = calls;
  return rest;
}

function rekey(state: SoftphoneState, call: Call, callId: string): SoftphoneState {
  if (call.id === callId) return state;
  return { ...state, calls: { ...withoutCall(state.calls, call.id), [callId]: { ...call, id: callId } } };
}

function updateCall(state: SoftphoneState, callId: string, change: (call: Call) => Partial<Call>): SoftphoneState {
  const call = state.calls[callId];
  if (!call || call.state === 'ended') return state;
  return withCall(state, { ...call, ...change(call) });
}

function endAllOpenCalls(state: SoftphoneState, reason: CallEndReason, at: number, only?: (call: Call) => boolean) {
  return Object.values(state.calls)
    .filter((call) => call.state !== 'ended' && (only ? only(call) : true))
    .reduce((next, call) => endCall(next, call, reason, at), state);
}

/** Folds one event, from the SDK adapter or a store action, into the softphone state. Pure. */
export function applySoftphoneEvent(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  switch (event.type) {
    case 'sign-in-started': {
      const { connectionError: _error, agent: _agent, ...rest } = state;
      return { ...rest, connection: 'fetching-token', lastAgentName: event.agentName };
    }
    case 'token-received':
      return { ...state, connection: 'connecting', agent: event.agent, tokenExpiresAt: event.expiresAt };
    case 'session-created':
      return { ...state, connection: 'ready', sessionId: event.sessionId };
    case 'sign-in-failed':
      return { ...state, connection: 'error', connectionError: event.message };
    case 'signed-out':
      return { ...initialSoftphoneState, lastAgentName: state.lastAgentName };
    case 'token-refreshed':
      return { ...state, tokenExpiresAt: event.expiresAt };

    case 'session-error': {
      if (state.connection !== 'ready' && state.connection !== 'reconnecting' && state.connection !== 'connecting') return state;
      const expired = event.reason === 'EXPIRED_TOKEN';
      // Invites still ringing can no longer be answered; answered calls keep their media and can be hung up.
      const next = endAllOpenCalls(state, 'connection-lost', event.at, (call) => call.state !== 'active');
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

    case 'call-invite':
      if (state.calls[event.callId]) return state;
      return withCall(state, {
        id: event.callId,
        direction: 'inbound',
        state: 'ringing',
        remote: event.from,
        channelType: event.channelType,
        startedAt: event.at,
        muted: false,
        mutePending: false,
        hangupPending: false,
      });
    case 'call-invite-cancel': {
      const call = state.calls[event.callId];
      return call ? endCall(state, call, cancelReasons[event.reason], event.at) : state;
    }
    case 'call-hangup': {
      const call = state.calls[event.callId];
      if (!call) return rememberUnmatchedHangup(state, event.callId, event.reason, event.at);
      return endCall(state, call, hangupReason(event.reason, call), event.at);
    }
    case 'leg-status': {
      const call = findCallForLegStatus(state, event.callId);
      if (!call || call.direction !== 'outbound' || call.state === 'ended') return state;
      const rekeyed = rekey(state, call, event.callId);
      if (event.status === 'RINGING' && call.state === 'dialing') {
        return updateCall(rekeyed, event.callId, () => ({ state: 'ringing' }));
      }
      if (event.status === 'ANSWERED' && call.state !== 'active') {
        return updateCall(rekeyed, event.callId, () => ({ state: 'active', answeredAt: event.at }));
      }
      return rekeyed;
    }
    case 'mute':
      return updateCall(state, event.callId, () => ({ muted: event.muted, mutePending: false }));
    case 'media-disconnect': {
      const call = state.calls[event.callId];
      return call ? endCall(state, call, 'media-lost', event.at) : state;
    }

    case 'answer-requested':
      return updateCall(state, event.callId, (call) =>
        call.state === 'ringing' ? { state: 'answering', error: undefined } : {},
      );
    case 'answer-succeeded':
      return updateCall(state, event.callId, (call) =>
        call.state === 'answering' ? { state: 'active', answeredAt: event.at } : {},
      );
    case 'answer-blocked':
      return updateCall(state, event.callId, (call) =>
        call.state === 'answering' ? { state: 'ringing', error: event.message } : {},
      );
    case 'answer-failed': {
      const call = state.calls[event.callId];
      return call ? endCall(state, call, 'answer-failed', event.at, event.message) : state;
    }
    case 'call-rejected': {
      const call = state.calls[event.callId];
      return call ? endCall(state, call, 'rejected', event.at) : state;
    }
    case 'reject-failed':
      return updateCall(state, event.callId, () => ({ error: event.message }));

    case 'dial-invalid':
      return { ...state, dialError: event.message };
    case 'dial-requested': {
      const { dialError: _dialError, ...rest } = state;
      return withCall(rest, {
        id: event.localId,
        localId: event.localId,
        direction: 'outbound',
        state: 'dialing',
        remote: event.display,
        channelType: event.target.kind === 'phone' ? 'phone' : 'app',
        startedAt: event.at,
        muted: false,
        mutePending: false,
        hangupPending: false,
      });
    }
    case 'dial-succeeded': {
      const call = Object.values(state.calls).find((candidate) => candidate.localId === event.localId);
      if (!call) return state;
      const rekeyed = rekey(state, call, event.callId);
      const early = state.unmatchedHangups?.find((hangup) => hangup.callId === event.callId);
      if (!early) return rekeyed;
      const remaining = state.unmatchedHangups?.filter((hangup) => hangup !== early) ?? [];
      const named = { ...call, id: event.callId };
      return endCall({ ...rekeyed, unmatchedHangups: remaining }, named, hangupReason(early.reason, named), early.at);
    }
    case 'dial-failed': {
      const call = Object.values(state.calls).find((candidate) => candidate.localId === event.localId);
      return call ? endCall(state, call, 'dial-failed', event.at, event.message) : state;
    }

    case 'hangup-requested':
      return updateCall(state, event.callId, () => ({ hangupPending: true, error: undefined }));
    case 'hangup-failed':
      return updateCall(state, event.callId, () => ({ hangupPending: false, error: event.message }));
    case 'hangup-unconfirmed': {
      const call = state.calls[event.callId];
      return call ? endCall(state, call, 'local-hangup', event.at) : state;
    }
    case 'mute-unconfirmed':
      return updateCall(state, event.callId, (call) =>
        call.mutePending ? { mutePending: false, error: 'The voice service did not confirm the mute change. Try again.' } : {},
      );
    case 'mute-requested':
      return updateCall(state, event.callId, () => ({ mutePending: true, error: undefined }));
    case 'mute-failed':
      return updateCall(state, event.callId, () => ({ mutePending: false, error: event.message }));
    case 'dtmf-failed':
      return updateCall(state, event.callId, () => ({ error: event.message }));
    case 'summary-dismissed':
      if (state.calls[event.callId]?.state !== 'ended') return state;
      return { ...state, calls: withoutCall(state.calls, event.callId) };
  }
}
