// Availability, wrap-up and auto-answer: the agent's settings, and the wrap-up period after each call.
import type { SomeEventHandlers } from './event-handlers';
import type { SoftphoneState } from './softphone-state';

function withoutWrapUp(state: SoftphoneState): SoftphoneState {
  const { wrapUp: _wrapUp, ...rest } = state;
  return rest;
}

export const preferenceHandlers = {
  'preferences-loaded': (state, event) => ({ ...state, preferences: event.preferences }),
  'availability-changed': (state, event) => ({ ...state, preferences: { ...state.preferences, availability: event.availability } }),
  'preferences-changed': (state, event) => {
    const { autoAnswerSeconds: _old, ...rest } = state.preferences;
    const preferences = { ...rest, wrapUpSeconds: event.wrapUpSeconds };
    return { ...state, preferences: event.autoAnswerSeconds === undefined ? preferences : { ...preferences, autoAnswerSeconds: event.autoAnswerSeconds } };
  },
  'wrap-up-ended': (state) => withoutWrapUp(state),
} satisfies SomeEventHandlers;

/**
 * After a connected call ends, with no other call left, the agent gets the configured wrap-up period before
 * the next invite may ring. A sound check, a sign-out or a call that never connected needs no wrap-up.
 */
export function withWrapUpAfterCall(before: SoftphoneState, after: SoftphoneState, at: number): SoftphoneState {
  const seconds = after.preferences.wrapUpSeconds;
  if (seconds <= 0 || !after.agent) return after;
  const justEnded = Object.values(after.calls).find(
    (call) =>
      call.state === 'ended' &&
      call.answeredAt !== undefined &&
      !call.soundCheck &&
      call.endReason !== 'signed-out' &&
      before.calls[call.id] !== undefined &&
      before.calls[call.id]?.state !== 'ended',
  );
  if (!justEnded) return after;
  const stillOnACall = Object.values(after.calls).some((call) => call.state === 'active' || (call.direction === 'outbound' && call.state !== 'ended'));
  if (stillOnACall) return after;
  return { ...after, wrapUp: { endsAt: at + seconds * 1000, afterCallId: justEnded.id } };
}
