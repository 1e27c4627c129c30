import type { Call, SoftphoneState } from './softphone-state';

const byStart = (a: Call, b: Call) => a.startedAt - b.startedAt;

export const selectConnection = (state: SoftphoneState) => state.connection;
export const selectConnectionError = (state: SoftphoneState) => state.connectionError;
export const selectAutoReconnect = (state: SoftphoneState) => state.autoReconnect;
export const selectAgent = (state: SoftphoneState) => state.agent;
export const selectLastAgentName = (state: SoftphoneState) => state.lastAgentName;
/** Why the last dial was refused, while that still holds: "not Ready" ends at Ready, "on a call" when the call ends. */
export const selectDialError = (state: SoftphoneState) => {
  const error = state.dialError;
  if (error?.cause === 'not-ready' && state.connection === 'ready') return undefined;
  if (error?.cause === 'busy' && !selectHasCallInProgress(state)) return undefined;
  return error;
};
/** From the first session until sign-out, including offline spells: the agent's calls stay on screen. */
export const selectIsSignedIn = (state: SoftphoneState) => state.agent !== undefined;
/** Invites can reach this tab: its session is Ready or resuming after a short drop. */
export const selectHasLiveSession = (state: SoftphoneState) => state.connection === 'ready' || state.connection === 'reconnecting';

/** The invite the agent should see first: the one that has rung longest. */
export const selectIncomingCall = (state: SoftphoneState): Call | undefined =>
  Object.values(state.calls)
    .filter((call) => call.direction === 'inbound' && (call.state === 'ringing' || call.state === 'answering'))
    .sort(byStart)[0];

export const selectWaitingInviteCount = (state: SoftphoneState) =>
  Object.values(state.calls).filter((call) => call.direction === 'inbound' && call.state === 'ringing').length;

export const selectIsRinging = (state: SoftphoneState) =>
  Object.values(state.calls).some((call) => call.direction === 'inbound' && call.state === 'ringing');

const isInProgress = (call: Call) => call.state === 'active' || (call.direction === 'outbound' && call.state !== 'ended');
const isUnheld = (call: Call) => !call.held || call.holdPending === 'resume';

/**
 * The call the agent is on: the connected (unheld) call or the outbound call still being set up. With no such
 * call, a call on hold is the current one, so it stays in front of the agent (never forgotten) until resumed.
 */
export const selectCurrentCall = (state: SoftphoneState): Call | undefined => {
  const calls = Object.values(state.calls).filter(isInProgress).sort(byStart);
  return calls.find(isUnheld) ?? calls[0];
};

/** With two calls, the one waiting on hold beside the current call. */
export const selectHeldCall = (state: SoftphoneState): Call | undefined => {
  const current = selectCurrentCall(state);
  return Object.values(state.calls)
    .filter((call) => call !== current && isInProgress(call) && call.held)
    .sort(byStart)[0];
};

export const selectPreferences = (state: SoftphoneState) => state.preferences;
export const selectWrapUp = (state: SoftphoneState) => state.wrapUp;

export const selectHasCallInProgress = (state: SoftphoneState) => selectCurrentCall(state) !== undefined;

/** A call is being talked on (or placed): an invite is call waiting, answered only by holding or ending it. */
export const selectIsTalking = (state: SoftphoneState) => {
  const current = selectCurrentCall(state);
  return current !== undefined && isUnheld(current);
};

export const selectEndedCallCount = (state: SoftphoneState) =>
  Object.values(state.calls).filter((call) => call.state === 'ended').length;

export const selectLastEndedCall = (state: SoftphoneState): Call | undefined =>
  Object.values(state.calls)
    .filter((call) => call.state === 'ended')
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))[0];

export const selectTokenRenewal = (state: SoftphoneState) => state.tokenRenewal;
