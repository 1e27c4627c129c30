import type { TokenResponse } from '@/contracts/token-api';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import { createAutoReconnector } from './auto-reconnect';
import type { RecoverableCall } from './recovery-record';
import type { StoreRuntime } from './store-runtime';
import { createTokenRefresher } from './token-refresher';

export interface SessionActions {
  /** Signs in, or reconnects the signed-in agent after the session was lost. */
  signIn(agentName: string): Promise<void>;
  signOut(): Promise<void>;
  /** A sign-in that failed outside the store (the organisation's sign-in page said no): shown on the sign-in screen. */
  showSignInProblem(message: string): void;
  /**
   * Called once when the page loads: if this tab was signed in before a reload, signs the same agent back
   * into the same session and takes back the calls that were connected. Does nothing otherwise.
   */
  resumeAfterReload(): Promise<void>;
}

const callNotResumed = 'The call could not be taken back after the page reloaded.';

const adapterLoadFailed =
  'Part of the softphone could not be downloaded (a network problem, or a new version was just released). Reload the page to continue.';

export interface SessionHooks {
  endCalls(voice: VoiceAdapter): Promise<void>;
  reset(): void;
  /** Mutes a taken-back call again, as the Mute button would (request, then the SDK's confirmation). */
  restoreMute(callId: string): Promise<void>;
  /**
   * An SDK failure as a sentence for the agent (describe-voice-error.ts). It comes with the call machinery, whose
   * chunk is in whenever an adapter is, so the sign-in page does not load it.
   */
  describeVoiceError(error: unknown): string;
  /** The SDK gave up on createSession without an answer (rather than a refusal). */
  isSessionTimeout(error: unknown): boolean;
}

export function createSessionActions(runtime: StoreRuntime, hooks: SessionHooks) {
  const { deps, state, dispatch } = runtime;
  /** Bumped by sign-out: a sign-in still on its way then stops instead of signing the agent back in. */
  let signInGeneration = 0;

  const tokenRefresher = createTokenRefresher({
    now: deps.now,
    setTimer: deps.setTimer,
    async refresh(stillWanted) {
      const agent = state().agent;
      const voice = runtime.adapter();
      if (!agent || !voice) return undefined;
      const token = await deps.requestToken(agent.userName);
      if (!stillWanted()) return undefined;
      await voice.refreshSession(token.jwt);
      if (!stillWanted()) return undefined;
      const expiresAt = Date.parse(token.expires_at);
      runtime.setCurrentToken(token.jwt);
      dispatch({ type: 'token-refreshed', expiresAt });
      return expiresAt;
    },
    onRefreshFailed: ({ attempt, nextAttemptAt, expiresAt, reason }) =>
      dispatch({ type: 'token-refresh-failed', failures: attempt, nextAttemptAt, expiresAt, reason }),
  });

  const autoReconnector = createAutoReconnector({
    now: deps.now,
    random: deps.random,
    setTimer: runtime.sessionTimer,
    onNetworkOnline: deps.onNetworkOnline,
    scheduled: (attempt, nextAttemptAt) => dispatch({ type: 'auto-reconnect-scheduled', attempt, nextAttemptAt }),
    async attempt() {
      const agent = state().agent;
      if (agent) await signIn(agent.userName);
    },
  });

  function signInFailed(message: string) {
    dispatch({ type: 'sign-in-failed', message });
    if (autoReconnector.active) autoReconnector.failed();
  }

  /** `resumeSessionId`: the session of the page before a reload, which the cloud can hand back as it was. */
  async function signIn(agentName: string, resumeSessionId?: string) {
    const name = agentName.trim();
    const { connection } = state();
    if (connection === 'fetching-token' || connection === 'connecting' || connection === 'ready' || connection === 'reconnecting') {
      return;
    }
    if (name === '') {
      dispatch({ type: 'sign-in-failed', message: 'Enter your agent name to sign in.' });
      return;
    }
    dispatch({ type: 'sign-in-started', agentName: name });
    const generation = ++signInGeneration;
    const abandoned = () => generation !== signInGeneration;
    // Download the SDK while the token is on its way.
    const adapterReady = runtime.loadAdapter();
    adapterReady.catch(() => undefined);
    let token: TokenResponse;
    try {
      token = await deps.requestToken(name);
    } catch (error) {
      if (!abandoned()) signInFailed(error instanceof Error ? error.message : String(error));
      return;
    }
    if (abandoned()) return;
    const expiresAt = Date.parse(token.expires_at);
    dispatch({ type: 'token-received', expiresAt });
    let voice: VoiceAdapter;
    try {
      voice = await adapterReady;
    } catch {
      if (!abandoned()) signInFailed(adapterLoadFailed);
      return;
    }
    if (abandoned()) return;
    try {
      // No deadline of ours: the SDK rejects createSession itself after 5 s without session:success.
      // A session the cloud no longer knows is refused: then a new one is as good.
      // Phase marks for `npm run bench` (scripts/bench/): createSession's share of sign-in. No effect on behaviour.
      performance.mark('softphone:create-session-start');
      const connect = () =>
        resumeSessionId === undefined
          ? voice.createSession(token.jwt)
          : voice.createSession(token.jwt, resumeSessionId).catch(() => (abandoned() ? '' : voice.createSession(token.jwt)));
      // One more try when the voice service did not answer within the SDK's 5 s: a slow moment (a busy machine, a
      // congested link) should not cost the agent a sign-in. A second timeout, or any refusal, is reported. While
      // the softphone reconnects by itself after a lost connection, its own schedule of tries does this instead.
      const sessionId = await connect().catch((error: unknown) => {
        if (!hooks.isSessionTimeout(error) || abandoned() || state().autoReconnect !== undefined) throw error;
        return connect();
      });
      performance.mark('softphone:create-session-end');
      if (abandoned()) {
        // Signed out meanwhile. A newer sign-in (not signed-out any more) replaces this session itself.
        if (state().connection === 'signed-out') await voice.deleteSession().catch(() => undefined);
        return;
      }
      autoReconnector.stop();
      runtime.setCurrentToken(token.jwt);
      dispatch({ type: 'session-created', sessionId, agent: { userName: token.user_name, userId: token.user_id } });
      tokenRefresher.start(expiresAt);
    } catch (error) {
      if (!abandoned()) signInFailed(`Could not connect to the voice service. ${hooks.describeVoiceError(error)}`);
    }
  }

  async function takeBackCall(voice: VoiceAdapter, call: RecoverableCall) {
    try {
      await voice.reconnectCall(call.callId);
    } catch (error) {
      dispatch({ type: 'call-resume-failed', callId: call.callId, message: `${callNotResumed} ${hooks.describeVoiceError(error)}` });
      return;
    }
    dispatch({ type: 'call-resumed', callId: call.callId });
    // The renegotiated media starts with a live microphone: mute it again, through the usual confirmation.
    if (call.muted) await hooks.restoreMute(call.callId);
  }

  const actions: SessionActions = {
    signIn: (agentName) => signIn(agentName),

    async resumeAfterReload() {
      const record = deps.recoveryStorage?.read();
      if (!record || state().connection !== 'signed-out') return;
      runtime.holdRecoveryRecord(true);
      try {
        for (const call of record.calls) dispatch({ type: 'call-resuming', call });
        await signIn(record.agentName, record.sessionId);
        const voice = runtime.adapter();
        if (state().connection !== 'ready' || !voice) {
          const why = state().connectionError ?? 'The softphone could not sign back in.';
          for (const call of record.calls) dispatch({ type: 'call-resume-failed', callId: call.callId, message: `${callNotResumed} ${why}` });
          return;
        }
        await Promise.all(record.calls.map((call) => takeBackCall(voice, call)));
      } finally {
        runtime.holdRecoveryRecord(false);
      }
    },

    async signOut() {
      signInGeneration += 1;
      tokenRefresher.stop();
      autoReconnector.stop();
      const voice = runtime.adapter();
      if (voice) {
        await hooks.endCalls(voice);
        await voice.deleteSession().catch(() => undefined);
      }
      hooks.reset();
      runtime.setCurrentToken(undefined);
      dispatch({ type: 'signed-out' });
      // After the Vonage session, so calls end first; a failure is said on the sign-in screen, not swallowed.
      await deps.endBackendSession?.().catch((error: unknown) => {
        if (state().connection === 'signed-out') dispatch({ type: 'sign-in-failed', message: error instanceof Error ? error.message : String(error) });
      });
    },

    showSignInProblem(message) {
      if (state().connection === 'signed-out' || state().connection === 'error') dispatch({ type: 'sign-in-failed', message });
    },
  };

  /** The SDK ended the session: a lost connection is retried by itself; an expired one needs the agent. */
  function onSessionLost(expired: boolean) {
    tokenRefresher.stop();
    if (expired || !state().agent) autoReconnector.stop();
    else autoReconnector.start();
  }

  return { actions, onSessionLost };
}
