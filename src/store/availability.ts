// Whether an invite may ring, decided from the state alone so the reducer stays pure.
import type { CallEndReason, SoftphoneState } from './softphone-state';

/** Why an invite arriving at `at` is declined at once, or undefined when it may ring. */
export function declineReasonFor(state: SoftphoneState, at: number): CallEndReason | undefined {
  if (state.preferences.availability === 'away') return 'declined-away';
  if (state.preferences.availability === 'do-not-disturb') return 'declined-do-not-disturb';
  if (state.wrapUp && state.wrapUp.endsAt > at) return 'declined-wrap-up';
  return undefined;
}

/** A call is connected or being placed: a new invite is call waiting, never auto-answered. */
export function hasCallInProgress(state: SoftphoneState): boolean {
  return Object.values(state.calls).some(
    (call) => call.state === 'active' || call.state === 'answering' || (call.direction === 'outbound' && call.state !== 'ended'),
  );
}

/** When an invite arriving at `at` is answered by itself, if auto-answer is on and nothing else is going on. */
export function autoAnswerAtFor(state: SoftphoneState, at: number): number | undefined {
  const seconds = state.preferences.autoAnswerSeconds;
  if (seconds === undefined || hasCallInProgress(state)) return undefined;
  const anotherRinging = Object.values(state.calls).some((call) => call.direction === 'inbound' && call.state === 'ringing');
  return anotherRinging ? undefined : at + seconds * 1000;
}
