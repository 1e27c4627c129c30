import type { StoreApi } from 'zustand/vanilla';
import type { Call, SoftphoneState } from '@/store/softphone-state';
import { historyEntryOf, type CallHistoryEntry } from './call-history-entry';

export interface EndedCallSink {
  /** Writes one entry; may reject (no storage, quota). */
  record(entry: CallHistoryEntry): Promise<void>;
  /** The entry is stored. */
  recorded?(entry: CallHistoryEntry): void;
  /** The entry could not be stored; the recorder goes on with the next call. */
  failed(error: unknown, entry: CallHistoryEntry): void;
}

/** All the recorder needs of the softphone store: its state and its changes. */
export type SoftphoneStateSource = Pick<StoreApi<SoftphoneState>, 'getState' | 'subscribe'>;

/** The sound check is a call to the backend's echo, not to anyone: it has no place in the history. */
const belongsInHistory = (call: Call) => !call.soundCheck;

/** The ids a call has gone by: a dial is known by the store's own id until the SDK gives its call id. */
const idsOf = (call: Call) => (call.localId === undefined ? [call.id] : [call.id, call.localId]);

/**
 * Records every call of the store in the agent's history the moment it ends, exactly once per call id: from
 * the state change that ends it, so the store may drop ended calls at once. A call that is ended under the
 * dial's own id and renamed afterwards (the SDK's id arrives late) is the same call, and is not recorded
 * again. Calls still open when sign-out clears the store (the SDK did not confirm their hangup in time) are
 * recorded as ended by the sign-out. Writes never throw into the store: a failure goes to `sink.failed`.
 * Returns the unsubscribe function.
 */
export function recordEndedCalls(store: SoftphoneStateSource, sink: EndedCallSink, now: () => number = Date.now): () => void {
  const recorded = new Set<string>();
  let agent = store.getState().agent?.userName;

  function write(call: Call, agentName: string) {
    for (const id of idsOf(call)) recorded.add(id);
    const entry = historyEntryOf(call, agentName);
    // Deferred to a promise so that neither a synchronous throw nor a rejection reaches the store's dispatch.
    Promise.resolve()
      .then(() => sink.record(entry))
      .then(
        () => sink.recorded?.(entry),
        (error: unknown) => sink.failed(error, entry),
      );
  }

  function onChange(state: SoftphoneState, previous: SoftphoneState) {
    const agentName = state.agent?.userName ?? previous.agent?.userName ?? agent;
    agent = state.agent?.userName ?? agent;
    if (agentName === undefined) return;

    for (const call of Object.values(state.calls)) {
      if (call.state !== 'ended' || !belongsInHistory(call)) continue;
      if (idsOf(call).some((id) => recorded.has(id))) {
        for (const id of idsOf(call)) recorded.add(id);
        continue;
      }
      write(call, agentName);
    }

    const stillKnown = new Set(Object.values(state.calls).flatMap(idsOf));
    if (state.connection === 'signed-out') {
      for (const call of Object.values(previous.calls)) {
        if (call.state === 'ended' || !belongsInHistory(call) || idsOf(call).some((id) => stillKnown.has(id) || recorded.has(id))) continue;
        write({ ...call, state: 'ended', endReason: 'signed-out', endedAt: now() }, agentName);
      }
    }
    // Only ids the store still holds can end (again): the rest are forgotten so a whole shift cannot grow memory.
    for (const id of recorded) if (!stillKnown.has(id)) recorded.delete(id);
  }

  onChange(store.getState(), store.getState());
  return store.subscribe(onChange);
}
