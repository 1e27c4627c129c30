import type { TokenResponse } from '@/contracts/token-api';
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceAdapter } from '@/voice/voice-adapter';
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
        if (!abandoned()) dispatch({ type: 'sign-in-failed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      if (abandoned()) return;
      const expiresAt = Date.parse(token.expires_at);
      dispatch({ type: 'token-received', expiresAt });
      let voice: VoiceAdapter;
      try {
        voice = await adapterReady;
      } catch {
        if (!abandoned()) dispatch({ type: 'sign-in-failed', message: adapterLoadFailed });
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
        dispatch({ type: 'session-created', sessionId, agent: { userName: token.user_name, userId: token.user_id } });
        tokenRefresher.start(expiresAt);
      } catch (error) {
        if (!abandoned()) {
          dispatch({ type: 'sign-in-failed', message: `Could not connect to the voice service. ${describeVoiceError(error)}` });
        }
      }
    },

    async signOut() {
      signInGeneration += 1;
      tokenRefresher.stop();
      const voice = runtime.adapter();
      if (voice) {
        await hooks.endCalls(voice);
        await voice.deleteSession().catch(() => undefined);
      }
      hooks.reset();
      dispatch({ type: 'signed-out' });
    },
  };

  return { actions, stopTokenRefresh: () => tokenRefresher.stop() };
}
