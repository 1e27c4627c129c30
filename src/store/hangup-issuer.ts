// Hanging a call up once, however many paths ask for it (the button, a dial resolving late, sign-out,
// End and answer), and settling it locally if the cloud never confirms.
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { StoreRuntime } from './store-runtime';
import { withTimeout } from '@/lib/with-timeout';

/** How long to wait for the cloud to confirm a hangup, a mute or a hold before the app settles it itself. */
export const confirmationTimeoutMs = 5_000;

export interface HangupIssuer {
  issue(voice: VoiceAdapter, callId: string): Promise<void>;
  /** The SDK reported the call's hangup: a later request for the same id is a new one. */
  confirmed(callId: string): void;
  /** Before deleteSession: a session deleted with calls up leaves their media running and the far end on. */
  endCallsForSignOut(voice: VoiceAdapter): Promise<void>;
  reset(): void;
}

export function createHangupIssuer(runtime: StoreRuntime): HangupIssuer {
  const { state, dispatch } = runtime;
  const issued = new Set<string>();

  async function issue(voice: VoiceAdapter, callId: string) {
    if (issued.has(callId)) return;
    issued.add(callId);
    // callHangup normally follows from the cloud; if it never does, the call must not stay on screen.
    const settle = runtime.sessionTimer(() => dispatch({ type: 'hangup-unconfirmed', callId }), confirmationTimeoutMs);
    try {
      await voice.hangup(callId);
    } catch (error) {
      settle();
      issued.delete(callId);
      dispatch({ type: 'hangup-failed', callId, message: `Could not hang up. ${describeVoiceError(error)}` });
    }
  }

  return {
    issue,
    confirmed: (callId) => void issued.delete(callId),
    async endCallsForSignOut(voice) {
      const open = Object.values(state().calls).filter((call) => call.state !== 'ended' && call.id !== call.localId);
      await withTimeout(
        Promise.allSettled(open.map((call) => (call.state === 'ringing' ? voice.reject(call.id) : issue(voice, call.id)))),
        confirmationTimeoutMs,
        'Hanging up before sign-out took too long',
        runtime.sessionTimer,
      ).catch(() => undefined);
    },
    reset: () => issued.clear(),
  };
}
