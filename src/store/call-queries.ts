// Questions the actions ask of the state before acting (the selectors answer the UI's).
import type { Call, SoftphoneState } from './softphone-state';

/** The connected call the agent is talking on (not held), or the outbound call being set up. */
export function unheldCallInProgress(state: SoftphoneState, except?: string): Call | undefined {
  return Object.values(state.calls).find(
    (call) =>
      call.id !== except &&
      ((call.state === 'active' && !call.held) || call.state === 'answering' || (call.direction === 'outbound' && call.state !== 'ended')),
  );
}

export function heldCalls(state: SoftphoneState): Call[] {
  return Object.values(state.calls).filter((call) => call.state === 'active' && call.held);
}

export const isGone = (call: Call | undefined) => call === undefined || call.state === 'ended';
