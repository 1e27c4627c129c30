import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallHistoryEntry } from './call-history-entry';
import { maxHistoryEntriesPerAgent, type CallHistoryDb } from './call-history-db';
import { historyFailureText } from './history-failure-text';

export const callHistoryFilters = ['all', 'missed', 'inbound', 'outbound'] as const;
export type CallHistoryFilter = (typeof callHistoryFilters)[number];

/** What the Call history region shows; the softphone store knows nothing of it. */
export interface CallHistoryState {
  /** The signed-in agent whose history this is. */
  agent?: string;
  /** The region is open: the agent is looking at the list. */
  expanded: boolean;
  /** The agent's calls, newest first, once read (the first time the region opens). */
  entries?: readonly CallHistoryEntry[];
  /** `entries` holds only the newest calls so far: the rest are being read. */
  readingRest?: boolean;
  filter: CallHistoryFilter;
  search: string;
  /** Missed calls since the agent last opened the history. */
  missedUnseen: number;
  /**
   * The history cannot be kept (storage refused or full), in one sentence: said once, by whichever read or
   * write found out first, and cleared when a write works again.
   */
  storageError?: string;
  /** The list could not be read: there is nothing to show until a later opening reads it. */
  listUnreadable?: boolean;
}

export interface CallHistoryActions {
  /** The softphone signed this agent in (or out: undefined). */
  agentChanged(agent: string | undefined): void;
  setExpanded(expanded: boolean): void;
  setFilter(filter: CallHistoryFilter): void;
  setSearch(search: string): void;
  /** The recorder stored an entry. */
  entryRecorded(entry: CallHistoryEntry): void;
  /** The recorder could not store an entry. */
  writeFailed(error: unknown): void;
}

export type CallHistoryStore = StoreApi<CallHistoryState & { actions: CallHistoryActions }>;

/** Read first and shown at once when the region opens (a few screens of rows); the rest follow. */
export const firstReadCount = 20;

export interface CallHistoryStoreDependencies {
  db: CallHistoryDb;
  now: () => number;
}

const initialState: CallHistoryState = { expanded: false, filter: 'all', search: '', missedUnseen: 0 };

/** Newest first, one entry per call id, capped like the database. */
function withEntry(entries: readonly CallHistoryEntry[], entry: CallHistoryEntry): readonly CallHistoryEntry[] {
  const others = entries.filter((candidate) => candidate.id !== entry.id);
  const next = [entry, ...others];
  // A call that ended before the newest one (a late write from a slow tab) goes to its place.
  if (others[0] && others[0].endedAt > entry.endedAt) next.sort((a, b) => b.endedAt - a.endedAt);
  return next.slice(0, maxHistoryEntriesPerAgent);
}

/**
 * The Call history's state: filters, search, the entries once read, the missed-calls count and write
 * failures. Reads go to IndexedDB only when needed: the missed count at sign-in, the list when the region
 * first opens; afterwards the recorder's entries are added as calls end.
 */
export function createCallHistoryStore({ db, now }: CallHistoryStoreDependencies): CallHistoryStore {
  /** Bumped on every agent change: a read that answers for the previous agent is dropped. */
  let generation = 0;
  /** Missed calls not yet seen, by id: counted once whether read from the database or just recorded. */
  let unseenMissed = new Set<string>();
  /** Recorded while the list was being read: a read that started before the write does not include them. */
  let recordedDuringRead: CallHistoryEntry[] | undefined;

  const store: CallHistoryStore = createStore<CallHistoryState & { actions: CallHistoryActions }>()(() => ({
    ...initialState,
    actions: {
      agentChanged(agent) {
        if (agent === store.getState().agent) return;
        generation += 1;
        unseenMissed = new Set();
        recordedDuringRead = undefined;
        store.setState({ ...initialState, agent, entries: undefined, readingRest: undefined, listUnreadable: undefined });
        if (agent !== undefined) void countUnseenMissed(agent, generation);
      },

      setExpanded(expanded) {
        store.setState({ expanded });
        if (!expanded) return;
        markMissedSeen(now());
        const { entries, agent } = store.getState();
        if (entries === undefined && agent !== undefined && recordedDuringRead === undefined) void readEntries(agent, generation);
      },

      setFilter(filter) {
        store.setState({ filter });
      },

      setSearch(search) {
        store.setState({ search });
      },

      entryRecorded(entry) {
        const state = store.getState();
        if (state.storageError) store.setState({ storageError: undefined });
        if (entry.agent !== state.agent) return;
        if (state.entries) store.setState({ entries: withEntry(state.entries, entry) });
        recordedDuringRead?.push(entry);
        if (!entry.missed) return;
        if (state.expanded) markMissedSeen(entry.endedAt);
        else {
          unseenMissed.add(entry.id);
          store.setState({ missedUnseen: unseenMissed.size });
        }
      },

      writeFailed(error) {
        storageFailed(error, 'saved');
      },
    },
  }));

  function storageFailed(error: unknown, failed: 'opened' | 'saved') {
    if (!store.getState().storageError) store.setState({ storageError: historyFailureText(error, failed) });
  }

  function markMissedSeen(until: number) {
    unseenMissed = new Set();
    store.setState({ missedUnseen: 0 });
    const { agent } = store.getState();
    // Where storage is refused the count simply starts again after a reload; the write error says why.
    if (agent !== undefined) db.markMissedSeen(agent, until).catch(() => undefined);
  }

  async function countUnseenMissed(agent: string, asOf: number) {
    try {
      const ids = await db.missedIdsSince(agent, await db.missedSeenUntil(agent));
      if (asOf !== generation || store.getState().expanded) return;
      for (const id of ids) unseenMissed.add(id);
      store.setState({ missedUnseen: unseenMissed.size });
    } catch (error) {
      if (asOf === generation) storageFailed(error, 'opened');
    }
  }

  /**
   * The newest calls first, shown at once, then the whole list: reading ten thousand rows takes IndexedDB the
   * better part of a second, reading forty a few milliseconds.
   */
  async function readEntries(agent: string, asOf: number) {
    recordedDuringRead = [];
    /** What was read, with the calls recorded meanwhile (a read that started before a write does not see it). */
    const withRecorded = (read: readonly CallHistoryEntry[]) => (recordedDuringRead ?? []).reduce(withEntry, read);
    try {
      // One more than shown tells whether there are more, without counting them.
      const newest = await db.listNewest(agent, firstReadCount + 1);
      if (asOf !== generation) return;
      const complete = newest.length <= firstReadCount;
      store.setState({ entries: withRecorded(newest), readingRest: !complete, listUnreadable: undefined });
      if (complete) return;
      const all = await db.list(agent);
      if (asOf !== generation) return;
      store.setState({ entries: withRecorded(all), readingRest: false });
    } catch (error) {
      if (asOf !== generation) return;
      if (store.getState().entries === undefined) store.setState({ listUnreadable: true });
      else store.setState({ readingRest: false });
      storageFailed(error, 'opened');
    } finally {
      if (asOf === generation) recordedDuringRead = undefined;
    }
  }

  return store;
}
