import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isSecondHandOutcome, type CallHistoryEntry } from './call-history-entry';

/** Past this many calls an agent's oldest are evicted: a year of a busy shift, a few MB. */
export const maxHistoryEntriesPerAgent = 10_000;

/** One database for the app; every agent who signs in on this browser has their own rows in it. */
export const callHistoryDbName = 'agent-softphone';

interface CallHistorySchema extends DBSchema {
  calls: {
    /** [agent, call id]: two agents in one browser profile never overwrite each other's call. */
    key: [string, string];
    value: CallHistoryEntry;
    indexes: { 'by-agent-ended': [string, number] };
  };
  /** Per agent, up to when the agent has seen their missed calls (opened the history). */
  views: { key: string; value: { agent: string; missedSeenUntil: number } };
}

export interface CallHistoryDb {
  /**
   * Writes the entry and evicts the agent's oldest past the cap, in one transaction. A call already
   * recorded is replaced, except by a second-hand outcome (see isSecondHandOutcome).
   */
  record(entry: CallHistoryEntry): Promise<void>;
  /** The agent's calls, newest first. */
  list(agent: string): Promise<CallHistoryEntry[]>;
  /** The agent's `count` newest calls, newest first: what the list shows while the rest is read. */
  listNewest(agent: string, count: number): Promise<CallHistoryEntry[]>;
  /** The ids of the missed calls that ended after `since` (epoch ms). */
  missedIdsSince(agent: string, since: number): Promise<string[]>;
  missedSeenUntil(agent: string): Promise<number>;
  markMissedSeen(agent: string, until: number): Promise<void>;
}

export interface CallHistoryDbOptions {
  name?: string;
  maxEntriesPerAgent?: number;
}

const agentRange = (agent: string, after = -Infinity, includingAfter = false) =>
  IDBKeyRange.bound([agent, after], [agent, Infinity], !includingAfter, false);

/**
 * Rows per read of a whole list. Chromium deserializes a read's rows on the page's main thread: 10,000 at once
 * hold it for 100-250 ms; a thousand at a time, with the event loop free between reads, never long enough to
 * stall scrolling.
 */
const listPageSize = 1_000;

/**
 * The call history in IndexedDB (through `idb`). Opened on first use, and opened again after a failure, so
 * a browser that refuses storage (a private window, storage turned off) fails each use with its own error
 * instead of failing once at start and never recovering. Nothing here catches: callers decide what the
 * agent is told.
 */
export function openCallHistoryDb({ name = callHistoryDbName, maxEntriesPerAgent = maxHistoryEntriesPerAgent }: CallHistoryDbOptions = {}): CallHistoryDb {
  let opening: Promise<IDBPDatabase<CallHistorySchema>> | undefined;

  function database() {
    opening ??= openDB<CallHistorySchema>(name, 1, {
      upgrade(db) {
        const calls = db.createObjectStore('calls', { keyPath: ['agent', 'id'] });
        calls.createIndex('by-agent-ended', ['agent', 'endedAt']);
        db.createObjectStore('views', { keyPath: 'agent' });
      },
      // Another tab of a newer release wants to upgrade the schema: let it, and reopen on the next use.
      blocking() {
        void opening?.then((db) => db.close());
        opening = undefined;
      },
      terminated() {
        opening = undefined;
      },
    }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  }

  return {
    async record(entry) {
      const db = await database();
      const tx = db.transaction('calls', 'readwrite');
      const existing = await tx.store.get([entry.agent, entry.id]);
      if (!existing || !isSecondHandOutcome(entry)) await tx.store.put(entry);
      const byEnd = tx.store.index('by-agent-ended');
      let excess = (await byEnd.count(agentRange(entry.agent))) - maxEntriesPerAgent;
      // Oldest first: the index orders an agent's calls by when they ended.
      let cursor = excess > 0 ? await byEnd.openCursor(agentRange(entry.agent)) : null;
      while (cursor && excess > 0) {
        await cursor.delete();
        excess -= 1;
        cursor = await cursor.continue();
      }
      await tx.done;
    },

    async list(agent) {
      const db = await database();
      const oldestFirst: CallHistoryEntry[] = [];
      const seen = new Set<string>();
      const keep = (rows: CallHistoryEntry[]) => {
        for (const row of rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          oldestFirst.push(row);
        }
      };
      // Pages in end order. Each next page starts at the last end instant read (calls sharing it are met
      // twice and kept once), so none is skipped; a page that is one instant from end to end is read whole.
      let from = -Infinity;
      let includingFrom = false;
      for (;;) {
        const page = await db.getAllFromIndex('calls', 'by-agent-ended', agentRange(agent, from, includingFrom), listPageSize);
        keep(page);
        const first = page[0];
        const last = page.at(-1);
        if (page.length < listPageSize || !first || !last) break;
        if (first.endedAt === last.endedAt) {
          keep(await db.getAllFromIndex('calls', 'by-agent-ended', IDBKeyRange.only([agent, last.endedAt])));
          includingFrom = false;
        } else includingFrom = true;
        from = last.endedAt;
      }
      return oldestFirst.reverse();
    },

    async listNewest(agent, count) {
      const db = await database();
      const newest: CallHistoryEntry[] = [];
      let cursor = await db.transaction('calls').store.index('by-agent-ended').openCursor(agentRange(agent), 'prev');
      while (cursor && newest.length < count) {
        newest.push(cursor.value);
        if (newest.length < count) cursor = await cursor.continue();
      }
      return newest;
    },


    async missedIdsSince(agent, since) {
      const db = await database();
      const recent = await db.getAllFromIndex('calls', 'by-agent-ended', agentRange(agent, since));
      return recent.filter((entry) => entry.missed).map((entry) => entry.id);
    },

    async missedSeenUntil(agent) {
      const db = await database();
      return (await db.get('views', agent))?.missedSeenUntil ?? 0;
    },

    async markMissedSeen(agent, until) {
      const db = await database();
      await db.put('views', { agent, missedSeenUntil: until });
    },
  };
}
