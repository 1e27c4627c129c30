// Call quality readings, per call, in their own small store (not the softphone reducer's business): what the
// active call panel shows while the call runs, and the MOS the ended call's summary shows.
import { create } from 'zustand';
import type { QualityLevel } from './e-model';

export interface CallQuality {
  /** The latest estimate from the call's own stats (E-model), once two samples exist. */
  mos?: number;
  level?: QualityLevel;
  /** The cloud's own MOS for the call (the SDK's callHangup quality), when it sent one. */
  cloudMos?: number;
  /** The microphone has sent digital silence for a while, unmuted. */
  microphoneSilent: boolean;
  /** The agent has been talking for a while with the call muted. */
  talkingWhileMuted: boolean;
}

interface CallQualityState {
  calls: Record<string, CallQuality>;
  update(callId: string, change: Partial<CallQuality>): void;
}

/** Ended calls whose reading is kept for their summary; older ones are forgotten. */
const callsKept = 20;

const empty: CallQuality = { microphoneSilent: false, talkingWhileMuted: false };

export const useCallQualityStore = create<CallQualityState>()((set) => ({
  calls: {},
  update: (callId, change) =>
    set((state) => {
      const entries = Object.entries({ ...state.calls, [callId]: { ...empty, ...state.calls[callId], ...change } });
      return { calls: Object.fromEntries(entries.slice(-callsKept)) };
    }),
}));

export const selectCallQuality = (callId: string) => (state: CallQualityState) => state.calls[callId];

/** The figure an ended call's summary shows: the cloud's when it gave one, else the last estimate. */
export function finalMos(quality: CallQuality | undefined): number | undefined {
  return quality?.cloudMos ?? quality?.mos;
}
