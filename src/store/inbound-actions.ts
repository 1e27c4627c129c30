// Answering and rejecting invites, call waiting (Hold and answer, End and answer), declining invites while
// the agent is not Available, and auto-answer.
import { describeVoiceError } from '@/voice/describe-voice-error';
import { TimeoutError, withTimeout } from '@/lib/with-timeout';
import type { VoiceEvent } from '@/voice/voice-event';
import type { CallContext } from './call-context';
import { heldCalls, isGone, unheldCallInProgress } from './call-queries';
import { confirmationTimeoutMs } from './hangup-issuer';
import type { createHoldActions } from './hold-actions';

export interface InboundActions {
  answer(callId: string): Promise<void>;
  reject(callId: string): Promise<void>;
  /** Call waiting: holds the call in progress, then answers the invite once the hold is confirmed. */
  holdAndAnswer(callId: string): Promise<void>;
  /** Call waiting: hangs up the call in progress, then answers the invite once the hangup is confirmed. */
  endAndAnswer(callId: string): Promise<void>;
}

/** answer() waits for the cloud's member:joined and for media; it must not wait for ever. */
export const answerTimeoutMs = 20_000;

const isDeclinedAtOnce = (reason: string | undefined) => reason?.startsWith('declined-') === true;

export function createInboundActions(context: CallContext, hold: ReturnType<typeof createHoldActions>) {
  const { runtime, hangups } = context;
  const { deps, state, dispatch } = runtime;
  const timeout = <T>(work: Promise<T>, ms: number, message: string) => withTimeout(work, ms, message, runtime.sessionTimer);

  /**
   * The SDK reports a microphone it could not open only as "Inbound call failed": unless a check has just found
   * the microphone working, ask it now, so the agent reads the same sentence the check before answering gives.
   */
  async function describeAnswerFailure(error: unknown, microphoneChecked: boolean): Promise<string> {
    if (microphoneChecked || error instanceof TimeoutError) return describeVoiceError(error);
    const microphone = await deps.checkMicrophone();
    return microphone.ok ? describeVoiceError(error) : microphone.message;
  }

  const actions: InboundActions = {
    async answer(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || call?.state !== 'ringing' || call.rejectPending) return;
      // Never two calls unheld at once: with a call in progress, the agent chooses Hold or End and answer.
      if (unheldCallInProgress(state(), callId)) return;
      dispatch({ type: 'answer-requested', callId });
      // A microphone a check found working (and still granted) is left to the SDK's own getUserMedia: a check
      // of ours first would cost every answer about 100 ms. Otherwise it comes first, so a refused call rings on.
      const checkedFirst = deps.microphoneKnownWorking?.() !== true;
      if (checkedFirst) {
        const microphone = await deps.checkMicrophone();
        if (!microphone.ok) {
          dispatch({ type: 'answer-blocked', callId, message: microphone.message });
          return;
        }
      }
      const answering = voice.answer(callId);
      try {
        await timeout(answering, answerTimeoutMs, 'The call did not connect in time.');
        dispatch({ type: 'answer-succeeded', callId });
      } catch (error) {
        dispatch({ type: 'answer-failed', callId, message: `Could not answer. ${await describeAnswerFailure(error, checkedFirst)}` });
        // Tell the cloud, so the caller is routed on instead of ringing an agent who cannot take the call;
        // and should the SDK connect it after all, hang up: the agent has been told it failed.
        voice.reject(callId).catch(() => undefined);
        answering.then(() => voice.hangup(callId), () => undefined).catch(() => undefined);
      }
    },

    async reject(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || call?.state !== 'ringing' || call.rejectPending) return;
      dispatch({ type: 'reject-requested', callId });
      try {
        await timeout(voice.reject(callId), confirmationTimeoutMs, 'The voice service did not confirm in time.');
        // The SDK fires no event for the agent's own reject.
        dispatch({ type: 'call-rejected', callId });
      } catch (error) {
        dispatch({ type: 'reject-failed', callId, message: `Could not reject. ${describeVoiceError(error)}` });
      }
    },

    async holdAndAnswer(callId) {
      const current = unheldCallInProgress(state(), callId);
      // A second held call would be one the agent could forget: with one on hold already, end one first.
      if (current && heldCalls(state()).length > 0) return;
      if (current && !(await hold.setHold(current.id, true))) return;
      await actions.answer(callId);
    },

    async endAndAnswer(callId) {
      const voice = runtime.adapter();
      const current = unheldCallInProgress(state(), callId);
      if (!voice) return;
      if (current) {
        dispatch({ type: 'hangup-requested', callId: current.id });
        await hangups.issue(voice, current.id);
        const ended = await runtime.whenState((now) => isGone(now.calls[current.id]), confirmationTimeoutMs * 2);
        if (!ended) return;
      }
      await actions.answer(callId);
    },
  };

  /** An invite the reducer declined (the agent is not Available) is refused at once, so routing moves on. */
  function onVoiceEvent(event: VoiceEvent) {
    if (event.type !== 'call-invite') return;
    const call = state().calls[event.callId];
    if (!call) return;
    if (call.state === 'ended' && isDeclinedAtOnce(call.endReason)) {
      runtime.adapter()?.reject(event.callId).catch(() => undefined);
      return;
    }
    if (call.autoAnswerAt !== undefined) {
      runtime.sessionTimer(() => {
        const now = state().calls[event.callId];
        if (now?.state !== 'ringing' || now.autoAnswerAt === undefined) return;
        deps.playAutoAnswerTone?.();
        void actions.answer(event.callId);
      }, Math.max(0, call.autoAnswerAt - deps.now()));
    }
  }

  return { actions, onVoiceEvent };
}
