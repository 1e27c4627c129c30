// Everything the store does with calls: their actions, the hangup issuer and confirmation timers they share, and
// the whole reducer (every concern's handlers). None of it is needed to show the sign-in page, so it is its own
// chunk, loaded with the voice adapter at sign-in (softphone-store.ts): a call event can only come after that.
import { applySoftphoneEvent } from './apply-softphone-event';
import { createConfirmationTimers } from './confirmation-timers';
import { createHangupIssuer } from './hangup-issuer';
import { createHoldActions } from './hold-actions';
import { createInCallActions } from './in-call-actions';
import { createInboundActions } from './inbound-actions';
import { createOutboundActions } from './outbound-actions';
import type { StoreRuntime } from './store-runtime';
import { createTransferActions } from './transfer-actions';
import { describeVoiceError, isSessionTimeout } from '@/voice/describe-voice-error';
import type { VoiceEvent } from '@/voice/voice-event';

export function createCallMachinery(runtime: StoreRuntime) {
  const context = { runtime, hangups: createHangupIssuer(runtime), confirmations: createConfirmationTimers(runtime) };
  const hold = createHoldActions(context);
  const inbound = createInboundActions(context, hold);
  const inCall = createInCallActions(context);
  return {
    actions: {
      ...inbound.actions,
      ...createOutboundActions(context),
      ...inCall.actions,
      ...hold.actions,
      ...createTransferActions(runtime),
    },
    /** Every event, from the SDK or an action, folded into the state. */
    reduce: applySoftphoneEvent,
    /** After the reducer has seen a voice event: what the call actions wait on (confirmations, a hold before an answer). */
    onVoiceEvent(event: VoiceEvent) {
      inCall.onVoiceEvent(event);
      hold.onVoiceEvent(event);
      inbound.onVoiceEvent(event);
    },
    endCallsForSignOut: context.hangups.endCallsForSignOut,
    restoreMute: (callId: string) => inCall.actions.toggleMute(callId),
    describeVoiceError,
    isSessionTimeout,
    reset() {
      context.confirmations.reset();
      context.hangups.reset();
    },
  };
}

export type CallMachinery = ReturnType<typeof createCallMachinery>;
export type CallActions = CallMachinery['actions'];
/** The module itself, as the store loads it (tests hand it over directly). */
export type CallMachineryModule = { createCallMachinery: typeof createCallMachinery };
