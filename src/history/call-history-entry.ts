import { endReasonText } from '@/store/end-reason-text';
import type { Call, CallDirection, CallEndReason } from '@/store/softphone-state';
import type { ChannelType } from '@/voice/voice-event';

/** One ended call as the agent's call history keeps it: plain data, written once to IndexedDB. */
export interface CallHistoryEntry {
  /** The call id (the SDK's leg id; a dial that never got one keeps the id the store gave it). */
  id: string;
  /** The agent's user name as the token backend spelled it: histories are per agent. */
  agent: string;
  direction: CallDirection;
  /** The caller or the callee as the SDK gave it (digits without '+' for phone callers, a user name for agents). */
  remote: string;
  channelType: ChannelType;
  /** Epoch ms, as on the call. */
  startedAt: number;
  answeredAt?: number;
  endedAt: number;
  /** Talk time, from answer to end; 0 for a call that was never answered. */
  durationSeconds: number;
  endReason?: CallEndReason;
  /** Why it ended, in the agent's words (the same sentence the Last call summary shows). */
  outcome: string;
  /** See isMissedCall. */
  missed: boolean;
}

/**
 * Inbound calls that ended without being answered yet count as handled, not missed: the agent rejected
 * them here, or answered or rejected them on another device. Everything else unanswered is a caller who
 * did not reach the agent and is missed: gave up while it rang, rang out, could not be answered, rang
 * when the session was lost or the agent signed out, and the `declined-*` reasons (declined at once
 * because the agent was Away, on Do not disturb or in wrap-up) too: the agent chose not to take calls,
 * not this call, and a caller who tried is worth a call back.
 * Kept as strings so reasons added to CallEndReason later default to missed, the safer side.
 */
const handledWithoutAnswer: ReadonlySet<string> = new Set(['rejected', 'answered-elsewhere', 'rejected-elsewhere']);

export function isMissedCall(call: Pick<Call, 'direction' | 'answeredAt' | 'endReason'>): boolean {
  if (call.direction !== 'inbound' || call.answeredAt !== undefined) return false;
  return call.endReason === undefined || !handledWithoutAnswer.has(call.endReason);
}

/**
 * Outcomes another tab or device reports about a call this browser may have handled itself (the tab that
 * answered knows better than the tab that saw it "answered elsewhere"): they never replace a record.
 */
export function isSecondHandOutcome(entry: Pick<CallHistoryEntry, 'endReason'>): boolean {
  return entry.endReason === 'answered-elsewhere' || entry.endReason === 'rejected-elsewhere';
}

/** The history entry for an ended call. Pure: the caller decides when a call is ended and whose it is. */
export function historyEntryOf(call: Call, agent: string): CallHistoryEntry {
  const { answeredAt } = call;
  const endedAt = call.endedAt ?? call.startedAt;
  const entry: CallHistoryEntry = {
    id: call.id,
    agent,
    direction: call.direction,
    remote: call.remote,
    channelType: call.channelType,
    startedAt: call.startedAt,
    endedAt,
    durationSeconds: answeredAt === undefined ? 0 : Math.max(0, Math.round((endedAt - answeredAt) / 1000)),
    outcome: endReasonText(call),
    missed: isMissedCall(call),
  };
  if (answeredAt !== undefined) entry.answeredAt = answeredAt;
  if (call.endReason !== undefined) entry.endReason = call.endReason;
  return entry;
}
