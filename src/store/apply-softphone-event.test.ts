import { describe, expect, it } from 'vitest';
import type { SdkCancelReason, SdkHangupReason, SdkSessionErrorReason, VoiceEvent } from '@/voice/voice-event';
import { applySoftphoneEvent, endedCallsKept, unmatchedHangupsKept } from './apply-softphone-event';
import type { ActionEvent, SoftphoneEvent } from './softphone-event';
import {
  connectionStatuses,
  defaultAgentPreferences,
  initialSoftphoneState,
  type Call,
  type CallEndReason,
  type ConnectionStatus,
  type SoftphoneState,
} from './softphone-state';

// --- builders -------------------------------------------------------------------------------------------

const jane = { userName: 'Jane', userId: 'USR-jane' };

function signedOut(): SoftphoneState {
  return { ...initialSoftphoneState, calls: {} };
}

function ready(overrides: Partial<SoftphoneState> = {}): SoftphoneState {
  return {
    connection: 'ready',
    agent: { ...jane },
    lastAgentName: 'Jane',
    sessionId: 'SESSION-1',
    tokenExpiresAt: 9_000_000,
    calls: {},
    preferences: { availability: 'available', wrapUpSeconds: 0 },
    ...overrides,
  };
}

function inbound(id: string, overrides: Partial<Call> = {}): Call {
  return {
    id,
    direction: 'inbound',
    state: 'ringing',
    remote: '447700900001',
    channelType: 'phone',
    startedAt: 100,
    muted: false,
    mutePending: false,
    hangupPending: false,
    rejectPending: false,
    ...overrides,
  };
}

/** An outbound call; without an `id` it is a dial still waiting for the SDK's call id. */
function outbound(localId: string, overrides: Partial<Call> = {}): Call {
  return {
    id: localId,
    localId,
    direction: 'outbound',
    state: 'dialing',
    remote: '+447700900123',
    channelType: 'phone',
    startedAt: 100,
    muted: false,
    mutePending: false,
    hangupPending: false,
    rejectPending: false,
    ...overrides,
  };
}

function withCalls(state: SoftphoneState, ...calls: Call[]): SoftphoneState {
  return { ...state, calls: Object.fromEntries(calls.map((call) => [call.id, call])) };
}

type Untimed = VoiceEvent | ActionEvent;
type Voice<T extends VoiceEvent['type']> = Extract<VoiceEvent, { type: T }>;

/** Gives an event its instant. */
function at<E extends Untimed>(time: number, event: E): E & { at: number } {
  return { ...event, at: time };
}

/**
 * Folds events into a deeply frozen state, one at a time, so any mutation throws. Events without `at`
 * happen one second after the previous one, starting at 1_000.
 */
function play(state: SoftphoneState, ...events: Array<Untimed | SoftphoneEvent>): SoftphoneState {
  let time = 0;
  return events.reduce((current, event) => {
    time = 'at' in event ? event.at : time + 1_000;
    return applySoftphoneEvent(deepFreeze(current), { ...event, at: time });
  }, state);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function callIn(state: SoftphoneState, id: string): Call {
  const call = state.calls[id];
  if (!call) throw new Error(`No call ${id} in state; ids: ${Object.keys(state.calls).join(', ')}`);
  return call;
}

const invite = (callId: string, from = '447700900001'): Voice<'call-invite'> => ({ type: 'call-invite', callId, from, channelType: 'phone' });
const inviteCancel = (callId: string, reason: SdkCancelReason): Voice<'call-invite-cancel'> => ({ type: 'call-invite-cancel', callId, reason });
const sdkHangup = (callId: string, reason: SdkHangupReason): Voice<'call-hangup'> => ({ type: 'call-hangup', callId, reason });
const legStatus = (callId: string, status: 'RINGING' | 'ANSWERED' | 'COMPLETED'): Voice<'leg-status'> => ({
  type: 'leg-status',
  callId,
  legId: `${callId}-leg`,
  status,
});
const sessionError = (reason: SdkSessionErrorReason): Voice<'session-error'> => ({ type: 'session-error', reason });
const dialRequested = (localId: string, display = '+447700900123'): Extract<ActionEvent, { type: 'dial-requested' }> => ({
  type: 'dial-requested',
  localId,
  target: { kind: 'phone', e164: display },
  display,
});

const allConnections: readonly ConnectionStatus[] = connectionStatuses;

// --- connection -----------------------------------------------------------------------------------------

describe('applySoftphoneEvent: connection', () => {
  it('signs in: signed-out -> fetching-token -> connecting -> ready', () => {
    const fetching = play(signedOut(), { type: 'sign-in-started', agentName: 'Jane' });
    expect(fetching).toEqual({ connection: 'fetching-token', lastAgentName: 'Jane', calls: {}, preferences: defaultAgentPreferences });

    const connecting = play(fetching, { type: 'token-received', expiresAt: 5_000_000 });
    expect(connecting.connection).toBe('connecting');
    // The agent is known only once the voice service accepted the session.
    expect(connecting).not.toHaveProperty('agent');
    expect(connecting.tokenExpiresAt).toBe(5_000_000);
    expect(connecting.sessionId).toBeUndefined();

    const signedIn = play(connecting, { type: 'session-created', sessionId: 'SESSION-1', agent: jane });
    expect(signedIn).toEqual({
      connection: 'ready',
      agent: jane,
      lastAgentName: 'Jane',
      tokenExpiresAt: 5_000_000,
      sessionId: 'SESSION-1',
      calls: {},
      preferences: defaultAgentPreferences,
    });
  });

  it('forgets the previous error when a new sign-in starts, but keeps the agent and calls of a lost session', () => {
    const active = inbound('IN-1', { state: 'active', answeredAt: 200 });
    const failed = withCalls(ready({ connection: 'error', connectionError: 'Could not connect.', agent: jane, lastAgentName: 'Jane' }), active);
    const next = play(failed, { type: 'sign-in-started', agentName: 'Jane' });
    expect(next.connection).toBe('fetching-token');
    expect(next.lastAgentName).toBe('Jane');
    expect(next).not.toHaveProperty('connectionError');
    expect(next.agent).toEqual(jane);
    expect(callIn(next, 'IN-1')).toEqual(active);
  });

  it('a first sign-in after a failure still has no agent', () => {
    const failed = { ...signedOut(), connection: 'error' as const, connectionError: 'No agent named Jnae.', lastAgentName: 'Jnae' };
    const next = play(failed, { type: 'sign-in-started', agentName: 'Jane' });
    expect(next).toEqual({ connection: 'fetching-token', lastAgentName: 'Jane', calls: {}, preferences: defaultAgentPreferences });
  });

  it('reports a failed sign-in as an error with its message, keeping the name tried', () => {
    const next = play(signedOut(), { type: 'sign-in-started', agentName: 'Jane' }, { type: 'sign-in-failed', message: 'No agent named Jane.' });
    expect(next.connection).toBe('error');
    expect(next.connectionError).toBe('No agent named Jane.');
    expect(next.lastAgentName).toBe('Jane');
  });

  it('signing out resets everything but the last agent name', () => {
    const busy = withCalls(
      ready({ connectionError: 'old', dialError: { message: 'bad number', aboutInput: true, cause: 'input' } }),
      inbound('IN-1', { state: 'active', answeredAt: 200 }),
      outbound('dial-1'),
    );
    expect(play(busy, { type: 'signed-out' })).toEqual({ connection: 'signed-out', lastAgentName: 'Jane', calls: {}, preferences: defaultAgentPreferences });
  });

  it('a token refresh changes only the expiry', () => {
    const before = withCalls(ready(), inbound('IN-1'));
    const next = play(before, { type: 'token-refreshed', expiresAt: 12_000_000 });
    expect(next).toEqual({ ...before, tokenExpiresAt: 12_000_000 });
  });

  it('goes reconnecting only from ready, and back to ready only from reconnecting', () => {
    const reconnecting = play(ready(), { type: 'reconnecting' });
    expect(reconnecting.connection).toBe('reconnecting');
    expect(play(reconnecting, { type: 'reconnected' }).connection).toBe('ready');
  });

  it.each(allConnections.filter((connection) => connection !== 'ready'))('ignores "reconnecting" while %s', (connection) => {
    const before = ready({ connection });
    expect(play(before, { type: 'reconnecting' })).toBe(before);
  });

  it.each(allConnections.filter((connection) => connection !== 'reconnecting'))('ignores "reconnected" while %s', (connection) => {
    const before = ready({ connection });
    expect(play(before, { type: 'reconnected' })).toBe(before);
  });

  it('an expired token makes the session expired, with a sentence that says to sign in again', () => {
    const next = play(ready(), sessionError('EXPIRED_TOKEN'));
    expect(next.connection).toBe('session-expired');
    expect(next.connectionError).toBe('Your session has expired. Sign in again to keep taking calls.');
    expect(next.agent).toEqual(jane);
  });

  it.each<SdkSessionErrorReason>(['TRANSPORT_CLOSED', 'PING_TIMEOUT'])('%s takes the softphone offline', (reason) => {
    const next = play(ready({ connection: 'reconnecting' }), sessionError(reason));
    expect(next.connection).toBe('offline');
    expect(next.connectionError).toBe('The connection to the voice service was lost.');
  });

  it('a dropped socket reads Reconnecting at once, before the SDK starts retrying', () => {
    const interrupted = play(ready(), { type: 'connection-interrupted' });
    expect(interrupted.connection).toBe('reconnecting');
    expect(play(interrupted, { type: 'reconnecting' }).connection).toBe('reconnecting');
    expect(play(interrupted, { type: 'reconnected' }).connection).toBe('ready');
  });

  it.each(allConnections.filter((connection) => connection !== 'ready'))('ignores "connection-interrupted" while %s', (connection) => {
    const before = ready({ connection });
    expect(play(before, { type: 'connection-interrupted' })).toBe(before);
  });

  it('while reconnecting by itself, a failed try stays Offline and says why; success clears the retry', () => {
    const offline = play(ready(), sessionError('TRANSPORT_CLOSED'), { type: 'auto-reconnect-scheduled', attempt: 1, nextAttemptAt: 5_000 });
    expect(offline.autoReconnect).toEqual({ attempt: 1, nextAttemptAt: 5_000 });
    const trying = play(offline, { type: 'sign-in-started', agentName: 'Jane' });
    expect(trying.connection).toBe('fetching-token');
    const failed = play(trying, { type: 'sign-in-failed', message: 'The token service is unavailable.' });
    expect(failed).toMatchObject({
      connection: 'offline',
      connectionError: 'The connection to the voice service was lost. The last try failed: The token service is unavailable.',
    });
    const back = play(failed, { type: 'session-created', sessionId: 'SESSION-2', agent: jane });
    expect(back.connection).toBe('ready');
    expect(back.autoReconnect).toBeUndefined();
  });

  it.each(['ready', 'session-expired'] as const)('does not schedule a retry while %s', (connection) => {
    const before = ready({ connection });
    expect(play(before, { type: 'auto-reconnect-scheduled', attempt: 1, nextAttemptAt: 5_000 })).toBe(before);
  });

  it('an expired session and sign-out both end the automatic retries', () => {
    const retrying = play(ready(), sessionError('TRANSPORT_CLOSED'), { type: 'auto-reconnect-scheduled', attempt: 1, nextAttemptAt: 5_000 });
    expect(play(retrying, { type: 'signed-out' }).autoReconnect).toBeUndefined();
    const reconnected = play(retrying, { type: 'sign-in-started', agentName: 'Jane' }, { type: 'token-received', expiresAt: 9_000 });
    expect(play(reconnected, sessionError('EXPIRED_TOKEN')).autoReconnect).toBeUndefined();
  });

  it('does not come back to ready on "reconnected" once the session is lost', () => {
    const offline = play(ready(), { type: 'reconnecting' }, sessionError('PING_TIMEOUT'));
    expect(play(offline, { type: 'reconnected' }).connection).toBe('offline');
  });

  it.each<SdkSessionErrorReason>(['EXPIRED_TOKEN', 'TRANSPORT_CLOSED', 'PING_TIMEOUT'])(
    'on %s, calls not yet connected end as connection-lost while connected calls survive',
    (reason) => {
      const active = inbound('IN-ACTIVE', { state: 'active', answeredAt: 150, muted: true });
      const activeOut = outbound('dial-9', { id: 'OUT-ACTIVE', state: 'active', answeredAt: 160 });
      const before = withCalls(
        ready(),
        inbound('IN-RINGING'),
        inbound('IN-ANSWERING', { state: 'answering' }),
        outbound('dial-1'),
        outbound('dial-2', { id: 'OUT-RINGING', state: 'ringing' }),
        active,
        activeOut,
        inbound('IN-DONE', { state: 'ended', endReason: 'remote-hangup', endedAt: 90 }),
      );
      const next = play(before, at(7_000, sessionError(reason)));

      for (const id of ['IN-RINGING', 'IN-ANSWERING', 'dial-1', 'OUT-RINGING']) {
        expect(callIn(next, id)).toMatchObject({ state: 'ended', endReason: 'connection-lost', endedAt: 7_000 });
      }
      expect(callIn(next, 'IN-ACTIVE')).toEqual(active);
      expect(callIn(next, 'OUT-ACTIVE')).toEqual(activeOut);
      expect(callIn(next, 'IN-DONE')).toMatchObject({ endReason: 'remote-hangup', endedAt: 90 });
    },
  );

  it.each(allConnections.filter((connection) => !['ready', 'reconnecting', 'connecting'].includes(connection)))(
    'ignores a session error while %s',
    (connection) => {
      const before = withCalls(ready({ connection, connectionError: 'earlier' }), inbound('IN-1'));
      expect(play(before, sessionError('TRANSPORT_CLOSED'))).toBe(before);
      expect(play(before, sessionError('EXPIRED_TOKEN'))).toBe(before);
    },
  );

  it('a session error while connecting takes the softphone offline', () => {
    const next = play(ready({ connection: 'connecting', agent: undefined }), sessionError('TRANSPORT_CLOSED'));
    expect(next.connection).toBe('offline');
  });

  it.each<[string, Untimed[]]>([
    ['offline', [sessionError('TRANSPORT_CLOSED')]],
    ['session-expired', [sessionError('EXPIRED_TOKEN')]],
    ['error', [sessionError('PING_TIMEOUT'), { type: 'sign-in-started', agentName: 'Jane' }, { type: 'sign-in-failed', message: 'x' }]],
  ])('keeps the agent while %s, and forgets it only on sign-out', (connection, events) => {
    const lost = play(ready(), ...events);
    expect(lost.connection).toBe(connection);
    expect(lost.agent).toEqual(jane);
    expect(play(lost, { type: 'signed-out' })).not.toHaveProperty('agent');
  });

  it('reconnecting after a lost session keeps the agent and the connected call throughout', () => {
    const active = inbound('IN-1', { state: 'active', answeredAt: 200 });
    const offline = play(withCalls(ready(), active), sessionError('TRANSPORT_CLOSED'));
    const steps = [
      play(offline, { type: 'sign-in-started', agentName: 'Jane' }),
      play(offline, { type: 'sign-in-started', agentName: 'Jane' }, { type: 'token-received', expiresAt: 9_500_000 }),
    ];
    for (const step of steps) {
      expect(step.agent).toEqual(jane);
      expect(callIn(step, 'IN-1')).toEqual(active);
    }
    const back = play(
      offline,
      { type: 'sign-in-started', agentName: 'Jane' },
      { type: 'token-received', expiresAt: 9_500_000 },
      { type: 'session-created', sessionId: 'SESSION-2', agent: jane },
    );
    expect(back).toEqual({
      connection: 'ready',
      agent: jane,
      lastAgentName: 'Jane',
      sessionId: 'SESSION-2',
      tokenExpiresAt: 9_500_000,
      calls: { 'IN-1': active },
      preferences: defaultAgentPreferences,
    });
  });

  it('a failed reconnect keeps the workspace: error, the agent and the connected call', () => {
    const active = inbound('IN-1', { state: 'active', answeredAt: 200 });
    const next = play(
      withCalls(ready(), active),
      sessionError('TRANSPORT_CLOSED'),
      { type: 'sign-in-started', agentName: 'Jane' },
      { type: 'sign-in-failed', message: 'Could not connect to the voice service.' },
    );
    expect(next).toMatchObject({ connection: 'error', connectionError: 'Could not connect to the voice service.', agent: jane });
    expect(callIn(next, 'IN-1')).toEqual(active);
  });
});

// --- inbound calls --------------------------------------------------------------------------------------

describe('applySoftphoneEvent: inbound calls', () => {
  it('an invite adds a ringing call from the caller', () => {
    const next = play(ready(), at(4_000, { type: 'call-invite', callId: 'IN-1', from: 'joe', channelType: 'app' }));
    expect(callIn(next, 'IN-1')).toEqual({
      id: 'IN-1',
      direction: 'inbound',
      state: 'ringing',
      remote: 'joe',
      channelType: 'app',
      startedAt: 4_000,
      muted: false,
      mutePending: false,
      hangupPending: false,
      rejectPending: false,
    });
  });

  it('is answered: ringing -> answering -> active -> ended by the caller', () => {
    const ringing = play(ready(), at(1_000, invite('IN-1')));
    const answering = play(ringing, at(2_000, { type: 'answer-requested', callId: 'IN-1' }));
    expect(callIn(answering, 'IN-1').state).toBe('answering');

    const active = play(answering, at(3_000, { type: 'answer-succeeded', callId: 'IN-1' }));
    expect(callIn(active, 'IN-1')).toMatchObject({ state: 'active', answeredAt: 3_000, startedAt: 1_000 });

    const ended = play(active, at(9_000, sdkHangup('IN-1', 'REMOTE_HANGUP')));
    expect(callIn(ended, 'IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'remote-hangup',
      endedAt: 9_000,
      answeredAt: 3_000,
    });
  });

  it('answer-requested clears an earlier error on the invite', () => {
    const before = withCalls(ready(), inbound('IN-1', { error: 'Could not reject.' }));
    const next = play(before, { type: 'answer-requested', callId: 'IN-1' });
    expect(callIn(next, 'IN-1').error).toBeUndefined();
    expect(callIn(next, 'IN-1').state).toBe('answering');
  });

  it('answer-requested does nothing to a call that is not ringing', () => {
    const active = inbound('IN-1', { state: 'active', answeredAt: 200 });
    expect(callIn(play(withCalls(ready(), active), { type: 'answer-requested', callId: 'IN-1' }), 'IN-1')).toEqual(active);
  });

  it('answer-succeeded does nothing unless the call was being answered', () => {
    const ringing = inbound('IN-1');
    expect(callIn(play(withCalls(ready(), ringing), { type: 'answer-succeeded', callId: 'IN-1' }), 'IN-1')).toEqual(ringing);
  });

  it('a failed answer ends the call with the reason and message', () => {
    const next = play(
      withCalls(ready(), inbound('IN-1', { state: 'answering' })),
      at(5_000, { type: 'answer-failed', callId: 'IN-1', message: 'Could not answer. The microphone is blocked.' }),
    );
    expect(callIn(next, 'IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'answer-failed',
      endedAt: 5_000,
      error: 'Could not answer. The microphone is blocked.',
    });
  });

  it('a blocked microphone puts the call back to ringing with the reason, so Answer can be pressed again', () => {
    const next = play(
      withCalls(ready(), inbound('IN-1', { state: 'answering' })),
      { type: 'answer-blocked', callId: 'IN-1', message: 'Your microphone is blocked for this site.' },
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ringing', error: 'Your microphone is blocked for this site.' });
  });

  it('a blocked microphone does not resurrect an invite cancelled meanwhile', () => {
    const cancelled = inbound('IN-1', { state: 'ended', endReason: 'remote-cancel', endedAt: 10 });
    const next = play(withCalls(ready(), cancelled), { type: 'answer-blocked', callId: 'IN-1', message: 'blocked' });
    expect(callIn(next, 'IN-1')).toEqual(cancelled);
  });

  it.each<[SdkCancelReason, CallEndReason]>([
    ['RemoteCancel', 'remote-cancel'],
    ['RemoteTimeout', 'remote-timeout'],
    ['AnsweredElsewhere', 'answered-elsewhere'],
    ['RejectedElsewhere', 'rejected-elsewhere'],
  ])('a %s cancel ends a ringing invite as %s', (reason, endReason) => {
    const next = play(withCalls(ready(), inbound('IN-1')), at(6_000, inviteCancel('IN-1', reason)));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason, endedAt: 6_000 });
  });

  it('a cancel also ends an invite the agent is still answering', () => {
    const next = play(withCalls(ready(), inbound('IN-1', { state: 'answering' })), inviteCancel('IN-1', 'AnsweredElsewhere'));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'answered-elsewhere' });
    // The answer the agent started then succeeds too late and must not revive the call.
    const late = play(next, { type: 'answer-succeeded', callId: 'IN-1' });
    expect(callIn(late, 'IN-1').state).toBe('ended');
  });

  it.each<[SdkHangupReason, CallEndReason]>([
    ['REMOTE_HANGUP', 'remote-hangup'],
    ['LOCAL_HANGUP', 'local-hangup'],
    ['REMOTE_REJECT', 'remote-hangup'],
    ['REMOTE_NO_ANSWER_TIMEOUT', 'no-answer'],
    ['MEDIA_TIMEOUT', 'media-timeout'],
  ])('an answered inbound call hung up with %s ends as %s', (reason, endReason) => {
    const next = play(withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200 })), sdkHangup('IN-1', reason));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason });
  });

  it.each<SdkHangupReason>(['REMOTE_HANGUP', 'LOCAL_HANGUP', 'REMOTE_REJECT'])(
    'a call the agent asked to hang up ends as their hangup even when the SDK says %s',
    (reason) => {
      const hangingUp = withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200, hangupPending: true }));
      expect(callIn(play(hangingUp, sdkHangup('IN-1', reason)), 'IN-1').endReason).toBe('local-hangup');
    },
  );

  it('a hangup that failed is no longer the agent\'s: the far end hanging up later is theirs', () => {
    const failed = play(
      withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200, hangupPending: true })),
      { type: 'hangup-failed', callId: 'IN-1', message: 'Could not hang up.' },
    );
    expect(callIn(play(failed, sdkHangup('IN-1', 'REMOTE_HANGUP')), 'IN-1').endReason).toBe('remote-hangup');
  });

  it('RejectedElsewhere for an invite this tab is rejecting is the agent\'s own reject', () => {
    const rejecting = withCalls(ready(), inbound('IN-1', { rejectPending: true }), inbound('IN-2'));
    const next = play(rejecting, inviteCancel('IN-1', 'RejectedElsewhere'), inviteCancel('IN-2', 'RejectedElsewhere'));
    expect(callIn(next, 'IN-1').endReason).toBe('rejected');
    expect(callIn(next, 'IN-2').endReason).toBe('rejected-elsewhere');
  });

  it('the agent rejecting an invite ends it as rejected', () => {
    const next = play(withCalls(ready(), inbound('IN-1')), at(2_500, { type: 'call-rejected', callId: 'IN-1' }));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'rejected', endedAt: 2_500 });
  });

  it('a failed reject leaves the invite ringing with the message', () => {
    const next = play(
      withCalls(ready(), inbound('IN-1', { rejectPending: true })),
      { type: 'reject-failed', callId: 'IN-1', message: 'Could not reject.' },
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ringing', rejectPending: false, error: 'Could not reject.' });
  });

  it('reject-requested marks the invite as being rejected and clears an earlier error', () => {
    const next = play(withCalls(ready(), inbound('IN-1', { error: 'Could not reject.' })), { type: 'reject-requested', callId: 'IN-1' });
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ringing', rejectPending: true });
    expect(callIn(next, 'IN-1').error).toBeUndefined();
  });

  it('a confirmed reject ends the invite and clears the pending mark', () => {
    const next = play(
      withCalls(ready(), inbound('IN-1')),
      { type: 'reject-requested', callId: 'IN-1' },
      at(4_000, { type: 'call-rejected', callId: 'IN-1' }),
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'rejected', endedAt: 4_000, rejectPending: false });
  });

  it('ignores a duplicate invite for a call it already has', () => {
    const before = withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200 }));
    expect(play(before, invite('IN-1', 'someone-else'))).toBe(before);
  });

  it('keeps several invites apart', () => {
    const next = play(ready(), at(1_000, invite('IN-1', 'alice')), at(2_000, invite('IN-2', 'bob')), inviteCancel('IN-1', 'RemoteCancel'));
    expect(callIn(next, 'IN-1').state).toBe('ended');
    expect(callIn(next, 'IN-2')).toMatchObject({ state: 'ringing', remote: 'bob', startedAt: 2_000 });
  });

  const eventsForUnknownCall: Untimed[] = [
    inviteCancel('NOPE', 'RemoteCancel'),
    sdkHangup('NOPE', 'REMOTE_HANGUP'),
    legStatus('NOPE', 'ANSWERED'),
    { type: 'mute', callId: 'NOPE', muted: true },
    { type: 'media-disconnect', callId: 'NOPE' },
    { type: 'answer-requested', callId: 'NOPE' },
    { type: 'answer-succeeded', callId: 'NOPE' },
    { type: 'answer-failed', callId: 'NOPE', message: 'x' },
    { type: 'answer-blocked', callId: 'NOPE', message: 'x' },
    { type: 'reject-requested', callId: 'NOPE' },
    { type: 'call-rejected', callId: 'NOPE' },
    { type: 'reject-failed', callId: 'NOPE', message: 'x' },
    { type: 'dial-succeeded', localId: 'dial-404', callId: 'NOPE' },
    { type: 'dial-failed', localId: 'dial-404', message: 'x' },
    { type: 'hangup-requested', callId: 'NOPE' },
    { type: 'hangup-failed', callId: 'NOPE', message: 'x' },
    { type: 'hangup-unconfirmed', callId: 'NOPE' },
    { type: 'mute-requested', callId: 'NOPE' },
    { type: 'mute-failed', callId: 'NOPE', message: 'x' },
    { type: 'mute-unconfirmed', callId: 'NOPE' },
    { type: 'dtmf-failed', callId: 'NOPE', message: 'x' },
    { type: 'summary-dismissed', callId: 'NOPE' },
  ];

  it.each(eventsForUnknownCall.map((event) => [event.type, event] as const))('ignores %s for a call it does not know', (_type, event) => {
    const before = withCalls(ready(), inbound('IN-1'), outbound('dial-1', { id: 'OUT-1', state: 'ringing' }));
    const next = play(before, event);
    expect(next.calls).toEqual(before.calls);
    expect(Object.keys(next.calls)).toEqual(['IN-1', 'OUT-1']);
  });

  const eventsAfterEnd: Untimed[] = [
    invite('IN-1'),
    inviteCancel('IN-1', 'AnsweredElsewhere'),
    sdkHangup('IN-1', 'LOCAL_HANGUP'),
    legStatus('IN-1', 'ANSWERED'),
    { type: 'mute', callId: 'IN-1', muted: true },
    { type: 'media-disconnect', callId: 'IN-1' },
    { type: 'answer-requested', callId: 'IN-1' },
    { type: 'answer-succeeded', callId: 'IN-1' },
    { type: 'answer-failed', callId: 'IN-1', message: 'late' },
    { type: 'answer-blocked', callId: 'IN-1', message: 'late' },
    { type: 'reject-requested', callId: 'IN-1' },
    { type: 'call-rejected', callId: 'IN-1' },
    { type: 'reject-failed', callId: 'IN-1', message: 'late' },
    { type: 'hangup-requested', callId: 'IN-1' },
    { type: 'hangup-failed', callId: 'IN-1', message: 'late' },
    { type: 'hangup-unconfirmed', callId: 'IN-1' },
    { type: 'mute-requested', callId: 'IN-1' },
    { type: 'mute-failed', callId: 'IN-1', message: 'late' },
    { type: 'mute-unconfirmed', callId: 'IN-1' },
    { type: 'dtmf-failed', callId: 'IN-1', message: 'late' },
    sessionError('PING_TIMEOUT'),
  ];

  it.each(eventsAfterEnd.map((event) => [event.type, event] as const))('%s after the call ended does not change or revive it', (_type, event) => {
    const ended = inbound('IN-1', { state: 'ended', answeredAt: 200, endedAt: 900, endReason: 'remote-hangup' });
    expect(callIn(play(withCalls(ready(), ended), at(5_000, event)), 'IN-1')).toEqual(ended);
  });
});

// --- outbound calls -------------------------------------------------------------------------------------

describe('applySoftphoneEvent: outbound calls', () => {
  it('dial-requested adds a dialing call under its local id and clears the dial error', () => {
    const next = play(
      ready({ dialError: { message: 'Enter a number.', aboutInput: true, cause: 'input' } }),
      at(3_000, dialRequested('dial-1', '+447700900123')),
    );
    expect(next).not.toHaveProperty('dialError');
    expect(callIn(next, 'dial-1')).toEqual({
      id: 'dial-1',
      localId: 'dial-1',
      direction: 'outbound',
      state: 'dialing',
      remote: '+447700900123',
      channelType: 'phone',
      startedAt: 3_000,
      muted: false,
      mutePending: false,
      hangupPending: false,
      rejectPending: false,
    });
  });

  it('a call to another agent is an app call', () => {
    const next = play(ready(), { type: 'dial-requested', localId: 'dial-1', target: { kind: 'agent', userName: 'Joe' }, display: 'Joe' });
    expect(callIn(next, 'dial-1')).toMatchObject({ channelType: 'app', remote: 'Joe' });
  });

  it('dial-invalid shows the message and places no call', () => {
    const next = play(ready(), { type: 'dial-invalid', message: 'Enter a phone number.' });
    expect(next.dialError).toEqual({ message: 'Enter a phone number.', aboutInput: true, cause: 'input' });
    expect(next.calls).toEqual({});
  });

  it('dial-refused shows the message as not being about the input, and places no call', () => {
    const next = play(ready(), { type: 'dial-refused', message: 'Finish the current call, or hold it, before placing another.', cause: 'busy' });
    expect(next.dialError).toEqual({ message: 'Finish the current call, or hold it, before placing another.', aboutInput: false, cause: 'busy' });
    expect(next.calls).toEqual({});
  });

  it.each<Untimed>([
    { type: 'dial-invalid', message: 'Enter a phone number.' },
    { type: 'dial-refused', message: 'You can call once the softphone is Ready.', cause: 'not-ready' },
  ])('dial-edited clears the dial error left by $type and nothing else', (complaint) => {
    const before = withCalls(ready(), inbound('IN-1'));
    const complained = play(before, complaint);
    expect(complained.dialError).toBeDefined();
    const next = play(complained, { type: 'dial-edited' });
    expect(next).not.toHaveProperty('dialError');
    expect(next).toEqual(before);
  });

  it('a call that gets the microphone clears every complaint that it was blocked, and only those', () => {
    const blocked = 'Your microphone is blocked for this site.';
    const before = withCalls(
      ready({ dialError: { message: blocked, aboutInput: false, cause: 'microphone' } }),
      inbound('IN-1', { state: 'answering' }),
      inbound('IN-2', { error: blocked, errorAboutMicrophone: true }),
      inbound('IN-3', { error: 'Could not reject. Try again.' }),
    );
    const next = play(before, { type: 'answer-succeeded', callId: 'IN-1' });
    expect(next).not.toHaveProperty('dialError');
    expect(callIn(next, 'IN-2').error).toBeUndefined();
    expect(callIn(next, 'IN-2').errorAboutMicrophone).toBeUndefined();
    expect(callIn(next, 'IN-3').error).toBe('Could not reject. Try again.');

    const dialed = play(
      withCalls(ready({ dialError: { message: blocked, aboutInput: false, cause: 'microphone' } }), outbound('dial-1')),
      { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-1' },
    );
    expect(dialed).not.toHaveProperty('dialError');
    const notAboutMicrophone = play(
      withCalls(ready({ dialError: { message: 'Enter a number.', aboutInput: true, cause: 'input' } }), inbound('IN-1', { state: 'answering' })),
      { type: 'answer-succeeded', callId: 'IN-1' },
    );
    expect(notAboutMicrophone.dialError?.message).toBe('Enter a number.');
  });

  it('summaries-dismissed removes every ended call and keeps the rest', () => {
    const before = withCalls(
      ready(),
      inbound('IN-1', { state: 'active', answeredAt: 100 }),
      inbound('IN-2', { state: 'ended', endReason: 'remote-hangup', endedAt: 50 }),
      outbound('dial-3', { id: 'OUT-3', state: 'ended', endReason: 'no-answer', endedAt: 60 }),
    );
    const next = play(before, { type: 'summaries-dismissed' });
    expect(Object.keys(next.calls)).toEqual(['IN-1']);
  });

  it('dial-edited without a dial error changes nothing', () => {
    const before = withCalls(ready(), inbound('IN-1'));
    expect(play(before, { type: 'dial-edited' })).toEqual(before);
  });

  it('is placed: dialing -> ringing -> active -> ended, re-keyed to the SDK call id', () => {
    const dialing = play(ready(), at(1_000, dialRequested('dial-1')));
    const placed = play(dialing, at(1_500, { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-1' }));
    expect(Object.keys(placed.calls)).toEqual(['OUT-1']);
    expect(callIn(placed, 'OUT-1')).toMatchObject({ id: 'OUT-1', localId: 'dial-1', state: 'dialing', startedAt: 1_000 });

    const ringing = play(placed, legStatus('OUT-1', 'RINGING'));
    expect(callIn(ringing, 'OUT-1').state).toBe('ringing');

    const active = play(ringing, at(4_000, legStatus('OUT-1', 'ANSWERED')));
    expect(callIn(active, 'OUT-1')).toMatchObject({ state: 'active', answeredAt: 4_000 });

    const ended = play(active, at(8_000, sdkHangup('OUT-1', 'REMOTE_HANGUP')));
    expect(callIn(ended, 'OUT-1')).toMatchObject({ state: 'ended', endReason: 'remote-hangup', endedAt: 8_000 });
  });

  it('goes straight from dialing to active when the callee answers without ringing first', () => {
    const next = play(withCalls(ready(), outbound('dial-1', { id: 'OUT-1' })), at(2_000, legStatus('OUT-1', 'ANSWERED')));
    expect(callIn(next, 'OUT-1')).toMatchObject({ state: 'active', answeredAt: 2_000 });
  });

  it('a late RINGING or a second ANSWERED does not move an active call back or restamp it', () => {
    const active = outbound('dial-1', { id: 'OUT-1', state: 'active', answeredAt: 2_000 });
    const next = play(withCalls(ready(), active), legStatus('OUT-1', 'RINGING'), at(9_000, legStatus('OUT-1', 'ANSWERED')));
    expect(callIn(next, 'OUT-1')).toEqual(active);
  });

  it('leg status COMPLETED changes nothing by itself', () => {
    const ringing = outbound('dial-1', { id: 'OUT-1', state: 'ringing' });
    expect(callIn(play(withCalls(ready(), ringing), legStatus('OUT-1', 'COMPLETED')), 'OUT-1')).toEqual(ringing);
  });

  it.each<'RINGING' | 'ANSWERED'>(['RINGING', 'ANSWERED'])('ignores %s for the agent’s own leg of a placed call', (status) => {
    const before = withCalls(ready(), outbound('dial-1', { id: 'OUT-1' }));
    expect(play(before, { type: 'leg-status', callId: 'OUT-1', legId: 'OUT-1', status })).toBe(before);
  });

  it.each<'RINGING' | 'ANSWERED'>(['RINGING', 'ANSWERED'])('does not re-key a pending dial on %s for the agent’s own leg', (status) => {
    const before = withCalls(ready(), outbound('dial-1'));
    expect(play(before, { type: 'leg-status', callId: 'OUT-1', legId: 'OUT-1', status })).toBe(before);
  });

  it('leg status is ignored for inbound calls', () => {
    const ringing = inbound('IN-1');
    expect(callIn(play(withCalls(ready(), ringing), legStatus('IN-1', 'ANSWERED')), 'IN-1')).toEqual(ringing);
  });

  it.each<[Call['state'], CallEndReason]>([
    ['dialing', 'busy-or-declined'],
    ['ringing', 'busy-or-declined'],
    ['active', 'remote-hangup'],
  ])('REMOTE_REJECT while %s ends the call as %s', (state, endReason) => {
    const call = outbound('dial-1', { id: 'OUT-1', state, ...(state === 'active' ? { answeredAt: 500 } : {}) });
    const next = play(withCalls(ready(), call), sdkHangup('OUT-1', 'REMOTE_REJECT'));
    expect(callIn(next, 'OUT-1')).toMatchObject({ state: 'ended', endReason });
  });

  it.each<[SdkHangupReason, CallEndReason]>([
    ['REMOTE_NO_ANSWER_TIMEOUT', 'no-answer'],
    ['REMOTE_HANGUP', 'remote-hangup'],
    ['LOCAL_HANGUP', 'local-hangup'],
    ['MEDIA_TIMEOUT', 'media-timeout'],
  ])('%s on a ringing outbound call ends it as %s', (reason, endReason) => {
    const next = play(withCalls(ready(), outbound('dial-1', { id: 'OUT-1', state: 'ringing' })), sdkHangup('OUT-1', reason));
    expect(callIn(next, 'OUT-1')).toMatchObject({ state: 'ended', endReason });
  });

  it('RINGING with the real call id before dial-succeeded re-keys the pending dial; dial-succeeded is then harmless', () => {
    const dialing = play(ready(), at(1_000, dialRequested('dial-1')));
    const ringing = play(dialing, legStatus('OUT-1', 'RINGING'));
    expect(Object.keys(ringing.calls)).toEqual(['OUT-1']);
    expect(callIn(ringing, 'OUT-1')).toMatchObject({ id: 'OUT-1', localId: 'dial-1', state: 'ringing', startedAt: 1_000 });

    const placed = play(ringing, { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-1' });
    expect(placed).toBe(ringing);
  });

  it('ANSWERED before dial-succeeded re-keys and activates the pending dial', () => {
    const next = play(withCalls(ready(), outbound('dial-1')), at(3_000, legStatus('OUT-1', 'ANSWERED')));
    expect(Object.keys(next.calls)).toEqual(['OUT-1']);
    expect(callIn(next, 'OUT-1')).toMatchObject({ state: 'active', answeredAt: 3_000, localId: 'dial-1' });
  });

  it('a busy signal before dial-succeeded is kept until the dial learns its id, then ends it under that id', () => {
    const busy = play(withCalls(ready(), outbound('dial-1')), at(2_000, sdkHangup('OUT-1', 'REMOTE_REJECT')));
    expect(callIn(busy, 'dial-1')).toMatchObject({ state: 'dialing' });
    expect(busy.unmatchedHangups).toEqual([{ callId: 'OUT-1', reason: 'REMOTE_REJECT', at: 2_000 }]);

    const afterSuccess = play(busy, at(2_500, { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-1' }));
    expect(Object.keys(afterSuccess.calls)).toEqual(['OUT-1']);
    expect(callIn(afterSuccess, 'OUT-1')).toMatchObject({ id: 'OUT-1', localId: 'dial-1', state: 'ended', endReason: 'busy-or-declined', endedAt: 2_000 });
    expect(afterSuccess.unmatchedHangups).toEqual([]);
  });

  it('a late hangup for a call the state no longer holds does not end the pending dial', () => {
    const next = play(withCalls(ready(), outbound('dial-1')), sdkHangup('IN-9', 'REMOTE_HANGUP'));
    expect(callIn(next, 'dial-1')).toMatchObject({ state: 'dialing' });
    expect(next.calls['IN-9']).toBeUndefined();
  });

  it('keeps only the most recent unmatched hangups', () => {
    const hangups = Array.from({ length: unmatchedHangupsKept + 2 }, (_, i) => sdkHangup(`GONE-${i}`, 'REMOTE_HANGUP'));
    const next = play(ready(), ...hangups);
    expect(next.unmatchedHangups?.map((hangup) => hangup.callId)).toEqual(
      hangups.slice(-unmatchedHangupsKept).map((hangup) => hangup.callId),
    );
  });

  it('does not re-key when more than one dial is waiting for its id', () => {
    const before = withCalls(ready(), outbound('dial-1'), outbound('dial-2'));
    const next = play(before, legStatus('OUT-1', 'RINGING'));
    expect(next.calls).toEqual(before.calls);
  });

  it('does not hand an unknown id to a dial that already has its own id', () => {
    const before = withCalls(ready(), outbound('dial-1', { id: 'OUT-1', state: 'ringing' }));
    const next = play(before, legStatus('OUT-2', 'ANSWERED'));
    expect(next.calls).toEqual(before.calls);
  });

  it('a failed dial ends the pending call with the message', () => {
    const next = play(
      withCalls(ready(), outbound('dial-1')),
      at(2_000, { type: 'dial-failed', localId: 'dial-1', message: 'The call could not be placed.' }),
    );
    expect(callIn(next, 'dial-1')).toMatchObject({
      state: 'ended',
      endReason: 'dial-failed',
      endedAt: 2_000,
      error: 'The call could not be placed.',
    });
  });

  it('a hangup requested while dialing survives the re-keying', () => {
    const next = play(
      withCalls(ready(), outbound('dial-1')),
      { type: 'hangup-requested', callId: 'dial-1' },
      { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-1' },
    );
    expect(callIn(next, 'OUT-1')).toMatchObject({ state: 'dialing', hangupPending: true });
  });
});

// --- actions on a connected call ------------------------------------------------------------------------

describe('applySoftphoneEvent: mute, hangup, keypad and media', () => {
  const activeCall = (overrides: Partial<Call> = {}) => inbound('IN-1', { state: 'active', answeredAt: 200, ...overrides });

  it('mute shows only when the SDK confirms it', () => {
    const requested = play(withCalls(ready(), activeCall({ error: 'old' })), { type: 'mute-requested', callId: 'IN-1' });
    expect(callIn(requested, 'IN-1')).toMatchObject({ mutePending: true, muted: false });
    expect(callIn(requested, 'IN-1').error).toBeUndefined();

    const muted = play(requested, { type: 'mute', callId: 'IN-1', muted: true });
    expect(callIn(muted, 'IN-1')).toMatchObject({ mutePending: false, muted: true });

    const unmuted = play(muted, { type: 'mute', callId: 'IN-1', muted: false });
    expect(callIn(unmuted, 'IN-1')).toMatchObject({ mutePending: false, muted: false });
  });

  it('an unconfirmed mute clears the pending flag and says so', () => {
    const next = play(withCalls(ready(), activeCall()), { type: 'mute-requested', callId: 'IN-1' }, { type: 'mute-unconfirmed', callId: 'IN-1' });
    expect(callIn(next, 'IN-1')).toMatchObject({
      mutePending: false,
      muted: false,
      error: 'The voice service did not confirm the mute change. Try again.',
    });
  });

  it('mute-unconfirmed after the mute was confirmed changes nothing', () => {
    const confirmed = play(withCalls(ready(), activeCall()), { type: 'mute-requested', callId: 'IN-1' }, { type: 'mute', callId: 'IN-1', muted: true });
    const next = play(confirmed, { type: 'mute-unconfirmed', callId: 'IN-1' });
    expect(callIn(next, 'IN-1')).toEqual(callIn(confirmed, 'IN-1'));
  });

  it('a failed mute clears the pending flag with the message', () => {
    const next = play(withCalls(ready(), activeCall()), { type: 'mute-requested', callId: 'IN-1' }, { type: 'mute-failed', callId: 'IN-1', message: 'Could not change mute.' });
    expect(callIn(next, 'IN-1')).toMatchObject({ mutePending: false, muted: false, error: 'Could not change mute.' });
  });

  it('hangup-requested marks the call and clears an old error; hangup-failed clears the mark with the message', () => {
    const requested = play(withCalls(ready(), activeCall({ error: 'old' })), { type: 'hangup-requested', callId: 'IN-1' });
    expect(callIn(requested, 'IN-1')).toMatchObject({ hangupPending: true, state: 'active' });
    expect(callIn(requested, 'IN-1').error).toBeUndefined();

    const failed = play(requested, { type: 'hangup-failed', callId: 'IN-1', message: 'Could not hang up.' });
    expect(callIn(failed, 'IN-1')).toMatchObject({ hangupPending: false, state: 'active', error: 'Could not hang up.' });
  });

  it('the SDK confirming a hangup ends the call and clears the pending flags', () => {
    const next = play(
      withCalls(ready(), activeCall({ mutePending: true })),
      { type: 'hangup-requested', callId: 'IN-1' },
      at(6_000, sdkHangup('IN-1', 'LOCAL_HANGUP')),
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'local-hangup', endedAt: 6_000, hangupPending: false, mutePending: false });
  });

  it('an unconfirmed hangup ends the call locally', () => {
    const next = play(withCalls(ready(), activeCall()), { type: 'hangup-requested', callId: 'IN-1' }, at(7_000, { type: 'hangup-unconfirmed', callId: 'IN-1' }));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'local-hangup', endedAt: 7_000, hangupPending: false });
  });

  it('hangup-unconfirmed after the SDK already ended the call keeps when it ended', () => {
    const next = play(
      withCalls(ready(), activeCall()),
      { type: 'hangup-requested', callId: 'IN-1' },
      at(6_000, sdkHangup('IN-1', 'REMOTE_HANGUP')),
      at(11_000, { type: 'hangup-unconfirmed', callId: 'IN-1' }),
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ endReason: 'local-hangup', endedAt: 6_000 });
  });

  it('dtmf-failed keeps the call up with the message', () => {
    const next = play(withCalls(ready(), activeCall()), { type: 'dtmf-failed', callId: 'IN-1', message: 'Could not send the keypad tones.' });
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'active', error: 'Could not send the keypad tones.' });
  });

  it('media-disconnect ends the call as media-lost', () => {
    const next = play(withCalls(ready(), activeCall()), at(8_000, { type: 'media-disconnect', callId: 'IN-1' }));
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'media-lost', endedAt: 8_000 });
  });

  it('a broken audio path being repaired keeps the call up and says so until it is back', () => {
    const reconnecting = play(withCalls(ready(), activeCall()), at(8_000, { type: 'media-reconnecting', callId: 'IN-1' }));
    expect(callIn(reconnecting, 'IN-1')).toMatchObject({ state: 'active', audioReconnecting: true, answeredAt: activeCall().answeredAt });
    const repaired = play(reconnecting, at(12_000, { type: 'media-reconnected', callId: 'IN-1' }));
    expect(callIn(repaired, 'IN-1').state).toBe('active');
    expect(callIn(repaired, 'IN-1').audioReconnecting).toBeUndefined();
  });

  const resumable = { callId: 'IN-9', direction: 'inbound', remote: '447700900001', channelType: 'phone', startedAt: 1_000, answeredAt: 3_000, muted: true } as const;

  it('a call taken back after a reload shows at once, with its timer and audio reconnecting, not yet muted again', () => {
    const next = play(ready(), at(60_000, { type: 'call-resuming', call: resumable }));
    expect(callIn(next, 'IN-9')).toMatchObject({
      state: 'active',
      direction: 'inbound',
      remote: '447700900001',
      startedAt: 1_000,
      answeredAt: 3_000,
      muted: false,
      audioReconnecting: true,
    });
    const resumed = play(next, at(61_000, { type: 'call-resumed', callId: 'IN-9' }));
    expect(callIn(resumed, 'IN-9').audioReconnecting).toBeUndefined();
  });

  it('a call that could not be taken back ends with the reason', () => {
    const next = play(
      ready(),
      at(60_000, { type: 'call-resuming', call: resumable }),
      at(61_000, { type: 'call-resume-failed', callId: 'IN-9', message: 'The call had already ended.' }),
    );
    expect(callIn(next, 'IN-9')).toMatchObject({ state: 'ended', endReason: 'resume-failed', error: 'The call had already ended.', endedAt: 61_000 });
  });

  it('resuming a call the state already holds changes nothing', () => {
    const before = withCalls(ready(), activeCall({ id: 'IN-9' }));
    expect(play(before, { type: 'call-resuming', call: resumable })).toBe(before);
  });

  it('a repair that fails ends the call as media-lost, no longer reconnecting', () => {
    const next = play(
      withCalls(ready(), activeCall()),
      at(8_000, { type: 'media-reconnecting', callId: 'IN-1' }),
      at(23_000, { type: 'media-disconnect', callId: 'IN-1' }),
    );
    expect(callIn(next, 'IN-1')).toMatchObject({ state: 'ended', endReason: 'media-lost', endedAt: 23_000 });
    expect(callIn(next, 'IN-1').audioReconnecting).toBeUndefined();
  });
});

// --- ended calls ----------------------------------------------------------------------------------------

describe('applySoftphoneEvent: ended calls', () => {
  it('summary-dismissed removes an ended call', () => {
    const before = withCalls(ready(), inbound('IN-1', { state: 'ended', endReason: 'rejected', endedAt: 500 }), inbound('IN-2'));
    const next = play(before, { type: 'summary-dismissed', callId: 'IN-1' });
    expect(Object.keys(next.calls)).toEqual(['IN-2']);
  });

  it.each<Call['state']>(['ringing', 'answering', 'active'])('summary-dismissed leaves an inbound %s call alone', (state) => {
    const before = withCalls(ready(), inbound('IN-1', { state }));
    expect(play(before, { type: 'summary-dismissed', callId: 'IN-1' })).toBe(before);
  });

  it('summary-dismissed leaves a dialing call alone', () => {
    const before = withCalls(ready(), outbound('dial-1'));
    expect(play(before, { type: 'summary-dismissed', callId: 'dial-1' })).toBe(before);
  });

  it(`keeps only the ${endedCallsKept} most recently ended calls, and never drops an open call`, () => {
    // Ended calls listed out of end order, so the pruning must sort by endedAt rather than insertion.
    const endedAts = [3_000, 1_000, 5_000, 2_000, 4_000];
    const ended = endedAts.map((endedAt) => inbound(`OLD-${endedAt}`, { state: 'ended', endReason: 'remote-hangup', endedAt }));
    expect(ended).toHaveLength(endedCallsKept);
    const before = withCalls(ready(), ...ended, inbound('IN-RINGING'), inbound('IN-ACTIVE', { state: 'active', answeredAt: 100 }));

    const next = play(before, at(9_000, { type: 'call-rejected', callId: 'IN-RINGING' }));

    expect(Object.keys(next.calls).sort()).toEqual(['IN-ACTIVE', 'IN-RINGING', 'OLD-2000', 'OLD-3000', 'OLD-4000', 'OLD-5000'].sort());
    expect(Object.values(next.calls).filter((call) => call.state === 'ended')).toHaveLength(endedCallsKept);
    expect(callIn(next, 'IN-ACTIVE').state).toBe('active');
  });

  it('prunes when several calls end at once', () => {
    const ended = [1_000, 2_000, 3_000, 4_000].map((endedAt) => inbound(`OLD-${endedAt}`, { state: 'ended', endReason: 'rejected', endedAt }));
    const before = withCalls(ready(), ...ended, inbound('IN-A'), inbound('IN-B'), inbound('IN-C'));
    const next = play(before, at(9_000, sessionError('TRANSPORT_CLOSED')));
    expect(Object.keys(next.calls).sort()).toEqual(['IN-A', 'IN-B', 'IN-C', 'OLD-3000', 'OLD-4000'].sort());
  });
});

// --- purity ---------------------------------------------------------------------------------------------

describe('applySoftphoneEvent: purity', () => {
  // One of every event type; the mapped type makes the compiler fail here when a new event type appears.
  const oneOfEach: { [T in SoftphoneEvent['type']]: Extract<Untimed, { type: T }> } = {
    'call-invite': invite('IN-NEW'),
    'answer-blocked': { type: 'answer-blocked', callId: 'IN-1', message: 'Microphone blocked' },
    'call-invite-cancel': inviteCancel('IN-1', 'RemoteCancel'),
    'call-hangup': sdkHangup('OUT-1', 'REMOTE_HANGUP'),
    'leg-status': { type: 'leg-status', callId: 'OUT-1', legId: 'LEG-1', status: 'ANSWERED' },
    mute: { type: 'mute', callId: 'IN-2', muted: true },
    'media-disconnect': { type: 'media-disconnect', callId: 'IN-2' },
    'media-reconnecting': { type: 'media-reconnecting', callId: 'IN-2' },
    'media-reconnected': { type: 'media-reconnected', callId: 'IN-2' },
    'session-error': { type: 'session-error', reason: 'PING_TIMEOUT' },
    'connection-interrupted': { type: 'connection-interrupted' },
    reconnecting: { type: 'reconnecting' },
    reconnected: { type: 'reconnected' },
    'auto-reconnect-scheduled': { type: 'auto-reconnect-scheduled', attempt: 2, nextAttemptAt: 9 },
    'sign-in-started': { type: 'sign-in-started', agentName: 'Bob' },
    'token-received': { type: 'token-received', expiresAt: 1 },
    'session-created': { type: 'session-created', sessionId: 'SESSION-2', agent: { userName: 'Bob', userId: 'USR-bob' } },
    'sign-in-failed': { type: 'sign-in-failed', message: 'x' },
    'signed-out': { type: 'signed-out' },
    'token-refreshed': { type: 'token-refreshed', expiresAt: 2 },
    'token-refresh-failed': { type: 'token-refresh-failed', failures: 1, nextAttemptAt: 3, expiresAt: 4, reason: 'x' },
    'answer-requested': { type: 'answer-requested', callId: 'IN-1' },
    'answer-succeeded': { type: 'answer-succeeded', callId: 'IN-3' },
    'answer-failed': { type: 'answer-failed', callId: 'IN-3', message: 'x' },
    'reject-requested': { type: 'reject-requested', callId: 'IN-1' },
    'call-rejected': { type: 'call-rejected', callId: 'IN-1' },
    'reject-failed': { type: 'reject-failed', callId: 'IN-1', message: 'x' },
    'dial-invalid': { type: 'dial-invalid', message: 'x' },
    'dial-refused': { type: 'dial-refused', message: 'x', cause: 'microphone' },
    'dial-edited': { type: 'dial-edited' },
    'dial-requested': dialRequested('dial-7'),
    'dial-succeeded': { type: 'dial-succeeded', localId: 'dial-1', callId: 'OUT-9' },
    'dial-failed': { type: 'dial-failed', localId: 'dial-1', message: 'x' },
    'hangup-requested': { type: 'hangup-requested', callId: 'IN-2' },
    'hangup-failed': { type: 'hangup-failed', callId: 'IN-2', message: 'x' },
    'hangup-unconfirmed': { type: 'hangup-unconfirmed', callId: 'IN-2' },
    'mute-unconfirmed': { type: 'mute-unconfirmed', callId: 'IN-2' },
    'mute-requested': { type: 'mute-requested', callId: 'IN-2' },
    'mute-failed': { type: 'mute-failed', callId: 'IN-2', message: 'x' },
    'dtmf-failed': { type: 'dtmf-failed', callId: 'IN-2', message: 'x' },
    'transfer-requested': { type: 'transfer-requested', callId: 'IN-2' },
    'transfer-failed': { type: 'transfer-failed', callId: 'IN-2', message: 'x' },
    'transfer-confirmed': { type: 'transfer-confirmed', callId: 'IN-2', to: 'Joe' },
    'call-transferred': { type: 'call-transferred', callId: 'IN-2', to: 'Joe' },
    earmuff: { type: 'earmuff', callId: 'IN-2', earmuffed: true },
    'dtmf-received': { type: 'dtmf-received', callId: 'IN-2', digits: '12' },
    'hold-requested': { type: 'hold-requested', callId: 'IN-2', hold: true },
    'hold-failed': { type: 'hold-failed', callId: 'IN-2', message: 'x' },
    'hold-unconfirmed': { type: 'hold-unconfirmed', callId: 'IN-2' },
    'preferences-loaded': { type: 'preferences-loaded', preferences: { availability: 'away', wrapUpSeconds: 30, autoAnswerSeconds: 2 } },
    'availability-changed': { type: 'availability-changed', availability: 'do-not-disturb' },
    'preferences-changed': { type: 'preferences-changed', wrapUpSeconds: 10, autoAnswerSeconds: undefined },
    'wrap-up-ended': { type: 'wrap-up-ended' },
    'call-resuming': { type: 'call-resuming', call: { callId: 'IN-R', direction: 'inbound', remote: '447700900001', channelType: 'phone', startedAt: 10, answeredAt: 20, muted: true } },
    'call-resumed': { type: 'call-resumed', callId: 'IN-2' },
    'call-resume-failed': { type: 'call-resume-failed', callId: 'IN-2', message: 'x' },
    'summary-dismissed': { type: 'summary-dismissed', callId: 'IN-OLD' },
    'summaries-dismissed': { type: 'summaries-dismissed' },
  };

  const richState = () =>
    withCalls(
      ready({ dialError: { message: 'old', aboutInput: true, cause: 'input' }, connectionError: 'old' }),
      inbound('IN-1'),
      inbound('IN-2', { state: 'active', answeredAt: 150, mutePending: true }),
      inbound('IN-3', { state: 'answering' }),
      outbound('dial-1', { id: 'OUT-1', state: 'ringing' }),
      ...[1, 2, 3, 4, 5].map((n) => inbound(`IN-OLD${n === 1 ? '' : n}`, { state: 'ended', endReason: 'rejected', endedAt: n })),
    );

  it.each(Object.values(oneOfEach).map((event) => [event.type, event] as const))('%s leaves its input untouched', (_type, event) => {
    const input = richState();
    const copy = structuredClone(input);
    const next = applySoftphoneEvent(deepFreeze(input), { ...event, at: 50_000 });
    expect(input).toEqual(copy);
    expect(next).toBeDefined();
  });

  it('leaves a pending dial untouched while re-keying it', () => {
    const input = withCalls(ready(), outbound('dial-1'));
    const copy = structuredClone(input);
    const next = applySoftphoneEvent(deepFreeze(input), at(1, legStatus('OUT-1', 'RINGING')));
    expect(input).toEqual(copy);
    expect(callIn(next, 'OUT-1').state).toBe('ringing');
  });
});

describe('applySoftphoneEvent: hold', () => {
  const talking = () => withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200 }));
  const mute = (muted: boolean): Voice<'mute'> => ({ type: 'mute', callId: 'IN-1', muted });
  const earmuff = (earmuffed: boolean): Voice<'earmuff'> => ({ type: 'earmuff', callId: 'IN-1', earmuffed });

  it('holds only once both the mute and the earmuff are confirmed, in either order, and times the hold from then', () => {
    const requested = play(talking(), at(1_000, { type: 'hold-requested', callId: 'IN-1', hold: true }));
    expect(callIn(requested, 'IN-1')).toMatchObject({ holdPending: 'hold', mutedBeforeHold: false });
    const half = play(requested, at(1_100, earmuff(true)));
    expect(callIn(half, 'IN-1').held).toBeFalsy();
    const held = play(half, at(1_200, mute(true)));
    expect(callIn(held, 'IN-1')).toMatchObject({ held: true, heldAt: 1_200, muted: true, earmuffed: true });
    expect(callIn(held, 'IN-1').holdPending).toBeUndefined();
  });

  it('resumes once the earmuff is off and the mute is back to what it was before the hold', () => {
    const held = play(talking(), { type: 'hold-requested', callId: 'IN-1', hold: true }, mute(true), earmuff(true));
    const resuming = play(held, { type: 'hold-requested', callId: 'IN-1', hold: false }, earmuff(false));
    expect(callIn(resuming, 'IN-1')).toMatchObject({ held: true, holdPending: 'resume' });
    const resumed = play(resuming, mute(false));
    expect(callIn(resumed, 'IN-1')).toMatchObject({ held: false, muted: false, earmuffed: false });
    expect(callIn(resumed, 'IN-1').heldAt).toBeUndefined();
  });

  it('a call muted before the hold stays muted after it', () => {
    const mutedCall = withCalls(ready(), inbound('IN-1', { state: 'active', answeredAt: 200, muted: true }));
    const held = play(mutedCall, { type: 'hold-requested', callId: 'IN-1', hold: true }, earmuff(true));
    expect(callIn(held, 'IN-1')).toMatchObject({ held: true, mutedBeforeHold: true });
    const resumed = play(held, { type: 'hold-requested', callId: 'IN-1', hold: false }, earmuff(false));
    expect(callIn(resumed, 'IN-1')).toMatchObject({ held: false, muted: true });
  });

  it('an unconfirmed or failed hold leaves the call unheld with a sentence', () => {
    const unconfirmed = play(talking(), { type: 'hold-requested', callId: 'IN-1', hold: true }, mute(true), { type: 'hold-unconfirmed', callId: 'IN-1' });
    expect(callIn(unconfirmed, 'IN-1')).toMatchObject({ error: 'The voice service did not confirm the hold. Try again.' });
    expect(callIn(unconfirmed, 'IN-1').held).toBeFalsy();
    const failed = play(talking(), { type: 'hold-requested', callId: 'IN-1', hold: true }, { type: 'hold-failed', callId: 'IN-1', message: 'Could not.' });
    expect(callIn(failed, 'IN-1')).toMatchObject({ error: 'Could not.' });
    expect(callIn(failed, 'IN-1').holdPending).toBeUndefined();
  });

  it('keeps the last digits the caller pressed', () => {
    const next = play(talking(), { type: 'dtmf-received', callId: 'IN-1', digits: '12' }, { type: 'dtmf-received', callId: 'IN-1', digits: '#' });
    expect(callIn(next, 'IN-1').digitsReceived).toBe('12#');
    const long = play(talking(), { type: 'dtmf-received', callId: 'IN-1', digits: '1'.repeat(40) + '99' });
    expect(callIn(long, 'IN-1').digitsReceived).toHaveLength(32);
    expect(callIn(long, 'IN-1').digitsReceived?.endsWith('99')).toBe(true);
  });
});

describe('applySoftphoneEvent: availability, wrap-up and auto-answer', () => {
  it.each([
    ['away', 'declined-away'],
    ['do-not-disturb', 'declined-do-not-disturb'],
  ] as const)('while %s, an invite is ended at once as %s', (availability, reason) => {
    const state = play(ready(), { type: 'availability-changed', availability }, at(5_000, invite('IN-1')));
    expect(callIn(state, 'IN-1')).toMatchObject({ state: 'ended', endReason: reason, startedAt: 5_000, endedAt: 5_000 });
  });

  it('starts a wrap-up after a connected call, declines invites during it, and rings again after it', () => {
    const settings = play(ready(), { type: 'preferences-changed', wrapUpSeconds: 30, autoAnswerSeconds: undefined });
    const talking = withCalls(settings, inbound('IN-1', { state: 'active', answeredAt: 200 }));
    const after = play(talking, at(10_000, sdkHangup('IN-1', 'REMOTE_HANGUP')));
    expect(after.wrapUp).toEqual({ endsAt: 40_000, afterCallId: 'IN-1' });
    expect(callIn(play(after, at(20_000, invite('IN-2'))), 'IN-2').endReason).toBe('declined-wrap-up');
    expect(callIn(play(after, at(40_000, invite('IN-3'))), 'IN-3').state).toBe('ringing');
    expect(play(after, { type: 'wrap-up-ended' }).wrapUp).toBeUndefined();
  });

  it('no wrap-up after a call that never connected, a sound check, or while another call goes on', () => {
    const settings = play(ready(), { type: 'preferences-changed', wrapUpSeconds: 30, autoAnswerSeconds: undefined });
    expect(play(withCalls(settings, inbound('IN-1')), inviteCancel('IN-1', 'RemoteCancel')).wrapUp).toBeUndefined();
    const check = outbound('dial-1', { id: 'OUT-1', state: 'active', answeredAt: 200, soundCheck: true });
    expect(play(withCalls(settings, check), sdkHangup('OUT-1', 'LOCAL_HANGUP')).wrapUp).toBeUndefined();
    const twoCalls = withCalls(settings, inbound('IN-1', { state: 'active', answeredAt: 200 }), inbound('IN-2', { state: 'active', answeredAt: 300, held: true }));
    expect(play(twoCalls, sdkHangup('IN-1', 'REMOTE_HANGUP')).wrapUp).toBeUndefined();
  });

  it('auto-answer marks an invite with its answer instant, unless a call is in progress', () => {
    const settings = play(ready(), { type: 'preferences-changed', wrapUpSeconds: 0, autoAnswerSeconds: 3 });
    expect(callIn(play(settings, at(1_000, invite('IN-1'))), 'IN-1').autoAnswerAt).toBe(4_000);
    const busy = withCalls(settings, inbound('IN-1', { state: 'active', answeredAt: 200 }));
    expect(callIn(play(busy, invite('IN-2')), 'IN-2').autoAnswerAt).toBeUndefined();
    const answering = play(settings, at(1_000, invite('IN-1')), { type: 'answer-requested', callId: 'IN-1' });
    expect(callIn(answering, 'IN-1').autoAnswerAt).toBeUndefined();
  });

  it('settings are replaced when loaded and survive nothing past sign-out', () => {
    const loaded = play(ready(), { type: 'preferences-loaded', preferences: { availability: 'away', wrapUpSeconds: 15, autoAnswerSeconds: 2 } });
    expect(loaded.preferences).toEqual({ availability: 'away', wrapUpSeconds: 15, autoAnswerSeconds: 2 });
    const off = play(loaded, { type: 'preferences-changed', wrapUpSeconds: 15, autoAnswerSeconds: undefined });
    expect(off.preferences).toEqual({ availability: 'away', wrapUpSeconds: 15 });
    expect(play(loaded, { type: 'signed-out' }).preferences).toEqual(defaultAgentPreferences);
  });
});
