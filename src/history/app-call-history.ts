import { openCallHistoryDb } from './call-history-db';
import { createCallHistoryStore } from './call-history-store';
import { recordEndedCalls, type SoftphoneStateSource } from './record-ended-calls';

const db = openCallHistoryDb();

/**
 * The app's one call history. A module instance rather than a React context: the recorder starts with the
 * softphone store in main.tsx, long before the lazily loaded workspace that shows it, and both load this
 * module, so they share it. Tests build their own with createCallHistoryStore.
 */
export const appCallHistory = createCallHistoryStore({ db, now: Date.now });

/** Keeps the history on the signed-in agent and records every call that ends. Returns the stop function. */
export function startCallHistory(softphone: SoftphoneStateSource): () => void {
  const { actions } = appCallHistory.getState();
  actions.agentChanged(softphone.getState().agent?.userName);
  // Before the recorder: at sign-out the history leaves the agent first, then the last calls are written.
  const stopFollowing = softphone.subscribe((state) => actions.agentChanged(state.agent?.userName));
  const stopRecording = recordEndedCalls(softphone, {
    record: (entry) => db.record(entry),
    recorded: actions.entryRecorded,
    failed: actions.writeFailed,
  });
  return () => {
    stopFollowing();
    stopRecording();
  };
}
