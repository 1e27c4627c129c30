import type { Call, CallEndReason } from './softphone-state';

const sentences: Record<CallEndReason, string> = {
  'remote-hangup': 'The other party hung up.',
  'local-hangup': 'You hung up.',
  rejected: 'You rejected the call.',
  'remote-cancel': 'The caller hung up before you answered.',
  'remote-timeout': 'Nobody answered in time.',
  'answered-elsewhere': 'The call was answered on another device.',
  'rejected-elsewhere': 'The call was rejected on another device.',
  'busy-or-declined': 'The line was busy or the call was declined.',
  'no-answer': 'Nobody answered.',
  'media-timeout': 'The call’s audio could not be connected.',
  'media-lost': 'The audio connection was lost.',
  'dial-failed': 'The call could not be placed.',
  'answer-failed': 'The call could not be answered.',
  'connection-lost': 'The connection to the voice service was lost.',
  transferred: 'You transferred the call.',
  'resume-failed': 'The call could not be resumed after the page reloaded.',
  'signed-out': 'You signed out.',
  'declined-away': 'Missed: declined because you were Away.',
  'declined-do-not-disturb': 'Missed: declined because you were on Do not disturb.',
  'declined-wrap-up': 'Missed: declined during your wrap-up.',
};

/** Where an incoming call deserves its own words (the caller, the ringing). */
const inboundSentences: Partial<Record<CallEndReason, string>> = {
  'remote-hangup': 'The caller hung up.',
  'remote-timeout': 'The call stopped ringing: nobody answered in time.',
};

/** Why a call ended, as one sentence for the agent. */
export function endReasonText(call: Pick<Call, 'direction' | 'endReason' | 'transferredTo'>): string {
  if (!call.endReason) return 'The call ended.';
  if (call.endReason === 'transferred' && call.transferredTo) return `You transferred the call to ${call.transferredTo}.`;
  return (call.direction === 'inbound' ? inboundSentences[call.endReason] : undefined) ?? sentences[call.endReason];
}
