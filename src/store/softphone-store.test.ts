import type { MicrophoneCheck } from '@/voice/microphone-check';
import { describe, expect, it, vi } from 'vitest';
import { janeTokenExchangeFixture, type TokenResponse } from '@/contracts/token-api';
import type { ParsedDialInput } from '@/lib/dial-target';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { AgentPreferences, Call } from './softphone-state';
import type { PreferencesStorage } from './preference-actions';
import { answerTimeoutMs } from './inbound-actions';
import { dialTimeoutMs } from './outbound-actions';
import { confirmationTimeoutMs } from './hangup-issuer';
import * as callMachinery from './call-machinery';
import { createSoftphoneStore } from './softphone-store';
import { refreshDelayFor, retryDelayFor } from './token-refresher';
import { deferred, type Deferred } from '@/testing/deferred';
import { FakeVoiceAdapter } from './testing/fake-voice-adapter';
import type { RecoveryRecord, RecoveryStorage } from './recovery-record';
import type { TransferRequest } from './store-runtime';

/** A hand-driven clock: `setTimer` callbacks run only when the test advances time past them. */
class ManualClock {
  private timers: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 0;
  time: number;
  constructor(start: number) {
    this.time = start;
  }

  readonly now = () => this.time;

  readonly setTimer = (callback: () => void, delayMs: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + delayMs, callback, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  };

  /** Moves time forward, running each timer due on the way at its own instant. */
  advance(ms: number) {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = target;
  }

  get pendingDelays() {
    return this.timers.map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }
}

/** Lets every promise the store is waiting on run its continuation. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const signInInstant = Date.parse('2026-11-22T11:00:00.000Z');
const firstExpiry = Date.parse(janeTokenExchangeFixture.response.expires_at);
const tokenRefreshRetryMs = retryDelayFor(1);

function tokenFor(expiresAt: string, jwt = 'refreshed.jwt'): TokenResponse {
  return { ...janeTokenExchangeFixture.response, jwt, expires_at: expiresAt };
}

function parseAsTyped(input: string): ParsedDialInput {
  return input.startsWith('+')
    ? { ok: true, target: { kind: 'phone', e164: input }, display: input }
    : { ok: true, target: { kind: 'agent', userName: input }, display: input };
}

/** Each agent's remembered settings, in memory. */
class MemoryPreferencesStorage implements PreferencesStorage {
  readonly saved = new Map<string, AgentPreferences>();
  read(agentName: string) {
    return this.saved.get(agentName);
  }
  write(agentName: string, preferences: AgentPreferences) {
    this.saved.set(agentName, structuredClone(preferences));
  }
}

/** sessionStorage for one tab, in memory: what the store last wrote, and what a reloaded page reads. */
class MemoryRecoveryStorage implements RecoveryStorage {
  record: RecoveryRecord | undefined;
  writes = 0;
  read() {
    return this.record === undefined ? undefined : structuredClone(this.record);
  }
  write(record: RecoveryRecord | undefined) {
    this.writes += 1;
    this.record = record === undefined ? undefined : structuredClone(record);
  }
}

function setup(recoveryStorage = new MemoryRecoveryStorage()) {
  const adapter = new FakeVoiceAdapter();
  const clock = new ManualClock(signInInstant);
  const adapterLoad = deferred<VoiceAdapter>();
  const tokenRequests: Array<Deferred<TokenResponse> & { userName: string }> = [];
  const onlineListeners = new Set<() => void>();
  const deps = {
    loadAdapter: vi.fn(() => adapterLoad.promise),
    requestToken: vi.fn((userName: string) => {
      const request = { ...deferred<TokenResponse>(), userName };
      tokenRequests.push(request);
      return request.promise;
    }),
    parseDialInput: vi.fn(async (input: string) => parseAsTyped(input)),
    checkMicrophone: vi.fn(async (): Promise<MicrophoneCheck> => ({ ok: true })),
    now: clock.now,
    setTimer: clock.setTimer,
    // The middle of the ±20 % spread: retry delays are exactly 1 s, 2 s, 4 s …
    random: () => 0.5,
    onNetworkOnline: vi.fn((callback: () => void) => {
      onlineListeners.add(callback);
      return () => onlineListeners.delete(callback);
    }),
    recoveryStorage,
    transferCall: vi.fn(async (_request: TransferRequest): Promise<void> => undefined),
    preferencesStorage: new MemoryPreferencesStorage(),
    playAutoAnswerTone: vi.fn(),
  };
  const store = createSoftphoneStore(deps, { callMachinery });
  const goOnline = () => {
    for (const listener of [...onlineListeners]) listener();
  };
  const actions = store.actions;
  const lastTokenRequest = () => {
    const request = tokenRequests.at(-1);
    if (!request) throw new Error('requestToken was never called');
    return request;
  };
  const call = (id: string): Call => {
    const found = store.getState().calls[id];
    if (!found) throw new Error(`No call ${id}; ids: ${Object.keys(store.getState().calls).join(', ')}`);
    return found;
  };
  return { adapter, clock, adapterLoad, tokenRequests, lastTokenRequest, deps, store, actions, call, goOnline, onlineListeners, recoveryStorage };
}

async function signedIn() {
  const harness = setup();
  const signingIn = harness.actions.signIn('Jane');
  harness.adapterLoad.resolve(harness.adapter);
  harness.lastTokenRequest().resolve(janeTokenExchangeFixture.response);
  await settle();
  harness.adapter.lastRequest('createSession').resolve('SESSION-1');
  await signingIn;
  expect(harness.store.getState().connection).toBe('ready');
  return harness;
}

async function withRingingInvite(callId = 'IN-1') {
  const harness = await signedIn();
  harness.adapter.emit({ type: 'call-invite', callId, from: '447700900001', channelType: 'phone' });
  return harness;
}

async function withActiveCall(callId = 'IN-1') {
  const harness = await withRingingInvite(callId);
  const answering = harness.actions.answer(callId);
  await settle();
  harness.adapter.lastRequest('answer').resolve();
  await answering;
  expect(harness.call(callId).state).toBe('active');
  return harness;
}

describe('signIn', () => {
  it('fetches the token and loads the SDK in parallel, then creates the session', async () => {
    const { actions, store, deps, adapter, adapterLoad, lastTokenRequest } = setup();

    const signingIn = actions.signIn('  Jane ');
    expect(store.getState()).toMatchObject({ connection: 'fetching-token', lastAgentName: 'Jane' });
    // Both started before either answered.
    expect(deps.loadAdapter).toHaveBeenCalledTimes(1);
    expect(deps.requestToken).toHaveBeenCalledWith('Jane');

    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    expect(store.getState().connection).toBe('connecting');
    // The agent is known once the session exists, not when the token arrives.
    expect(store.getState().agent).toBeUndefined();
    expect(store.getState().tokenExpiresAt).toBe(firstExpiry);
    expect(adapter.requestsTo('createSession')).toHaveLength(0);

    adapterLoad.resolve(adapter);
    await settle();
    expect(adapter.lastRequest('createSession').args).toEqual([janeTokenExchangeFixture.response.jwt]);
    expect(adapter.listenerCount).toBe(1);

    adapter.lastRequest('createSession').resolve('SESSION-1');
    await signingIn;
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-1', lastAgentName: 'Jane' });
    expect(store.getState().agent).toEqual({ userName: 'Jane', userId: 'USR-jane' });
    expect(store.getState().connectionError).toBeUndefined();
  });

  it('asks for a name when the agent typed none, without calling the token service', async () => {
    const { actions, store, deps } = setup();
    await actions.signIn('   ');
    expect(store.getState().connection).toBe('error');
    expect(store.getState().connectionError).toBe('Enter your agent name to sign in.');
    expect(deps.requestToken).not.toHaveBeenCalled();
    expect(deps.loadAdapter).not.toHaveBeenCalled();
  });

  it('shows the token client’s message when the token request fails', async () => {
    const { actions, store, adapter, adapterLoad, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jnae');
    adapterLoad.resolve(adapter);
    lastTokenRequest().reject(new Error('No agent named “Jnae” is set up. Check the spelling or ask your supervisor.'));
    await signingIn;
    expect(store.getState()).toMatchObject({
      connection: 'error',
      connectionError: 'No agent named “Jnae” is set up. Check the spelling or ask your supervisor.',
      lastAgentName: 'Jnae',
    });
    expect(adapter.requestsTo('createSession')).toHaveLength(0);
  });

  it('explains a session the voice service refused', async () => {
    const { actions, store, adapter, adapterLoad, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject({ type: 'SESSION_ERROR', code: 'session:error:invalid-token', message: 'bad jwt' });
    await signingIn;
    expect(store.getState().connection).toBe('error');
    expect(store.getState().connectionError).toBe(
      'Could not connect to the voice service. The voice service did not accept your sign-in token.',
    );
  });

  it('tries createSession once more when the voice service did not answer in time, and says so after a second timeout', async () => {
    const timeout = { type: 'SESSION_ERROR', code: 'session:error:timeout', message: 'Session failed due to a timeout expiration.' };
    const { actions, store, adapter, adapterLoad, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject(timeout);
    await settle();
    expect(adapter.requestsTo('createSession')).toHaveLength(2);
    expect(store.getState().connection).toBe('connecting');
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await signingIn;
    expect(store.getState().connection).toBe('ready');

    const again = setup();
    const failing = again.actions.signIn('Jane');
    again.adapterLoad.resolve(again.adapter);
    again.lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    again.adapter.lastRequest('createSession').reject(timeout);
    await settle();
    again.adapter.lastRequest('createSession').reject(timeout);
    await failing;
    expect(again.adapter.requestsTo('createSession')).toHaveLength(2);
    expect(again.store.getState()).toMatchObject({
      connection: 'error',
      connectionError: 'Could not connect to the voice service. The voice service did not answer in time. Check your connection.',
    });
  });

  it('asks for a page reload when the SDK failed to load, and loads it afresh on the next sign-in', async () => {
    const { actions, store, deps, adapter, adapterLoad, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.reject(new Error('Failed to fetch dynamically imported module'));
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await signingIn;
    expect(store.getState()).toMatchObject({
      connection: 'error',
      connectionError:
        'Part of the softphone could not be downloaded (a network problem, or a new version was just released). Reload the page to continue.',
    });
    expect(store.getState().agent).toBeUndefined();
    expect(deps.loadAdapter).toHaveBeenCalledTimes(1);

    deps.loadAdapter.mockResolvedValueOnce(adapter);
    const second = actions.signIn('Jane');
    expect(deps.loadAdapter).toHaveBeenCalledTimes(2);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await second;
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-1' });
    expect(adapter.listenerCount).toBe(1);
  });

  it('ignores a second sign-in while one is under way', async () => {
    const { actions, store, deps, adapter, adapterLoad, lastTokenRequest } = setup();
    const first = actions.signIn('Jane');
    await actions.signIn('Bob');
    expect(deps.requestToken).toHaveBeenCalledTimes(1);
    expect(store.getState().lastAgentName).toBe('Jane');

    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    expect(store.getState().connection).toBe('connecting');
    await actions.signIn('Bob');
    expect(deps.requestToken).toHaveBeenCalledTimes(1);

    adapterLoad.resolve(adapter);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await first;
    expect(store.getState()).toMatchObject({ connection: 'ready', agent: { userName: 'Jane' } });
  });

  it('signs in again after a failure with the SDK it already loaded, subscribing once', async () => {
    const { actions, store, deps, adapter, adapterLoad, lastTokenRequest } = setup();
    const first = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject(new Error('socket closed'));
    await first;
    expect(store.getState().connection).toBe('error');

    const second = actions.signIn('Jane');
    expect(store.getState().connectionError).toBeUndefined();
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-2');
    await second;
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-2' });
    expect(deps.loadAdapter).toHaveBeenCalledTimes(1);
    expect(adapter.listenerCount).toBe(1);
  });

  it('signing out while the token is on its way stops the sign-in', async () => {
    const { actions, store, adapter, adapterLoad, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    await actions.signOut();
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await signingIn;
    expect(store.getState().connection).toBe('signed-out');
    expect(adapter.requestsTo('createSession')).toHaveLength(0);
  });

  it('signing out while the session is being created deletes that session once it opens', async () => {
    const { actions, store, adapter, adapterLoad, clock, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;

    adapter.lastRequest('createSession').resolve('SESSION-late');
    await settle();
    expect(adapter.requestsTo('deleteSession')).toHaveLength(2);
    adapter.lastRequest('deleteSession').resolve();
    await signingIn;
    expect(store.getState()).toMatchObject({ connection: 'signed-out' });
    expect(store.getState().agent).toBeUndefined();
    expect(clock.pendingDelays).toEqual([]);
  });
});

describe('reconnecting after the session was lost', () => {
  async function offlineWithActiveCall() {
    const harness = await withActiveCall();
    harness.adapter.emit({ type: 'session-error', reason: 'TRANSPORT_CLOSED' });
    expect(harness.store.getState().connection).toBe('offline');
    return harness;
  }

  it('keeps the agent and the connected call through the whole reconnect', async () => {
    const { actions, adapter, call, deps, store, lastTokenRequest } = await offlineWithActiveCall();
    const before = call('IN-1');
    const jane = store.getState().agent;
    expect(jane).toEqual({ userName: 'Jane', userId: 'USR-jane' });

    const reconnecting = actions.signIn('Jane');
    expect(store.getState()).toMatchObject({ connection: 'fetching-token', agent: jane });
    expect(call('IN-1')).toEqual(before);

    lastTokenRequest().resolve(tokenFor('2026-11-22T13:00:00.000Z', 'second.jwt'));
    await settle();
    expect(store.getState()).toMatchObject({ connection: 'connecting', agent: jane });
    expect(adapter.lastRequest('createSession').args).toEqual(['second.jwt']);

    adapter.lastRequest('createSession').resolve('SESSION-2');
    await reconnecting;
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-2', agent: jane });
    expect(call('IN-1')).toEqual(before);
    expect(deps.loadAdapter).toHaveBeenCalledTimes(1);
    expect(adapter.listenerCount).toBe(1);
  });

  it('a failed reconnect keeps the workspace: error, the agent and the connected call', async () => {
    const { actions, adapter, call, store, lastTokenRequest } = await offlineWithActiveCall();
    const before = call('IN-1');
    const reconnecting = actions.signIn('Jane');
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject(new Error('socket closed'));
    await reconnecting;
    expect(store.getState()).toMatchObject({
      connection: 'offline',
      connectionError:
        'The connection to the voice service was lost. The last try failed: Could not connect to the voice service. The voice service reported: socket closed',
      agent: { userName: 'Jane', userId: 'USR-jane' },
    });
    expect(call('IN-1')).toEqual(before);

    // The call can still be hung up from the kept workspace.
    void actions.hangup('IN-1');
    expect(adapter.lastRequest('hangup').args).toEqual(['IN-1']);
  });

  it('a reconnect whose token request fails keeps the agent and the call too', async () => {
    const { actions, call, store, lastTokenRequest } = await offlineWithActiveCall();
    const reconnecting = actions.signIn('Jane');
    lastTokenRequest().reject(new Error('The token service is unavailable.'));
    await reconnecting;
    expect(store.getState()).toMatchObject({ connection: 'offline', agent: { userName: 'Jane' } });
    expect(call('IN-1').state).toBe('active');
  });

  it('tries again by itself with backoff, says when, keeps the call, and stops once back', async () => {
    const { adapter, call, clock, deps, store, lastTokenRequest } = await offlineWithActiveCall();
    expect(store.getState().autoReconnect).toEqual({ attempt: 1, nextAttemptAt: clock.time + 1_000 });
    expect(deps.requestToken).toHaveBeenCalledTimes(1);

    clock.advance(1_000);
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    expect(store.getState().connection).toBe('fetching-token');
    lastTokenRequest().reject(new Error('The token service is unavailable.'));
    await settle();
    expect(store.getState()).toMatchObject({
      connection: 'offline',
      connectionError: 'The connection to the voice service was lost. The last try failed: The token service is unavailable.',
      autoReconnect: { attempt: 2, nextAttemptAt: clock.time + 2_000 },
    });

    clock.advance(2_000);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject(new Error('socket closed'));
    await settle();
    expect(store.getState().autoReconnect).toEqual({ attempt: 3, nextAttemptAt: clock.time + 4_000 });

    clock.advance(4_000);
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-2');
    await settle();
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-2' });
    expect(store.getState().autoReconnect).toBeUndefined();
    expect(call('IN-1').state).toBe('active');
    // Only the token refresh is left: no stray retry.
    expect(clock.pendingDelays).toHaveLength(1);
    expect(deps.requestToken).toHaveBeenCalledTimes(4);
  });

  it('caps the wait between tries at 30 s', async () => {
    const { clock, store, lastTokenRequest } = await offlineWithActiveCall();
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const waited = (store.getState().autoReconnect?.nextAttemptAt ?? 0) - clock.time;
      expect(waited).toBe(Math.min(30_000, 1_000 * 2 ** (attempt - 1)));
      clock.advance(waited);
      lastTokenRequest().reject(new Error('still down'));
      await settle();
    }
  });

  it('tries at once when the browser comes back online', async () => {
    const { deps, goOnline, store, clock } = await offlineWithActiveCall();
    expect(store.getState().autoReconnect?.attempt).toBe(1);
    goOnline();
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    expect(store.getState().connection).toBe('fetching-token');
    // The scheduled try was replaced, not added to.
    expect(clock.pendingDelays.filter((delay) => delay <= 1_000)).toEqual([]);
  });

  it('the browser coming online during a try that then fails tries again at once, not after the backoff', async () => {
    const { deps, goOnline, store, clock, lastTokenRequest } = await offlineWithActiveCall();
    clock.advance(1_000);
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    goOnline();
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    lastTokenRequest().reject(new Error('still down'));
    await settle();
    await settle();
    expect(deps.requestToken).toHaveBeenCalledTimes(3);
    expect(store.getState().connection).toBe('fetching-token');
  });

  it('the Reconnect button tries at once; if that fails the automatic tries go on', async () => {
    const { actions, deps, store, clock, lastTokenRequest } = await offlineWithActiveCall();
    const reconnecting = actions.signIn('Jane');
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    lastTokenRequest().reject(new Error('still down'));
    await reconnecting;
    expect(store.getState().autoReconnect).toEqual({ attempt: 2, nextAttemptAt: clock.time + 2_000 });
  });

  it('does not retry an expired session, nor after sign-out', async () => {
    const expired = await withActiveCall();
    expired.adapter.emit({ type: 'session-error', reason: 'EXPIRED_TOKEN' });
    expect(expired.store.getState().autoReconnect).toBeUndefined();
    expired.clock.advance(60_000);
    expect(expired.deps.requestToken).toHaveBeenCalledTimes(1);

    const { actions, adapter, clock, deps, onlineListeners } = await offlineWithActiveCall();
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('hangup').resolve();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(onlineListeners.size).toBe(0);
    clock.advance(60_000);
    expect(deps.requestToken).toHaveBeenCalledTimes(1);
  });
});

describe('releasing a call\'s media whenever the call ends', () => {
  it('releases the microphone when the caller gives up while the answer is still on its way', async () => {
    const { actions, adapter, call } = await withRingingInvite();
    const answering = actions.answer('IN-1');
    await settle();
    expect(call('IN-1').state).toBe('answering');
    adapter.emit({ type: 'call-invite-cancel', callId: 'IN-1', reason: 'RemoteCancel' });
    expect(adapter.releasedMedia).toEqual(['IN-1']);
    adapter.lastRequest('answer').reject(new Error('Inbound call failed'));
    await answering;
    expect(call('IN-1').endReason).toBe('remote-cancel');
    expect(adapter.releasedMedia).toEqual(['IN-1']);
  });

  it('releases on every ending: the far end hangs up, an unconfirmed hangup, sign-out', async () => {
    const remote = await withActiveCall('IN-1');
    remote.adapter.emit({ type: 'call-hangup', callId: 'IN-1', reason: 'REMOTE_HANGUP' });
    expect(remote.adapter.releasedMedia).toEqual(['IN-1']);

    const unconfirmed = await withActiveCall('IN-2');
    void unconfirmed.actions.hangup('IN-2');
    unconfirmed.adapter.lastRequest('hangup').resolve();
    await settle();
    expect(unconfirmed.adapter.releasedMedia).toEqual([]);
    unconfirmed.clock.advance(confirmationTimeoutMs);
    expect(unconfirmed.call('IN-2').endReason).toBe('local-hangup');
    expect(unconfirmed.adapter.releasedMedia).toEqual(['IN-2']);

    const signingOut = await withActiveCall('IN-3');
    signingOut.adapter.emit({ type: 'call-invite', callId: 'IN-4', from: '447700900004', channelType: 'phone' });
    const done = signingOut.actions.signOut();
    await settle();
    signingOut.adapter.lastRequest('hangup').resolve();
    signingOut.adapter.lastRequest('reject').resolve();
    await settle();
    signingOut.adapter.lastRequest('deleteSession').resolve();
    await done;
    expect([...signingOut.adapter.releasedMedia].sort()).toEqual(['IN-3', 'IN-4']);
  });

  it('never releases a dial that has no call id yet, nor a call twice', async () => {
    const { actions, adapter } = await signedIn();
    const dialing = actions.dial('+14155550100');
    await settle();
    void actions.hangup('dial-1');
    expect(adapter.releasedMedia).toEqual([]);
    adapter.lastRequest('dial').resolve('OUT-1');
    await settle();
    adapter.lastRequest('hangup').resolve();
    await dialing;
    adapter.emit({ type: 'call-hangup', callId: 'OUT-1', reason: 'LOCAL_HANGUP' });
    adapter.emit({ type: 'call-hangup', callId: 'OUT-1', reason: 'LOCAL_HANGUP' });
    expect(adapter.releasedMedia).toEqual(['OUT-1']);
  });
});

describe('answer and reject', () => {
  it('answers a ringing invite', async () => {
    const { actions, adapter, call, clock } = await withRingingInvite();
    clock.advance(3_000);
    const answering = actions.answer('IN-1');
    await settle();
    expect(call('IN-1').state).toBe('answering');
    expect(adapter.lastRequest('answer').args).toEqual(['IN-1']);

    clock.advance(500);
    adapter.lastRequest('answer').resolve();
    await answering;
    expect(call('IN-1')).toMatchObject({ state: 'active', startedAt: signInInstant, answeredAt: signInInstant + 3_500 });
  });

  it('ends the invite with the reason when answering fails, and rejects it so the caller is routed on', async () => {
    const { actions, adapter, call } = await withRingingInvite();
    const answering = actions.answer('IN-1');
    await settle();
    expect(adapter.requestsTo('reject')).toHaveLength(0);
    adapter.lastRequest('answer').reject(new DOMException('Permission denied', 'NotAllowedError'));
    await answering;
    expect(call('IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'answer-failed',
      error:
        'Could not answer. Your microphone is blocked for this site. Allow it in the browser’s address bar (the camera/microphone icon), then try again.',
    });
    expect(adapter.requestsTo('reject').map((request) => request.args)).toEqual([['IN-1']]);
  });

  it('a failing best-effort reject after a failed answer changes nothing more', async () => {
    const { actions, adapter, call } = await withRingingInvite();
    const answering = actions.answer('IN-1');
    await settle();
    adapter.lastRequest('answer').reject(new Error('Inbound call failed'));
    await answering;
    const ended = call('IN-1');
    adapter.lastRequest('reject').reject(new Error('already gone'));
    await settle();
    expect(call('IN-1')).toEqual(ended);
    expect(ended).toMatchObject({ endReason: 'answer-failed', error: 'Could not answer. The voice service reported: Inbound call failed' });
  });

  it(`gives up answering after ${answerTimeoutMs} ms and rejects the invite`, async () => {
    const { actions, adapter, call, clock } = await withRingingInvite();
    const answering = actions.answer('IN-1');
    await settle();
    expect(adapter.requestsTo('answer')).toHaveLength(1);

    clock.advance(answerTimeoutMs - 1);
    await settle();
    expect(call('IN-1').state).toBe('answering');
    expect(adapter.requestsTo('reject')).toHaveLength(0);

    clock.advance(1);
    await answering;
    expect(call('IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'answer-failed',
      endedAt: signInInstant + answerTimeoutMs,
      error: 'Could not answer. The voice service reported: The call did not connect in time.',
    });
    expect(adapter.requestsTo('reject').map((request) => request.args)).toEqual([['IN-1']]);
  });

  it('hangs up an answer the SDK completes after the deadline, since the agent was told it failed', async () => {
    const { actions, adapter, clock } = await withRingingInvite();
    const answering = actions.answer('IN-1');
    await settle();
    clock.advance(answerTimeoutMs);
    await answering;
    adapter.lastRequest('answer').resolve();
    await settle();
    expect(adapter.requestsTo('hangup').map((request) => request.args)).toEqual([['IN-1']]);
  });

  it('signing out cancels the answer deadline, so nothing fires into the next session', async () => {
    const { actions, adapter, clock } = await withRingingInvite();
    void actions.answer('IN-1');
    await settle();
    const signingOut = actions.signOut();
    await settle();
    clock.advance(5_000);
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(clock.pendingDelays).toEqual([]);
    clock.advance(answerTimeoutMs);
    await settle();
    expect(adapter.requestsTo('reject')).toHaveLength(0);
  });

  it('checks the microphone before asking the SDK to answer', async () => {
    const { actions, adapter, deps } = await withRingingInvite();
    const microphone = deferred<MicrophoneCheck>();
    deps.checkMicrophone.mockReturnValueOnce(microphone.promise);
    const answering = actions.answer('IN-1');
    await settle();
    expect(deps.checkMicrophone).toHaveBeenCalledTimes(1);
    expect(adapter.requestsTo('answer')).toHaveLength(0);
    microphone.resolve({ ok: true });
    await settle();
    expect(adapter.requestsTo('answer')).toHaveLength(1);
    adapter.lastRequest('answer').resolve();
    await answering;
  });

  it('does not answer a call that is not ringing', async () => {
    const { actions, adapter } = await withActiveCall();
    await actions.answer('IN-1');
    await actions.answer('IN-404');
    expect(adapter.requestsTo('answer')).toHaveLength(1);
  });

  it('rejects an invite and ends it itself, as the SDK sends no event for a reject', async () => {
    const { actions, adapter, call, clock } = await withRingingInvite();
    clock.advance(2_000);
    const rejecting = actions.reject('IN-1');
    expect(adapter.lastRequest('reject').args).toEqual(['IN-1']);
    expect(call('IN-1')).toMatchObject({ state: 'ringing', rejectPending: true });
    adapter.lastRequest('reject').resolve();
    await rejecting;
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'rejected', endedAt: signInInstant + 2_000, rejectPending: false });
  });

  it('ignores a second press while the reject is pending', async () => {
    const { actions, adapter } = await withRingingInvite();
    void actions.reject('IN-1');
    await actions.reject('IN-1');
    expect(adapter.requestsTo('reject')).toHaveLength(1);
  });

  it(`says the reject was not confirmed after ${confirmationTimeoutMs} ms, and lets the agent try again`, async () => {
    const { actions, adapter, call, clock } = await withRingingInvite();
    const rejecting = actions.reject('IN-1');
    clock.advance(confirmationTimeoutMs - 1);
    await settle();
    expect(call('IN-1')).toMatchObject({ state: 'ringing', rejectPending: true });

    clock.advance(1);
    await rejecting;
    expect(call('IN-1')).toMatchObject({
      state: 'ringing',
      rejectPending: false,
      error: 'Could not reject. The voice service reported: The voice service did not confirm in time.',
    });
    void actions.reject('IN-1');
    expect(adapter.requestsTo('reject')).toHaveLength(2);
  });

  it('keeps the invite ringing with a message when rejecting fails', async () => {
    const { actions, adapter, call } = await withRingingInvite();
    const rejecting = actions.reject('IN-1');
    adapter.lastRequest('reject').reject({ code: 'voice:error:invalid_call_action', message: 'gone' });
    await rejecting;
    expect(call('IN-1')).toMatchObject({ state: 'ringing', rejectPending: false, error: 'Could not reject. The call is no longer available.' });
  });
});

describe('hangup', () => {
  it('waits for the SDK to confirm the hangup', async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const hangingUp = actions.hangup('IN-1');
    expect(call('IN-1')).toMatchObject({ state: 'active', hangupPending: true });
    expect(adapter.lastRequest('hangup').args).toEqual(['IN-1']);

    adapter.lastRequest('hangup').resolve();
    await hangingUp;
    expect(call('IN-1')).toMatchObject({ state: 'active', hangupPending: true });

    clock.advance(1_000);
    adapter.emit({ type: 'call-hangup', callId: 'IN-1', reason: 'LOCAL_HANGUP' });
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'local-hangup', endedAt: signInInstant + 1_000 });

    clock.advance(confirmationTimeoutMs);
    expect(call('IN-1').endedAt).toBe(signInInstant + 1_000);
  });

  it(`ends the call locally when the SDK has not confirmed within ${confirmationTimeoutMs} ms`, async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const hangingUp = actions.hangup('IN-1');
    adapter.lastRequest('hangup').resolve();
    await hangingUp;

    clock.advance(confirmationTimeoutMs - 1);
    expect(call('IN-1')).toMatchObject({ state: 'active', hangupPending: true });
    clock.advance(1);
    expect(call('IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'local-hangup',
      endedAt: signInInstant + confirmationTimeoutMs,
      hangupPending: false,
    });
  });

  it('shows why a hangup failed and lets the agent try again', async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const hangingUp = actions.hangup('IN-1');
    adapter.lastRequest('hangup').reject(new Error('transport closed'));
    await hangingUp;
    expect(call('IN-1')).toMatchObject({
      state: 'active',
      hangupPending: false,
      error: 'Could not hang up. The voice service reported: transport closed',
    });
    expect(clock.pendingDelays).not.toContain(confirmationTimeoutMs);

    void actions.hangup('IN-1');
    expect(adapter.requestsTo('hangup')).toHaveLength(2);
  });

  it(`ends the call ${confirmationTimeoutMs} ms after the request even when the SDK's hangup never settles`, async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    void actions.hangup('IN-1');
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
    clock.advance(confirmationTimeoutMs - 1);
    expect(call('IN-1')).toMatchObject({ state: 'active', hangupPending: true });
    clock.advance(1);
    expect(call('IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'local-hangup',
      endedAt: signInInstant + confirmationTimeoutMs,
      hangupPending: false,
    });
  });

  it('a failed hangup cancels the local end, so the call stays up', async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const hangingUp = actions.hangup('IN-1');
    clock.advance(1_000);
    adapter.lastRequest('hangup').reject(new Error('transport closed'));
    await hangingUp;
    clock.advance(confirmationTimeoutMs);
    expect(call('IN-1')).toMatchObject({ state: 'active', hangupPending: false });
  });

  it('ignores a second press while the hangup is pending', async () => {
    const { actions, adapter } = await withActiveCall();
    void actions.hangup('IN-1');
    await actions.hangup('IN-1');
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
  });

  it('hangs up a dial that has no call id yet as soon as the dial resolves', async () => {
    const { actions, adapter, call, clock } = await signedIn();
    const dialing = actions.dial('+447700900123');
    await settle();
    expect(call('dial-1').state).toBe('dialing');

    await actions.hangup('dial-1');
    expect(call('dial-1').hangupPending).toBe(true);
    expect(adapter.requestsTo('hangup')).toHaveLength(0);

    adapter.lastRequest('dial').resolve('OUT-1');
    await settle();
    expect(adapter.lastRequest('hangup').args).toEqual(['OUT-1']);
    adapter.lastRequest('hangup').resolve();
    await dialing;

    expect(call('OUT-1')).toMatchObject({ state: 'dialing', hangupPending: true });
    clock.advance(confirmationTimeoutMs);
    expect(call('OUT-1')).toMatchObject({ state: 'ended', endReason: 'local-hangup' });
  });
});

describe('toggleMute', () => {
  it('shows the new mute state only when the SDK confirms it', async () => {
    const { actions, adapter, call } = await withActiveCall();
    const muting = actions.toggleMute('IN-1');
    expect(adapter.lastRequest('setMuted').args).toEqual(['IN-1', true]);
    expect(call('IN-1')).toMatchObject({ muted: false, mutePending: true });

    adapter.lastRequest('setMuted').resolve();
    await muting;
    expect(call('IN-1')).toMatchObject({ muted: false, mutePending: true });

    adapter.emit({ type: 'mute', callId: 'IN-1', muted: true });
    expect(call('IN-1')).toMatchObject({ muted: true, mutePending: false });

    void actions.toggleMute('IN-1');
    expect(adapter.lastRequest('setMuted').args).toEqual(['IN-1', false]);
  });

  it(`says the change was not confirmed after ${confirmationTimeoutMs} ms without a mute event`, async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const muting = actions.toggleMute('IN-1');
    adapter.lastRequest('setMuted').resolve();
    await muting;

    clock.advance(confirmationTimeoutMs - 1);
    expect(call('IN-1').mutePending).toBe(true);
    clock.advance(1);
    expect(call('IN-1')).toMatchObject({
      muted: false,
      mutePending: false,
      error: 'The voice service did not confirm the mute change. Try again.',
    });
  });

  it(`says the change was not confirmed ${confirmationTimeoutMs} ms after the request even when the SDK never settles`, async () => {
    const { actions, call, clock } = await withActiveCall();
    void actions.toggleMute('IN-1');
    clock.advance(confirmationTimeoutMs - 1);
    expect(call('IN-1').mutePending).toBe(true);
    clock.advance(1);
    expect(call('IN-1')).toMatchObject({
      mutePending: false,
      error: 'The voice service did not confirm the mute change. Try again.',
    });
  });

  it('a failed mute change cancels its confirmation timer', async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const muting = actions.toggleMute('IN-1');
    expect(clock.pendingDelays).toContain(confirmationTimeoutMs);
    adapter.lastRequest('setMuted').reject(new Error('no track'));
    await muting;
    expect(clock.pendingDelays).not.toContain(confirmationTimeoutMs);
    clock.advance(confirmationTimeoutMs);
    expect(call('IN-1').error).toBe('Could not change mute. The voice service reported: no track');
  });

  it('shows why a mute change failed', async () => {
    const { actions, adapter, call } = await withActiveCall();
    const muting = actions.toggleMute('IN-1');
    adapter.lastRequest('setMuted').reject(new Error('no track'));
    await muting;
    expect(call('IN-1')).toMatchObject({ muted: false, mutePending: false, error: 'Could not change mute. The voice service reported: no track' });
  });

  it('ignores a toggle while one is pending, and on a call that is not active', async () => {
    const { actions, adapter } = await withActiveCall();
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    void actions.toggleMute('IN-1');
    await actions.toggleMute('IN-1');
    await actions.toggleMute('IN-2');
    expect(adapter.requestsTo('setMuted')).toHaveLength(1);
  });
});

describe('sendDtmf', () => {
  it('sends the digits on an active call and shows a failure', async () => {
    const { actions, adapter, call } = await withActiveCall();
    const sending = actions.sendDtmf('IN-1', '12#');
    expect(adapter.lastRequest('sendDtmf').args).toEqual(['IN-1', '12#']);
    adapter.lastRequest('sendDtmf').reject(new Error('not connected'));
    await sending;
    expect(call('IN-1')).toMatchObject({ state: 'active', error: 'Could not send the keypad tones. The voice service reported: not connected' });
  });
});

describe('dial', () => {
  it('places a call: dialing under a local id, then the SDK id, ringing and answered', async () => {
    const { actions, adapter, call, store, deps } = await signedIn();
    const dialing = actions.dial('+447700900123');
    await settle();
    expect(deps.parseDialInput).toHaveBeenCalledWith('+447700900123');
    expect(call('dial-1')).toMatchObject({ direction: 'outbound', state: 'dialing', remote: '+447700900123', channelType: 'phone' });
    expect(adapter.lastRequest('dial').args).toEqual([{ kind: 'phone', e164: '+447700900123' }]);

    adapter.lastRequest('dial').resolve('OUT-1');
    await dialing;
    expect(Object.keys(store.getState().calls)).toEqual(['OUT-1']);

    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'LEG-1', status: 'RINGING' });
    expect(call('OUT-1').state).toBe('ringing');
    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'LEG-1', status: 'ANSWERED' });
    expect(call('OUT-1').state).toBe('active');
  });

  it('places no call for input the parser refuses', async () => {
    const { actions, adapter, store, deps } = await signedIn();
    deps.parseDialInput.mockResolvedValueOnce({ ok: false, message: '“12” is not a phone number.' });
    await actions.dial('12');
    expect(store.getState().dialError).toEqual({ message: '“12” is not a phone number.', aboutInput: true, cause: 'input' });
    expect(store.getState().calls).toEqual({});
    expect(adapter.requestsTo('dial')).toHaveLength(0);
  });

  it('refuses to dial while another call is active', async () => {
    const { actions, adapter, store, deps } = await withActiveCall();
    await actions.dial('+447700900123');
    expect(store.getState().dialError).toEqual({ message: 'Finish the current call, or hold it, before placing another.', aboutInput: false, cause: 'busy' });
    expect(deps.parseDialInput).not.toHaveBeenCalled();
    expect(adapter.requestsTo('dial')).toHaveLength(0);
  });

  it('refuses to dial while another outbound call is being set up', async () => {
    const { actions, adapter, store } = await signedIn();
    void actions.dial('Joe');
    await settle();
    await actions.dial('Mary');
    expect(store.getState().dialError).toEqual({ message: 'Finish the current call, or hold it, before placing another.', aboutInput: false, cause: 'busy' });
    expect(adapter.requestsTo('dial')).toHaveLength(1);
    expect(adapter.lastRequest('dial').args).toEqual([{ kind: 'agent', userName: 'Joe' }]);
  });

  it('refuses to dial before the softphone is ready', async () => {
    const { actions, store, deps } = setup();
    await actions.dial('+447700900123');
    expect(store.getState().dialError).toEqual({ message: 'You can call once the softphone is Ready.', aboutInput: false, cause: 'not-ready' });
    expect(deps.parseDialInput).not.toHaveBeenCalled();
  });

  it('ends the call with the reason when the dial fails', async () => {
    const { actions, adapter, call } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    adapter.lastRequest('dial').reject({ code: 'system:error:permission', message: 'forbidden' });
    await dialing;
    expect(call('dial-1')).toMatchObject({
      state: 'ended',
      endReason: 'dial-failed',
      error: 'The call could not be placed. This agent is not allowed to use voice.',
    });
  });

  it('numbers each dial afresh', async () => {
    const { actions, adapter, store } = await signedIn();
    const first = actions.dial('Joe');
    await settle();
    adapter.lastRequest('dial').reject(new Error('x'));
    await first;
    void actions.dial('Mary');
    await settle();
    expect(Object.keys(store.getState().calls).sort()).toEqual(['dial-1', 'dial-2']);
  });

  it(`gives up on a dial after ${dialTimeoutMs} ms, and hangs up the call should the SDK connect it later`, async () => {
    const { actions, adapter, call, clock } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    clock.advance(dialTimeoutMs - 1);
    await settle();
    expect(call('dial-1').state).toBe('dialing');

    clock.advance(1);
    await dialing;
    expect(call('dial-1')).toMatchObject({
      state: 'ended',
      endReason: 'dial-failed',
      endedAt: signInInstant + dialTimeoutMs,
      error: 'The call could not be placed. The voice service reported: The call did not connect in time.',
    });
    expect(adapter.requestsTo('hangup')).toHaveLength(0);

    adapter.lastRequest('dial').resolve('OUT-LATE');
    await settle();
    expect(adapter.requestsTo('hangup').map((request) => request.args)).toEqual([['OUT-LATE']]);
    // The agent was told the call failed; the late call does not come back on screen.
    expect(call('dial-1').state).toBe('ended');
  });

  it('a dial that times out and then fails in the SDK hangs nothing up', async () => {
    const { actions, adapter, clock } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    clock.advance(dialTimeoutMs);
    await dialing;
    adapter.lastRequest('dial').reject(new Error('late failure'));
    await settle();
    expect(adapter.requestsTo('hangup')).toHaveLength(0);
  });

  it('says the number checker could not be loaded when parsing fails, and lets the agent dial again', async () => {
    const { actions, adapter, deps, store } = await signedIn();
    deps.parseDialInput.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    await actions.dial('+447700900123');
    expect(store.getState().dialError).toEqual({
      message: 'The number checker could not be loaded. Reload the page, then try again.',
      aboutInput: false,
      cause: 'unavailable',
    });
    expect(store.getState().calls).toEqual({});
    expect(adapter.requestsTo('dial')).toHaveLength(0);

    void actions.dial('+447700900123');
    await settle();
    expect(adapter.requestsTo('dial')).toHaveLength(1);
    expect(store.getState().dialError).toBeUndefined();
  });

  it('editing the dialer text clears the complaint about it', async () => {
    const { actions, store, deps } = await signedIn();
    deps.parseDialInput.mockResolvedValueOnce({ ok: false, message: '“12” is not a phone number.' });
    await actions.dial('12');
    expect(store.getState().dialError).toBeDefined();
    actions.editDial();
    expect(store.getState().dialError).toBeUndefined();
  });

  it('editing the dialer text without a complaint leaves the state alone', async () => {
    const { actions, store } = await signedIn();
    const before = store.getState();
    actions.editDial();
    expect(store.getState()).toBe(before);
  });

  it('ignores leg status for the agent’s own leg while the dial waits for its id', async () => {
    const { actions, adapter, call, store } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'OUT-1', status: 'ANSWERED' });
    expect(Object.keys(store.getState().calls)).toEqual(['dial-1']);
    expect(call('dial-1').state).toBe('dialing');

    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'LEG-CALLEE', status: 'RINGING' });
    expect(call('OUT-1').state).toBe('ringing');
    adapter.lastRequest('dial').resolve('OUT-1');
    await dialing;
  });
});

describe('SDK events', () => {
  it('hangs up a call whose media was lost, so the far end is not left on a dead line', async () => {
    const { adapter, call } = await withActiveCall();
    adapter.emit({ type: 'media-disconnect', callId: 'IN-1' });
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'media-lost' });
    expect(adapter.lastRequest('hangup').args).toEqual(['IN-1']);
  });

  it('folds SDK events into the state', async () => {
    const { adapter, store } = await withRingingInvite();
    adapter.emit({ type: 'session-error', reason: 'EXPIRED_TOKEN' });
    expect(store.getState().connection).toBe('session-expired');
    expect(store.getState().calls['IN-1']).toMatchObject({ state: 'ended', endReason: 'connection-lost' });
  });
});

describe('token refresh', () => {
  const refreshDelay = refreshDelayFor(firstExpiry - signInInstant);

  it('refreshes the token at three quarters of its lifetime, then schedules the next refresh', async () => {
    const { adapter, clock, deps, store, lastTokenRequest } = await signedIn();
    expect(clock.pendingDelays).toEqual([refreshDelay]);

    clock.advance(refreshDelay - 1);
    expect(deps.requestToken).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
    expect(deps.requestToken).toHaveBeenLastCalledWith('Jane');

    const nextExpiry = '2026-11-22T13:00:00.000Z';
    lastTokenRequest().resolve(tokenFor(nextExpiry, 'second.jwt'));
    await settle();
    expect(adapter.lastRequest('refreshSession').args).toEqual(['second.jwt']);
    expect(store.getState().tokenExpiresAt).toBe(firstExpiry);

    adapter.lastRequest('refreshSession').resolve();
    await settle();
    expect(store.getState().tokenExpiresAt).toBe(Date.parse(nextExpiry));
    expect(clock.pendingDelays).toEqual([refreshDelayFor(Date.parse(nextExpiry) - clock.time)]);
  });

  it('retries after a failed token request, and tells the agent until a refresh works', async () => {
    const { adapter, clock, deps, store, lastTokenRequest } = await signedIn();
    clock.advance(refreshDelay);
    lastTokenRequest().reject(new Error('offline'));
    await settle();
    expect(adapter.requestsTo('refreshSession')).toHaveLength(0);
    expect(clock.pendingDelays).toEqual([tokenRefreshRetryMs]);
    // The agent is told, with the next try and when the session would end.
    expect(store.getState().tokenRenewal).toEqual({ failures: 1, nextAttemptAt: clock.time + tokenRefreshRetryMs, expiresAt: firstExpiry, reason: 'offline' });

    clock.advance(tokenRefreshRetryMs);
    expect(deps.requestToken).toHaveBeenCalledTimes(3);
    lastTokenRequest().resolve(tokenFor('2026-11-22T13:00:00.000Z'));
    await settle();
    expect(adapter.lastRequest('refreshSession').args).toEqual(['refreshed.jwt']);
    adapter.lastRequest('refreshSession').resolve();
    await settle();
    expect(store.getState().tokenRenewal).toBeUndefined();
  });

  it('retries after the SDK refuses the new token', async () => {
    const { adapter, clock, deps, store, lastTokenRequest } = await signedIn();
    clock.advance(refreshDelay);
    lastTokenRequest().resolve(tokenFor('2026-11-22T13:00:00.000Z'));
    await settle();
    adapter.lastRequest('refreshSession').reject(new Error('refused'));
    await settle();
    expect(store.getState().tokenExpiresAt).toBe(firstExpiry);

    clock.advance(tokenRefreshRetryMs);
    expect(deps.requestToken).toHaveBeenCalledTimes(3);
  });

  it('never refreshes sooner than 5 s from now, even for a token that is about to expire', async () => {
    const { actions, adapter, adapterLoad, clock, lastTokenRequest } = setup();
    const signingIn = actions.signIn('Jane');
    adapterLoad.resolve(adapter);
    lastTokenRequest().resolve(tokenFor(new Date(signInInstant + 3_000).toISOString()));
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await signingIn;
    expect(clock.pendingDelays).toEqual([5_000]);
  });

  it('stops refreshing once the session is lost', async () => {
    const { adapter, clock, deps } = await signedIn();
    adapter.emit({ type: 'session-error', reason: 'TRANSPORT_CLOSED' });
    // Only the first automatic reconnect is due; no refresh.
    expect(clock.pendingDelays).toEqual([1_000]);
    clock.advance(refreshDelay + tokenRefreshRetryMs);
    // The one new token request is the reconnect's, not a refresh.
    expect(deps.requestToken).toHaveBeenCalledTimes(2);
  });
});

describe('signOut', () => {
  it('hangs up connected calls and rejects ringing ones before deleting the session', async () => {
    const { actions, adapter, clock, deps, store } = await withActiveCall('IN-ACTIVE');
    adapter.emit({ type: 'call-invite', callId: 'IN-RINGING', from: '447700900002', channelType: 'phone' });
    adapter.emit({ type: 'call-invite', callId: 'IN-DONE', from: '447700900003', channelType: 'phone' });
    adapter.emit({ type: 'call-invite-cancel', callId: 'IN-DONE', reason: 'RemoteCancel' });

    const signingOut = actions.signOut();
    expect(adapter.lastRequest('hangup').args).toEqual(['IN-ACTIVE']);
    expect(adapter.lastRequest('reject').args).toEqual(['IN-RINGING']);
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
    expect(adapter.requestsTo('reject')).toHaveLength(1);

    adapter.lastRequest('hangup').resolve();
    await settle();
    expect(adapter.requestsTo('deleteSession')).toHaveLength(0);
    adapter.lastRequest('reject').reject(new Error('already gone'));
    await settle();
    expect(adapter.history.map((entry) => entry.method).slice(-3)).toEqual(['hangup', 'reject', 'deleteSession']);
    expect(store.getState().connection).toBe('ready');

    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(store.getState()).toMatchObject({ connection: 'signed-out', lastAgentName: 'Jane', calls: {} });
    expect(store.getState().agent).toBeUndefined();
    expect(store.getState().sessionId).toBeUndefined();

    clock.advance(firstExpiry - clock.time);
    expect(deps.requestToken).toHaveBeenCalledTimes(1);
  });

  it('signs out even when deleting the session fails', async () => {
    const { actions, adapter, store } = await signedIn();
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').reject(new Error('socket closed'));
    await signingOut;
    expect(store.getState()).toMatchObject({ connection: 'signed-out', lastAgentName: 'Jane' });
  });

  it('with organisation sign-in, ends the backend session after the Vonage one', async () => {
    const { actions, adapter, deps, store } = await signedIn();
    const order: string[] = [];
    const endBackendSession = vi.fn(async () => {
      order.push(`backend (Vonage session deleted: ${adapter.requestsTo('deleteSession').length})`);
    });
    Object.assign(deps, { endBackendSession });
    const signingOut = actions.signOut();
    await settle();
    expect(endBackendSession).not.toHaveBeenCalled();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(order).toEqual(['backend (Vonage session deleted: 1)']);
    expect(store.getState()).toMatchObject({ connection: 'signed-out' });
    expect(store.getState().connectionError).toBeUndefined();
  });

  it('says so on the sign-in screen when the backend session could not be ended', async () => {
    const { actions, adapter, deps, store } = await signedIn();
    Object.assign(deps, { endBackendSession: vi.fn(async () => Promise.reject(new Error('Sign-out with your organisation did not finish.'))) });
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(store.getState()).toMatchObject({ connection: 'error', connectionError: 'Sign-out with your organisation did not finish.' });
    expect(store.getState().agent).toBeUndefined();
  });

  it('shows a sign-in problem from outside the store only while signed out', async () => {
    const { actions, store } = setup();
    actions.showSignInProblem('Sign-in was cancelled.');
    expect(store.getState()).toMatchObject({ connection: 'error', connectionError: 'Sign-in was cancelled.' });
    const signedInHarness = await signedIn();
    signedInHarness.actions.showSignInProblem('late');
    expect(signedInHarness.store.getState().connection).toBe('ready');
  });

  it('cancels a pending mute confirmation, so nothing fires into the next session', async () => {
    const { actions, adapter, clock, store } = await withActiveCall();
    void actions.toggleMute('IN-1');
    expect(clock.pendingDelays).toContain(confirmationTimeoutMs);

    const signingOut = actions.signOut();
    adapter.lastRequest('hangup').resolve();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(clock.pendingDelays).toEqual([]);
    const after = store.getState();
    clock.advance(confirmationTimeoutMs);
    expect(store.getState()).toBe(after);
  });

  it('cancels a pending hangup confirmation from before sign-out', async () => {
    const { actions, adapter, clock } = await withActiveCall();
    void actions.hangup('IN-1');
    expect(clock.pendingDelays).toContain(confirmationTimeoutMs);

    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
    expect(clock.pendingDelays).toEqual([]);
  });

  it(`waits at most ${confirmationTimeoutMs} ms for open calls to end before deleting the session`, async () => {
    const { actions, adapter, clock, store } = await withActiveCall('IN-ACTIVE');
    adapter.emit({ type: 'call-invite', callId: 'IN-RINGING', from: '447700900002', channelType: 'phone' });
    const signingOut = actions.signOut();
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
    expect(adapter.requestsTo('reject')).toHaveLength(1);

    clock.advance(confirmationTimeoutMs - 1);
    await settle();
    expect(adapter.requestsTo('deleteSession')).toHaveLength(0);
    clock.advance(1);
    await settle();
    expect(adapter.requestsTo('deleteSession')).toHaveLength(1);
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(store.getState()).toMatchObject({ connection: 'signed-out', calls: {} });
    expect(clock.pendingDelays).toEqual([]);
  });

  it('signs out without touching an SDK that never loaded', async () => {
    const { actions, store } = setup();
    await actions.signIn('   ');
    await actions.signOut();
    expect(store.getState().connection).toBe('signed-out');
  });
});

describe('races the agent can cause', () => {
  it('a double-click on Call places only one call', async () => {
    const { actions, adapter, store } = await signedIn();
    void actions.dial('+447700900123');
    void actions.dial('+447700900123');
    await settle();
    expect(adapter.requestsTo('dial')).toHaveLength(1);
    expect(Object.keys(store.getState().calls)).toEqual(['dial-1']);
    expect(store.getState().dialError).toBeUndefined();
  });

  it('the timeout of an earlier, confirmed mute does not cut short a later one', async () => {
    const { actions, adapter, call, clock } = await withActiveCall();
    const first = actions.toggleMute('IN-1');
    adapter.lastRequest('setMuted').resolve();
    await first;
    clock.advance(4_000);
    adapter.emit({ type: 'mute', callId: 'IN-1', muted: true });
    const second = actions.toggleMute('IN-1');
    adapter.lastRequest('setMuted').resolve();
    await second;
    clock.advance(1_000);
    expect(call('IN-1')).toMatchObject({ muted: true, mutePending: true });
    expect(call('IN-1').error).toBeUndefined();
  });

  it('a dial re-keyed by an early event and hung up before it resolves is hung up once', async () => {
    const { actions, adapter } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'LEG-1', status: 'RINGING' });
    const hangingUp = actions.hangup('OUT-1');
    adapter.lastRequest('hangup').resolve();
    await hangingUp;
    adapter.lastRequest('dial').resolve('OUT-1');
    await settle();
    expect(adapter.requestsTo('hangup')).toHaveLength(1);
    adapter.requestsTo('hangup').forEach((request) => request.resolve());
    await dialing;
  });

  it('a token refresh still in flight at sign-out neither refreshes the old session nor re-arms', async () => {
    const { actions, adapter, clock, store, lastTokenRequest } = await signedIn();
    clock.advance(refreshDelayFor(firstExpiry - signInInstant));
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    lastTokenRequest().resolve(tokenFor('2026-11-22T13:00:00.000Z'));
    await settle();
    expect(adapter.requestsTo('refreshSession')).toHaveLength(0);
    expect(store.getState().tokenExpiresAt).toBeUndefined();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('a dial still waiting for its id at sign-out is hung up when the id arrives', async () => {
    const { actions, adapter } = await signedIn();
    const dialing = actions.dial('Joe');
    await settle();
    const signingOut = actions.signOut();
    await settle();
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    adapter.lastRequest('dial').resolve('OUT-1');
    await settle();
    expect(adapter.requestsTo('hangup').map((request) => request.args)).toEqual([['OUT-1']]);
    adapter.lastRequest('hangup').resolve();
    await dialing;
  });

  it('signing in again while Ready does not open a second session', async () => {
    const { actions, adapter, tokenRequests } = await signedIn();
    await actions.signIn('Jane');
    expect(tokenRequests).toHaveLength(1);
    expect(adapter.requestsTo('createSession')).toHaveLength(1);
  });
});

describe('a blocked microphone', () => {
  const blocked: MicrophoneCheck = { ok: false, message: 'Your microphone is blocked for this site.' };

  it('keeps the invite ringing with the reason, and Answer works once the microphone is allowed', async () => {
    const { actions, adapter, call, deps } = await withRingingInvite();
    deps.checkMicrophone.mockResolvedValueOnce(blocked);
    await actions.answer('IN-1');
    expect(adapter.requestsTo('answer')).toHaveLength(0);
    expect(call('IN-1')).toMatchObject({ state: 'ringing', error: 'Your microphone is blocked for this site.' });

    const answering = actions.answer('IN-1');
    await settle();
    await settle();
    adapter.lastRequest('answer').resolve();
    await answering;
    expect(call('IN-1')).toMatchObject({ state: 'active' });
    expect(call('IN-1').error).toBeUndefined();
  });

  describe('when a check found the microphone working and the browser still grants it', () => {
    async function grantedRingingInvite() {
      const ringing = await withRingingInvite();
      Object.assign(ringing.deps, { microphoneKnownWorking: () => true });
      return ringing;
    }

    it('asks the SDK to answer at once and leaves the check to its getUserMedia', async () => {
      const { actions, adapter, call, deps } = await grantedRingingInvite();
      const answering = actions.answer('IN-1');
      expect(adapter.requestsTo('answer')).toHaveLength(1);
      adapter.lastRequest('answer').resolve();
      await answering;
      expect(deps.checkMicrophone).not.toHaveBeenCalled();
      expect(call('IN-1')).toMatchObject({ state: 'active' });
    });

    it('an answer the SDK fails because of the microphone gives the check’s message, and routes the caller on', async () => {
      const { actions, adapter, call, deps } = await grantedRingingInvite();
      deps.checkMicrophone.mockResolvedValueOnce(blocked);
      const answering = actions.answer('IN-1');
      adapter.lastRequest('answer').reject(new Error('Inbound call failed'));
      await answering;
      expect(deps.checkMicrophone).toHaveBeenCalledTimes(1);
      // The SDK cannot answer an invite again after its getUserMedia failed: the call is not left ringing.
      expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'answer-failed', error: 'Could not answer. Your microphone is blocked for this site.' });
      expect(adapter.requestsTo('reject')).toHaveLength(1);
    });

    it('an answer the SDK fails with a working microphone ends the invite and rejects it, as before', async () => {
      const { actions, adapter, call } = await grantedRingingInvite();
      const answering = actions.answer('IN-1');
      adapter.lastRequest('answer').reject(new Error('Inbound call failed'));
      await answering;
      expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'answer-failed', error: 'Could not answer. The voice service reported: Inbound call failed' });
      expect(adapter.requestsTo('reject')).toHaveLength(1);
    });
  });

  it('refuses to dial with the reason, and places no call', async () => {
    const { actions, adapter, deps, store } = await signedIn();
    deps.checkMicrophone.mockResolvedValueOnce(blocked);
    await actions.dial('+447700900123');
    expect(adapter.requestsTo('dial')).toHaveLength(0);
    expect(store.getState().calls).toEqual({});
    expect(store.getState().dialError).toEqual({ message: 'Your microphone is blocked for this site.', aboutInput: false, cause: 'microphone' });
  });
});

describe('reload recovery', () => {
  const savedCall = {
    callId: 'IN-1',
    direction: 'inbound',
    remote: '447700900001',
    channelType: 'phone',
    startedAt: signInInstant + 1_000,
    answeredAt: signInInstant + 5_000,
    muted: false,
  } as const;

  /** A fresh page (store) in the same tab, with what the page before it stored. */
  async function reloadedPage(record: RecoveryRecord) {
    const storage = new MemoryRecoveryStorage();
    storage.record = record;
    const harness = setup(storage);
    const resuming = harness.actions.resumeAfterReload();
    harness.adapterLoad.resolve(harness.adapter);
    await settle();
    return { ...harness, resuming };
  }

  it('keeps the agent, the session and the connected calls, never the token', async () => {
    const { recoveryStorage, call } = await withActiveCall('IN-1');
    expect(recoveryStorage.record).toEqual({
      agentName: 'Jane',
      sessionId: 'SESSION-1',
      calls: [{ callId: 'IN-1', direction: 'inbound', remote: '447700900001', channelType: 'phone', startedAt: call('IN-1').startedAt, answeredAt: call('IN-1').answeredAt, muted: false }],
    });
    expect(JSON.stringify(recoveryStorage.record)).not.toContain(janeTokenExchangeFixture.response.jwt);
  });

  it('writes only when what a reload needs changes, and forgets it all at sign-out', async () => {
    const { recoveryStorage, adapter, actions } = await withRingingInvite('IN-1');
    const writes = recoveryStorage.writes;
    expect(recoveryStorage.record?.calls).toEqual([]);
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    expect(recoveryStorage.writes).toBe(writes);
    const signingOut = actions.signOut();
    for (let step = 0; step < 5 && adapter.requestsTo('deleteSession').length === 0; step += 1) {
      for (const request of adapter.requestsTo('reject')) request.resolve();
      await settle();
    }
    adapter.lastRequest('deleteSession').resolve();
    await signingOut;
    expect(recoveryStorage.record).toBeUndefined();
  });

  it('signs the same agent back into the same session and takes the call back, timer and all', async () => {
    const { actions: _actions, adapter, lastTokenRequest, store, call, resuming, recoveryStorage } = await reloadedPage({
      agentName: 'Jane',
      sessionId: 'SESSION-1',
      calls: [savedCall],
    });
    // The call is on screen at once, its audio still to come back.
    expect(call('IN-1')).toMatchObject({ state: 'active', answeredAt: savedCall.answeredAt, audioReconnecting: true });
    expect(lastTokenRequest().userName).toBe('Jane');
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    expect(adapter.lastRequest('createSession').args).toEqual([janeTokenExchangeFixture.response.jwt, 'SESSION-1']);
    // Until the session is back, the record of the page before is kept whatever the state passes through.
    expect(recoveryStorage.record?.calls).toHaveLength(1);
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await settle();
    expect(adapter.lastRequest('reconnectCall').args).toEqual(['IN-1']);
    adapter.lastRequest('reconnectCall').resolve();
    await resuming;
    expect(store.getState().connection).toBe('ready');
    expect(call('IN-1').audioReconnecting).toBeUndefined();
    expect(adapter.requestsTo('setMuted')).toHaveLength(0);
    expect(recoveryStorage.record?.calls.map((saved) => saved.callId)).toEqual(['IN-1']);
  });

  it('mutes a call that was muted again, through the usual confirmation', async () => {
    const { adapter, lastTokenRequest, call, resuming } = await reloadedPage({ agentName: 'Jane', sessionId: 'SESSION-1', calls: [{ ...savedCall, muted: true }] });
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await settle();
    adapter.lastRequest('reconnectCall').resolve();
    await settle();
    expect(adapter.lastRequest('setMuted').args).toEqual(['IN-1', true]);
    expect(call('IN-1').mutePending).toBe(true);
    adapter.lastRequest('setMuted').resolve();
    adapter.emit({ type: 'mute', callId: 'IN-1', muted: true });
    await resuming;
    expect(call('IN-1')).toMatchObject({ muted: true, mutePending: false });
  });

  it('asks for a new session when the cloud refuses the old one', async () => {
    const { adapter, lastTokenRequest, store, resuming } = await reloadedPage({ agentName: 'Jane', sessionId: 'SESSION-OLD', calls: [] });
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').reject(new Error('session:error:invalid-session'));
    await settle();
    expect(adapter.lastRequest('createSession').args).toEqual([janeTokenExchangeFixture.response.jwt]);
    adapter.lastRequest('createSession').resolve('SESSION-2');
    await resuming;
    expect(store.getState()).toMatchObject({ connection: 'ready', sessionId: 'SESSION-2' });
  });

  it('ends a call the SDK cannot take back, says why, and releases its media', async () => {
    const { adapter, lastTokenRequest, call, resuming, recoveryStorage } = await reloadedPage({ agentName: 'Jane', sessionId: 'SESSION-1', calls: [savedCall] });
    lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    adapter.lastRequest('createSession').resolve('SESSION-1');
    await settle();
    adapter.lastRequest('reconnectCall').reject(Object.assign(new Error('voice:error:no_leg_found'), { code: 'voice:error:no_leg_found' }));
    await resuming;
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'resume-failed' });
    expect(call('IN-1').error).toMatch(/^The call could not be taken back after the page reloaded\./);
    expect(adapter.releasedMedia).toEqual(['IN-1']);
    expect(recoveryStorage.record?.calls).toEqual([]);
  });

  it('ends the calls with the reason when the agent cannot be signed back in', async () => {
    const { lastTokenRequest, call, resuming, store, recoveryStorage } = await reloadedPage({ agentName: 'Jane', sessionId: 'SESSION-1', calls: [savedCall] });
    lastTokenRequest().reject(new Error('The sign-in service is not responding.'));
    await resuming;
    expect(store.getState().connection).toBe('error');
    expect(call('IN-1')).toMatchObject({
      state: 'ended',
      endReason: 'resume-failed',
      error: 'The call could not be taken back after the page reloaded. The sign-in service is not responding.',
    });
    expect(recoveryStorage.record).toBeUndefined();
  });

  it('does nothing on a page with nothing stored, or already signed in', async () => {
    const fresh = setup();
    await fresh.actions.resumeAfterReload();
    expect(fresh.deps.requestToken).not.toHaveBeenCalled();
    const { actions, deps, recoveryStorage } = await signedIn();
    recoveryStorage.record = { agentName: 'Joe', sessionId: 'SESSION-9', calls: [] };
    await actions.resumeAfterReload();
    expect(deps.requestToken).toHaveBeenCalledTimes(1);
  });
});

describe('soundCheck', () => {
  it('places a call to the echo: *Sound check* (app), the SDK context sound-check, then active with its track', async () => {
    const { actions, adapter, call, deps, recoveryStorage } = await signedIn();
    const checking = actions.soundCheck();
    await settle();
    expect(deps.checkMicrophone).toHaveBeenCalledTimes(1);
    expect(deps.parseDialInput).not.toHaveBeenCalled();
    expect(adapter.lastRequest('dial').args).toEqual([{ kind: 'sound-check' }]);
    expect(call('dial-1')).toMatchObject({ direction: 'outbound', state: 'dialing', remote: 'Sound check', channelType: 'app', soundCheck: true });

    adapter.lastRequest('dial').resolve('OUT-1');
    await checking;
    const track = { kind: 'audio' } as MediaStreamTrack;
    adapter.localAudioTracks.set('OUT-1', track);
    // No level to show before the call connects.
    expect(actions.microphoneTrack('OUT-1')).toBeUndefined();
    adapter.emit({ type: 'leg-status', callId: 'OUT-1', legId: 'LEG-1', status: 'ANSWERED' });
    expect(call('OUT-1')).toMatchObject({ state: 'active', soundCheck: true });
    expect(actions.microphoneTrack('OUT-1')).toBe(track);
    // A reload brings it back as the sound check, meter included.
    expect(recoveryStorage.record?.calls).toEqual([expect.objectContaining({ callId: 'OUT-1', remote: 'Sound check', soundCheck: true })]);

    void actions.hangup('OUT-1');
    await settle();
    expect(adapter.lastRequest('hangup').args).toEqual(['OUT-1']);
  });

  it('checks the microphone first and says why in words when it is blocked', async () => {
    const { actions, adapter, store, deps } = await signedIn();
    deps.checkMicrophone.mockResolvedValueOnce({ ok: false, message: 'Your microphone is blocked for this site.' });
    await actions.soundCheck();
    expect(store.getState().dialError).toEqual({ message: 'Your microphone is blocked for this site.', aboutInput: false, cause: 'microphone' });
    expect(adapter.requestsTo('dial')).toHaveLength(0);
    expect(store.getState().calls).toEqual({});
  });

  it('one call at a time: refused during a call, and a double press checks once', async () => {
    const active = await withActiveCall();
    await active.actions.soundCheck();
    expect(active.store.getState().dialError).toEqual({ message: 'Finish the current call, or hold it, before placing another.', aboutInput: false, cause: 'busy' });
    expect(active.adapter.requestsTo('dial')).toHaveLength(0);

    const { actions, adapter } = await signedIn();
    void actions.soundCheck();
    void actions.soundCheck();
    await settle();
    expect(adapter.requestsTo('dial')).toHaveLength(1);
  });

  it('refuses before the softphone is Ready, and reports a failed call in words', async () => {
    const notReady = setup();
    await notReady.actions.soundCheck();
    expect(notReady.store.getState().dialError).toMatchObject({ message: 'You can call once the softphone is Ready.', cause: 'not-ready' });

    const { actions, adapter, call } = await signedIn();
    const checking = actions.soundCheck();
    await settle();
    adapter.lastRequest('dial').reject(new Error('boom'));
    await checking;
    expect(call('dial-1')).toMatchObject({ state: 'ended', endReason: 'dial-failed', remote: 'Sound check' });
    expect(call('dial-1').error).toMatch(/^The call could not be placed\./);
  });
});

describe('transfer', () => {
  async function activeCallWithTransfers() {
    const harness = await withActiveCall('IN-1');
    const transfers: Array<{ request: TransferRequest; pending: Deferred<undefined> }> = [];
    harness.deps.transferCall.mockImplementation((request) => {
      const pending = deferred<undefined>();
      transfers.push({ request, pending });
      return pending.promise;
    });
    return { ...harness, transfers };
  }

  it('asks the backend with the agent’s own token, then leaves the call, which ends as transferred', async () => {
    const { actions, adapter, call, transfers } = await activeCallWithTransfers();
    const transferring = actions.transfer('IN-1', 'Joe');
    await settle();
    expect(transfers[0]?.request).toEqual({ callId: 'IN-1', to: 'Joe', token: janeTokenExchangeFixture.response.jwt });
    expect(call('IN-1')).toMatchObject({ state: 'active', transferPending: true });
    transfers[0]?.pending.resolve(undefined);
    await settle();
    adapter.lastRequest('hangup').resolve();
    await transferring;
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'transferred', transferredTo: 'Joe' });
    expect(adapter.releasedMedia).toContain('IN-1');
  });

  it('ends as transferred when the SDK reports the agent’s own hangup before hangup() resolves', async () => {
    const { actions, adapter, call, transfers } = await activeCallWithTransfers();
    const transferring = actions.transfer('IN-1', 'Joe');
    await settle();
    transfers[0]?.pending.resolve(undefined);
    await settle();
    adapter.emit({ type: 'call-hangup', callId: 'IN-1', reason: 'LOCAL_HANGUP' });
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'transferred', transferredTo: 'Joe' });
    adapter.lastRequest('hangup').resolve();
    await transferring;
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'transferred', transferredTo: 'Joe' });
  });

  it('keeps the call, with the reason, when the backend refuses', async () => {
    const { actions, adapter, call, transfers } = await activeCallWithTransfers();
    const transferring = actions.transfer('IN-1', '+447700900123');
    await settle();
    expect(transfers[0]?.request.to).toBe('+447700900123');
    transfers[0]?.pending.reject(new Error('The transfer service failed (HTTP 502). The call is still with you: try again.'));
    await transferring;
    expect(call('IN-1')).toMatchObject({ state: 'active', error: 'The transfer service failed (HTTP 502). The call is still with you: try again.' });
    expect(call('IN-1').transferPending).toBeUndefined();
    expect(adapter.requestsTo('hangup')).toHaveLength(0);
  });

  it('refuses a destination that cannot be called, and a transfer to the agent themself, without asking the backend', async () => {
    const { actions, call, transfers, deps } = await activeCallWithTransfers();
    deps.parseDialInput.mockResolvedValueOnce({ ok: false, message: '“x” is neither a phone number nor an agent’s name.' });
    await actions.transfer('IN-1', 'x');
    expect(call('IN-1').error).toBe('“x” is neither a phone number nor an agent’s name.');
    await actions.transfer('IN-1', 'jane');
    expect(call('IN-1').error).toMatch(/already on this call/);
    expect(transfers).toHaveLength(0);
  });

  it('waits for Ready: no transfer while the connection is being re-established', async () => {
    const { actions, adapter, call, transfers } = await activeCallWithTransfers();
    adapter.emit({ type: 'reconnecting' });
    await actions.transfer('IN-1', 'Joe');
    expect(transfers).toHaveLength(0);
    expect(call('IN-1').error).toMatch(/Wait for Ready/);
  });
});

describe('hold and call waiting', () => {
  async function holdConfirmed(harness: Awaited<ReturnType<typeof withActiveCall>>, callId: string, held: boolean) {
    harness.adapter.emit({ type: 'mute', callId, muted: held });
    harness.adapter.emit({ type: 'earmuff', callId, earmuffed: held });
    await settle();
  }

  it('holds with mute and earmuff, shown only once the SDK confirms both; resume undoes both', async () => {
    const harness = await withActiveCall('IN-1');
    const { actions, adapter, call } = harness;
    const holding = actions.toggleHold('IN-1');
    await settle();
    expect(adapter.lastRequest('setMuted').args).toEqual(['IN-1', true]);
    expect(adapter.lastRequest('setEarmuffed').args).toEqual(['IN-1', true]);
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    await settle();
    expect(call('IN-1')).toMatchObject({ holdPending: 'hold' });
    await holdConfirmed(harness, 'IN-1', true);
    await holding;
    expect(call('IN-1')).toMatchObject({ held: true });
    expect(harness.clock.pendingDelays).not.toContain(5_000);

    const resuming = actions.toggleHold('IN-1');
    await settle();
    expect(adapter.lastRequest('setMuted').args).toEqual(['IN-1', false]);
    expect(adapter.lastRequest('setEarmuffed').args).toEqual(['IN-1', false]);
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    await holdConfirmed(harness, 'IN-1', false);
    await resuming;
    expect(call('IN-1')).toMatchObject({ held: false, muted: false });
  });

  it('says so when the cloud never confirms the hold, and Mute is refused while on hold', async () => {
    const harness = await withActiveCall('IN-1');
    const { actions, adapter, call, clock } = harness;
    void actions.toggleHold('IN-1');
    await settle();
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    clock.advance(5_000);
    expect(call('IN-1').error).toBe('The voice service did not confirm the hold. Try again.');
    expect(call('IN-1').held).toBeFalsy();
  });

  it('reports a hold the SDK refuses, and the call goes on unheld', async () => {
    const { actions, adapter, call } = await withActiveCall('IN-1');
    const holding = actions.toggleHold('IN-1');
    await settle();
    adapter.lastRequest('setEarmuffed').reject(new Error('boom'));
    await holding;
    expect(call('IN-1').error).toMatch(/^Could not put the call on hold\./);
    expect(call('IN-1').holdPending).toBeUndefined();
  });

  it('Answer is refused while a call is in progress; Hold and answer holds it first, then answers', async () => {
    const harness = await withActiveCall('IN-1');
    const { actions, adapter, call } = harness;
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    await actions.answer('IN-2');
    expect(adapter.requestsTo('answer')).toHaveLength(1);

    const answering = actions.holdAndAnswer('IN-2');
    await settle();
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    expect(adapter.requestsTo('answer')).toHaveLength(1);
    await holdConfirmed(harness, 'IN-1', true);
    await settle();
    expect(adapter.lastRequest('answer').args).toEqual(['IN-2']);
    adapter.lastRequest('answer').resolve();
    await answering;
    expect(call('IN-1')).toMatchObject({ state: 'active', held: true });
    expect(call('IN-2')).toMatchObject({ state: 'active' });
  });

  it('Hold and answer does not answer when the hold fails', async () => {
    const { actions, adapter, call } = await withActiveCall('IN-1');
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    const answering = actions.holdAndAnswer('IN-2');
    await settle();
    adapter.lastRequest('setMuted').reject(new Error('boom'));
    await answering;
    expect(adapter.requestsTo('answer')).toHaveLength(1);
    expect(call('IN-2').state).toBe('ringing');
  });

  it('End and answer hangs up the call in progress, then answers once the hangup is confirmed', async () => {
    const { actions, adapter, call } = await withActiveCall('IN-1');
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    const answering = actions.endAndAnswer('IN-2');
    await settle();
    expect(adapter.lastRequest('hangup').args).toEqual(['IN-1']);
    adapter.lastRequest('hangup').resolve();
    await settle();
    expect(adapter.requestsTo('answer')).toHaveLength(1);
    adapter.emit({ type: 'call-hangup', callId: 'IN-1', reason: 'LOCAL_HANGUP' });
    await settle();
    adapter.lastRequest('answer').resolve();
    await answering;
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'local-hangup' });
    expect(call('IN-2').state).toBe('active');
  });

  it('Resume swaps: the call in progress is held first, then the held one comes back', async () => {
    const harness = await withActiveCall('IN-1');
    const { actions, adapter, call } = harness;
    adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900002', channelType: 'phone' });
    const answering = actions.holdAndAnswer('IN-2');
    await settle();
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    await holdConfirmed(harness, 'IN-1', true);
    await settle();
    adapter.lastRequest('answer').resolve();
    await answering;

    const swapping = actions.resume('IN-1');
    await settle();
    expect(adapter.lastRequest('setEarmuffed').args).toEqual(['IN-2', true]);
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    await holdConfirmed(harness, 'IN-2', true);
    await settle();
    expect(adapter.lastRequest('setEarmuffed').args).toEqual(['IN-1', false]);
    adapter.lastRequest('setMuted').resolve();
    adapter.lastRequest('setEarmuffed').resolve();
    await holdConfirmed(harness, 'IN-1', false);
    await swapping;
    expect(call('IN-1')).toMatchObject({ held: false });
    expect(call('IN-2')).toMatchObject({ held: true });
  });
});

describe('availability, wrap-up and auto-answer', () => {
  it('Away declines an invite at once with the SDK, and is remembered for the agent', async () => {
    const { actions, adapter, call, deps } = await signedIn();
    actions.setAvailability('away');
    adapter.emit({ type: 'call-invite', callId: 'IN-1', from: '447700900001', channelType: 'phone' });
    expect(call('IN-1')).toMatchObject({ state: 'ended', endReason: 'declined-away' });
    expect(adapter.lastRequest('reject').args).toEqual(['IN-1']);
    expect(deps.preferencesStorage.read('Jane')).toMatchObject({ availability: 'away' });
  });

  it('reads the agent’s remembered settings at sign-in', async () => {
    const harness = setup();
    harness.deps.preferencesStorage.write('Jane', { availability: 'do-not-disturb', wrapUpSeconds: 20 });
    const signingIn = harness.actions.signIn('Jane');
    harness.adapterLoad.resolve(harness.adapter);
    harness.lastTokenRequest().resolve(janeTokenExchangeFixture.response);
    await settle();
    harness.adapter.lastRequest('createSession').resolve('SESSION-1');
    await signingIn;
    expect(harness.store.getState().preferences).toEqual({ availability: 'do-not-disturb', wrapUpSeconds: 20 });
  });

  it('wrap-up counts down after a call and ends by itself, or early with Ready for calls', async () => {
    const harness = await signedIn();
    harness.actions.setShiftSettings({ wrapUpSeconds: 30, autoAnswerSeconds: undefined });
    harness.adapter.emit({ type: 'call-invite', callId: 'IN-1', from: '447700900001', channelType: 'phone' });
    const answering = harness.actions.answer('IN-1');
    await settle();
    harness.adapter.lastRequest('answer').resolve();
    await answering;
    harness.adapter.emit({ type: 'call-hangup', callId: 'IN-1', reason: 'REMOTE_HANGUP' });
    expect(harness.store.getState().wrapUp).toBeDefined();
    harness.clock.advance(30_000);
    expect(harness.store.getState().wrapUp).toBeUndefined();

    harness.adapter.emit({ type: 'call-invite', callId: 'IN-2', from: '447700900001', channelType: 'phone' });
    const again = harness.actions.answer('IN-2');
    await settle();
    harness.adapter.lastRequest('answer').resolve();
    await again;
    harness.adapter.emit({ type: 'call-hangup', callId: 'IN-2', reason: 'REMOTE_HANGUP' });
    harness.actions.readyForCalls();
    expect(harness.store.getState().wrapUp).toBeUndefined();
  });

  it('auto-answer answers after the delay with a short tone, unless the agent answered or rejected first', async () => {
    const harness = await signedIn();
    harness.actions.setShiftSettings({ wrapUpSeconds: 0, autoAnswerSeconds: 3 });
    harness.adapter.emit({ type: 'call-invite', callId: 'IN-1', from: '447700900001', channelType: 'phone' });
    harness.clock.advance(2_999);
    expect(harness.adapter.requestsTo('answer')).toHaveLength(0);
    harness.clock.advance(1);
    await settle();
    expect(harness.deps.playAutoAnswerTone).toHaveBeenCalledTimes(1);
    expect(harness.adapter.lastRequest('answer').args).toEqual(['IN-1']);
  });

  it('clamps settings to sensible limits', async () => {
    const { actions, store } = await signedIn();
    actions.setShiftSettings({ wrapUpSeconds: 99_999, autoAnswerSeconds: 0 });
    expect(store.getState().preferences).toMatchObject({ wrapUpSeconds: 600, autoAnswerSeconds: 1 });
    actions.setShiftSettings({ wrapUpSeconds: Number.NaN, autoAnswerSeconds: undefined });
    expect(store.getState().preferences).toEqual({ availability: 'available', wrapUpSeconds: 0 });
  });
});

describe('the call machinery, its own chunk', () => {
  /** A store that fetches the call machinery as the app does, through `load` (a dynamic import by default). */
  function lazySetup(load: () => Promise<typeof callMachinery>) {
    const adapter = new FakeVoiceAdapter();
    const loads = vi.fn(load);
    const store = createSoftphoneStore(
      {
        loadAdapter: async () => adapter,
        requestToken: async () => janeTokenExchangeFixture.response,
        parseDialInput: async (input: string) => parseAsTyped(input),
        checkMicrophone: async (): Promise<MicrophoneCheck> => ({ ok: true }),
        now: () => signInInstant,
        random: () => 0.5,
        onNetworkOnline: () => () => undefined,
        setTimer: () => () => undefined,
      },
      { loadCallMachinery: loads },
    );
    return { adapter, store, loads };
  }

  async function signInLazily(harness: ReturnType<typeof lazySetup>) {
    const signingIn = harness.store.actions.signIn('Jane');
    await vi.waitFor(() => harness.adapter.lastRequest('createSession'));
    harness.adapter.lastRequest('createSession').resolve('SESSION-1');
    await signingIn;
  }

  it('is not fetched to show the sign-in page, and comes with the voice adapter at sign-in', async () => {
    const harness = lazySetup(() => import('./call-machinery'));
    expect(harness.loads).not.toHaveBeenCalled();
    await signInLazily(harness);
    expect(harness.store.getState().connection).toBe('ready');
    expect(harness.loads).toHaveBeenCalledTimes(1);
  });

  it('handles the calls once loaded: an invite rings and Answer answers it', async () => {
    const harness = lazySetup(() => import('./call-machinery'));
    await signInLazily(harness);
    harness.adapter.emit({ type: 'call-invite', callId: 'IN-1', from: '447700900001', channelType: 'phone' });
    expect(harness.store.getState().calls['IN-1']?.state).toBe('ringing');
    const answering = harness.store.actions.answer('IN-1');
    await vi.waitFor(() => harness.adapter.lastRequest('answer'));
    harness.adapter.lastRequest('answer').resolve(undefined);
    await answering;
    expect(harness.store.getState().calls['IN-1']?.state).not.toBe('ringing');
  });

  it('before sign-in, an asynchronous call action loads it and then acts; a synchronous one has nothing to act on', async () => {
    const harness = lazySetup(() => import('./call-machinery'));
    expect(harness.store.actions.microphoneTrack('IN-1')).toBeUndefined();
    expect(() => harness.store.actions.editDial()).not.toThrow();
    await harness.store.actions.dial('+447700900123');
    expect(harness.loads).toHaveBeenCalledTimes(1);
    // Not signed in: the dial is refused in words, as it was before the machinery was a chunk of its own.
    expect(harness.store.getState().dialError).toBeTruthy();
  });

  it('a failed download fails the sign-in with a way forward, and the next sign-in fetches it again', async () => {
    let fail = true;
    const harness = lazySetup(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return callMachinery;
    });
    await harness.store.actions.signIn('Jane');
    expect(harness.store.getState().connection).toBe('error');
    expect(harness.store.getState().connectionError).toMatch(/could not be downloaded.*Reload the page/);
    fail = false;
    await signInLazily(harness);
    expect(harness.store.getState().connection).toBe('ready');
    expect(harness.loads).toHaveBeenCalledTimes(2);
  });
});
