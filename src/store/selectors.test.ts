import { describe, expect, it } from 'vitest';
import {
  selectAgent,
  selectConnection,
  selectConnectionError,
  selectCurrentCall,
  selectDialError,
  selectHasCallInProgress,
  selectHasLiveSession,
  selectHeldCall,
  selectIncomingCall,
  selectIsTalking,
  selectIsRinging,
  selectIsSignedIn,
  selectLastAgentName,
  selectLastEndedCall,
  selectWaitingInviteCount,
} from './selectors';
import { connectionStatuses, initialSoftphoneState, type Call, type ConnectionStatus, type SoftphoneState } from './softphone-state';

const jane = { userName: 'Jane', userId: 'USR-jane' };

function state(overrides: Partial<SoftphoneState> = {}, ...calls: Call[]): SoftphoneState {
  return {
    ...initialSoftphoneState,
    connection: 'ready',
    agent: jane,
    lastAgentName: 'Jane',
    ...overrides,
    calls: Object.fromEntries(calls.map((call) => [call.id, call])),
  };
}

function call(id: string, direction: Call['direction'], callState: Call['state'], startedAt: number, extra: Partial<Call> = {}): Call {
  return {
    id,
    direction,
    state: callState,
    remote: `remote-${id}`,
    channelType: 'phone',
    startedAt,
    muted: false,
    mutePending: false,
    hangupPending: false,
    rejectPending: false,
    ...extra,
  };
}

describe('plain field selectors', () => {
  it('read the connection, its error, the agent, the last agent name and the dial error', () => {
    const dialError = { message: 'Bad number.', aboutInput: true, cause: 'input' } as const;
    const current = state({ connection: 'offline', connectionError: 'Lost.', lastAgentName: 'Janet', dialError });
    expect(selectConnection(current)).toBe('offline');
    expect(selectConnectionError(current)).toBe('Lost.');
    expect(selectAgent(current)).toBe(jane);
    expect(selectLastAgentName(current)).toBe('Janet');
    expect(selectDialError(current)).toBe(dialError);
  });

  it('are undefined when the fields are absent', () => {
    const current = { ...initialSoftphoneState };
    expect(selectConnectionError(current)).toBeUndefined();
    expect(selectAgent(current)).toBeUndefined();
    expect(selectDialError(current)).toBeUndefined();
    expect(selectLastAgentName(current)).toBe('');
  });
});

describe('selectDialError: a refusal shows only while it still holds', () => {
  it('"not Ready" goes once the softphone is Ready', () => {
    const dialError = { message: 'You can call once the softphone is Ready.', aboutInput: false, cause: 'not-ready' } as const;
    expect(selectDialError(state({ connection: 'reconnecting', dialError }))).toBe(dialError);
    expect(selectDialError(state({ connection: 'ready', dialError }))).toBeUndefined();
  });

  it('"finish the current call" goes once no call is in progress', () => {
    const dialError = { message: 'Finish the current call, or hold it, before placing another.', aboutInput: false, cause: 'busy' } as const;
    const onCall = state({ dialError }, call('IN-1', 'inbound', 'active', 1));
    expect(selectDialError(onCall)).toBe(dialError);
    const after = state({ dialError }, call('IN-1', 'inbound', 'ended', 1));
    expect(selectDialError(after)).toBeUndefined();
  });

  it('a complaint about the input stays until the agent edits it', () => {
    const dialError = { message: 'Enter a number.', aboutInput: true, cause: 'input' } as const;
    expect(selectDialError(state({ connection: 'ready', dialError }))).toBe(dialError);
  });
});

describe('selectIsSignedIn', () => {
  const connections: readonly ConnectionStatus[] = connectionStatuses;

  // The agent is kept from the first session until sign-out, through reconnects and failed reconnects.
  it.each(connections)('while %s: signed in exactly when the agent is known', (connection) => {
    expect(selectIsSignedIn(state({ connection, agent: jane }))).toBe(true);
    expect(selectIsSignedIn(state({ connection, agent: undefined }))).toBe(false);
  });

  it('is false for the initial state', () => {
    expect(selectIsSignedIn(initialSoftphoneState)).toBe(false);
  });
});

describe('selectHasLiveSession', () => {
  // Invites reach a Ready session and one resuming after a short drop; a lost session's invites were ended.
  it.each(connectionStatuses)('while %s', (connection) => {
    expect(selectHasLiveSession(state({ connection }))).toBe(connection === 'ready' || connection === 'reconnecting');
  });
});

describe('incoming calls', () => {
  it('shows the invite that has rung longest first, whatever order they arrived in the map', () => {
    const current = state(
      {},
      call('IN-NEW', 'inbound', 'ringing', 3_000),
      call('IN-OLD', 'inbound', 'ringing', 1_000),
      call('IN-MID', 'inbound', 'ringing', 2_000),
    );
    expect(selectIncomingCall(current)?.id).toBe('IN-OLD');
    expect(selectWaitingInviteCount(current)).toBe(3);
    expect(selectIsRinging(current)).toBe(true);
  });

  it('keeps showing an invite while it is being answered, but it no longer counts as waiting or ringing', () => {
    const current = state({}, call('IN-1', 'inbound', 'answering', 1_000));
    expect(selectIncomingCall(current)?.id).toBe('IN-1');
    expect(selectWaitingInviteCount(current)).toBe(0);
    expect(selectIsRinging(current)).toBe(false);
  });

  it('ignores answered, ended and outbound calls', () => {
    const current = state(
      {},
      call('IN-ACTIVE', 'inbound', 'active', 1_000),
      call('IN-ENDED', 'inbound', 'ended', 500, { endedAt: 900 }),
      call('OUT-RINGING', 'outbound', 'ringing', 200),
    );
    expect(selectIncomingCall(current)).toBeUndefined();
    expect(selectWaitingInviteCount(current)).toBe(0);
    expect(selectIsRinging(current)).toBe(false);
  });

  it('the count covers only ringing invites among several', () => {
    const current = state(
      {},
      call('IN-1', 'inbound', 'answering', 1_000),
      call('IN-2', 'inbound', 'ringing', 2_000),
      call('IN-3', 'inbound', 'ringing', 3_000),
    );
    expect(selectWaitingInviteCount(current)).toBe(2);
    expect(selectIncomingCall(current)?.id).toBe('IN-1');
  });
});

describe('selectCurrentCall', () => {
  it.each<Call['state']>(['dialing', 'ringing', 'active'])('is an outbound call while %s', (callState) => {
    const current = state({}, call('OUT-1', 'outbound', callState, 1_000));
    expect(selectCurrentCall(current)?.id).toBe('OUT-1');
    expect(selectHasCallInProgress(current)).toBe(true);
  });

  it('is an answered inbound call', () => {
    const current = state({}, call('IN-RINGING', 'inbound', 'ringing', 500), call('IN-1', 'inbound', 'active', 1_000));
    expect(selectCurrentCall(current)?.id).toBe('IN-1');
  });

  it.each<Call['state']>(['ringing', 'answering', 'ended'])('is not an inbound call that is %s', (callState) => {
    const current = state({}, call('IN-1', 'inbound', callState, 1_000));
    expect(selectCurrentCall(current)).toBeUndefined();
    expect(selectHasCallInProgress(current)).toBe(false);
  });

  it('is not an ended outbound call', () => {
    const current = state({}, call('OUT-1', 'outbound', 'ended', 1_000, { endedAt: 2_000 }));
    expect(selectCurrentCall(current)).toBeUndefined();
    expect(selectHasCallInProgress(current)).toBe(false);
  });

  it('picks the call that started first', () => {
    const current = state({}, call('IN-LATER', 'inbound', 'active', 2_000), call('IN-EARLIER', 'inbound', 'active', 1_000));
    expect(selectCurrentCall(current)?.id).toBe('IN-EARLIER');
  });
});

describe('selectLastEndedCall', () => {
  it('is the call that ended most recently, not the one that started last', () => {
    const current = state(
      {},
      call('A', 'inbound', 'ended', 5_000, { endedAt: 6_000 }),
      call('B', 'outbound', 'ended', 1_000, { endedAt: 9_000 }),
      call('C', 'inbound', 'ended', 3_000, { endedAt: 4_000 }),
      call('D', 'inbound', 'active', 8_000),
    );
    expect(selectLastEndedCall(current)?.id).toBe('B');
  });

  it('is undefined when no call has ended', () => {
    expect(selectLastEndedCall(state({}, call('D', 'inbound', 'active', 8_000)))).toBeUndefined();
  });
});

describe('hold and a second call', () => {
  it('the current call is the unheld one; the held one waits beside it', () => {
    const held = call('IN-1', 'inbound', 'active', 1, { held: true, heldAt: 5 });
    const talking = call('IN-2', 'inbound', 'active', 2);
    const both = state({}, held, talking);
    expect(selectCurrentCall(both)?.id).toBe('IN-2');
    expect(selectHeldCall(both)?.id).toBe('IN-1');
    expect(selectIsTalking(both)).toBe(true);
  });

  it('a held call left alone is the current call, still held, so it is never out of sight', () => {
    const alone = state({}, call('IN-1', 'inbound', 'active', 1, { held: true, heldAt: 5 }));
    expect(selectCurrentCall(alone)?.id).toBe('IN-1');
    expect(selectHeldCall(alone)).toBeUndefined();
    expect(selectIsTalking(alone)).toBe(false);
    expect(selectHasCallInProgress(alone)).toBe(true);
  });

  it('a call being resumed counts as the current one', () => {
    const resuming = state({}, call('IN-1', 'inbound', 'active', 1, { held: true, holdPending: 'resume' }), call('IN-2', 'inbound', 'active', 2, { held: true }));
    expect(selectCurrentCall(resuming)?.id).toBe('IN-1');
    expect(selectHeldCall(resuming)?.id).toBe('IN-2');
  });
});
