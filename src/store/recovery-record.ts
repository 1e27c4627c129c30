// What a reloaded page needs to take back the agent's session and calls, derived from the state. Only what
// recovery needs: no JWT (a new one is fetched), no call history, nothing a ringing invite would need (the
// cloud re-offers those itself).
import type { ChannelType } from '@/voice/voice-event';
import type { CallDirection, SoftphoneState } from './softphone-state';

export interface RecoverableCall {
  callId: string;
  direction: CallDirection;
  remote: string;
  channelType: ChannelType;
  startedAt: number;
  /** Kept so the call timer goes on from where it was, not from the reload. */
  answeredAt: number;
  muted: boolean;
  /** The sound check: after a reload it still shows the microphone level. */
  soundCheck?: boolean;
}

export interface RecoveryRecord {
  agentName: string;
  sessionId: string;
  /** Connected calls only: a call still ringing or dialing cannot be taken over by another page. */
  calls: RecoverableCall[];
}

/** Undefined when there is nothing to resume: nobody is signed in, or the session is not established yet. */
export function recoveryRecordOf(state: SoftphoneState): RecoveryRecord | undefined {
  if (!state.agent || state.sessionId === undefined) return undefined;
  const calls = Object.values(state.calls)
    .filter((call) => call.state === 'active' && call.answeredAt !== undefined && call.id !== call.localId)
    .map((call) => ({
      callId: call.id,
      direction: call.direction,
      remote: call.remote,
      channelType: call.channelType,
      startedAt: call.startedAt,
      answeredAt: call.answeredAt ?? call.startedAt,
      muted: call.muted,
      ...(call.soundCheck ? { soundCheck: true } : {}),
    }));
  return { agentName: state.agent.userName, sessionId: state.sessionId, calls };
}

/** Where the record lives between page loads (sessionStorage in the app: per tab, gone when the tab closes). */
export interface RecoveryStorage {
  read(): RecoveryRecord | undefined;
  /** `undefined` forgets the record (signed out). */
  write(record: RecoveryRecord | undefined): void;
}
