// The SDK can report a hangup for a dial before `serverCall` has resolved with that call's id: such hangups
// are kept briefly, so the dial that learns the id a moment later ends at once (see outbound-handlers.ts).
import type { SdkHangupReason } from '@/voice/voice-event';
import type { SoftphoneState } from './softphone-state';

/** Hangups for ids the state does not hold, kept briefly in case a dial is about to learn that id. */
export const unmatchedHangupsKept = 5;

export function rememberUnmatchedHangup(state: SoftphoneState, callId: string, reason: SdkHangupReason, at: number): SoftphoneState {
  const kept = (state.unmatchedHangups ?? []).filter((hangup) => hangup.callId !== callId).slice(-(unmatchedHangupsKept - 1));
  return { ...state, unmatchedHangups: [...kept, { callId, reason, at }] };
}

export function takeUnmatchedHangup(state: SoftphoneState, callId: string) {
  const early = state.unmatchedHangups?.find((hangup) => hangup.callId === callId);
  if (!early) return undefined;
  return { early, state: { ...state, unmatchedHangups: state.unmatchedHangups?.filter((hangup) => hangup !== early) ?? [] } };
}
