import type { TokenResponse } from '@/contracts/token-api';
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import { createAutoReconnector } from './auto-reconnect';
import type { StoreRuntime } from './store-runtime';
import { createTokenRefresher } from './token-refresher';

export interface SessionActions {
  /** Signs in, or reconnects the signed-in agent after the session was lost. */
  signIn(agentName: string): Promise<void>;
  signOut(): Promise<void>;
}

const adapterLoadFailed =
  'Part of the softphone could not be downloaded (a network problem, or a new version was just released). Reload the page to continue.';

export function createSessionActions(runtime: StoreRuntime, hooks: { endCalls(voice: VoiceAdapter): Promise<void>; reset(): void }) {
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
      dispatch({ type: 'token-refreshed', expiresAt });
      return expiresAt;
    },
  });

  const autoReconnector = createAutoReconnector({
    now: deps.now,
    random: deps.random,
    setTimer: runtime.sessionTimer,
    onNetworkOnline: deps.onNetworkOnline,
    scheduled: (attempt, nextAttemptAt) => dispatch({ type: 'auto-reconnect-scheduled', attempt, nextAttemptAt }),
    async attempt() {
      const agent = state().agent;
      if (agent) await actions.signIn(agent.userName);
    },
  });

  function signInFailed(message: string) {
    dispatch({ type: 'sign-in-failed', message });
    if (autoReconnector.active) autoReconnector.failed();
  }

  const actions: SessionActions = {
    async signIn(agentName) {
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
        const sessionId = await voice.createSession(token.jwt);
        if (abandoned()) {
          // Signed out meanwhile. A newer sign-in (not signed-out any more) replaces this session itself.
          if (state().connection === 'signed-out') await voice.deleteSession().catch(() => undefined);
          return;
        }
        autoReconnector.stop();
        dispatch({ type: 'session-created', sessionId, agent: { userName: token.user_name, userId: token.user_id } });
        tokenRefresher.start(expiresAt);
      } catch (error) {
        if (!abandoned()) signInFailed(`Could not connect to the voice service. ${describeVoiceError(error)}`);
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
      dispatch({ type: 'signed-out' });
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
