import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '@/testing/deferred';
import type { CallHistoryEntry } from './call-history-entry';
import { openCallHistoryDb, type CallHistoryDb } from './call-history-db';
import { createCallHistoryStore, firstReadCount } from './call-history-store';
import { historyEntry } from './testing/history-entry';

let databases = 0;
const freshDb = () => openCallHistoryDb({ name: `history-store-test-${(databases += 1)}` });

/** A missed call unless the test says otherwise. */
const entry = (id: string, endedAt: number, overrides: Partial<CallHistoryEntry> = {}) =>
  historyEntry(id, endedAt, { answeredAt: undefined, durationSeconds: 0, endReason: 'remote-cancel', outcome: 'The caller hung up before you answered.', missed: true, ...overrides });

const ids = (entries: readonly CallHistoryEntry[] | undefined) => entries?.map((candidate) => candidate.id);

describe('createCallHistoryStore', () => {
  it('counts the missed calls the agent has not seen, from the database at sign-in and as calls end', async () => {
    const db = freshDb();
    await db.record(entry('seen', 1_000));
    await db.markMissedSeen('Jane', 2_000);
    await db.record(entry('unseen', 3_000));
    await db.record(entry('answered', 4_000, { missed: false }));
    const history = createCallHistoryStore({ db, now: () => 10_000 });
    const { actions } = history.getState();

    actions.agentChanged('Jane');
    await vi.waitFor(() => expect(history.getState().missedUnseen).toBe(1));
    actions.entryRecorded(entry('unseen', 3_000));
    actions.entryRecorded(entry('later', 5_000));
    actions.entryRecorded(entry('answered-later', 6_000, { missed: false }));
    expect(history.getState().missedUnseen).toBe(2);
  });

  it('clears the count when the agent opens the history, and remembers that across reloads', async () => {
    const db = freshDb();
    await db.record(entry('missed', 3_000));
    const history = createCallHistoryStore({ db, now: () => 10_000 });
    history.getState().actions.agentChanged('Jane');
    await vi.waitFor(() => expect(history.getState().missedUnseen).toBe(1));

    history.getState().actions.setExpanded(true);
    expect(history.getState().missedUnseen).toBe(0);
    await vi.waitFor(async () => expect(await db.missedSeenUntil('Jane')).toBe(10_000));

    // While the list is open, a new missed call is seen as it lands.
    history.getState().actions.entryRecorded(entry('while-open', 11_000));
    expect(history.getState().missedUnseen).toBe(0);

    await vi.waitFor(async () => expect(await db.missedSeenUntil('Jane')).toBe(11_000));
    await db.record(entry('while-open', 11_000));
    await db.record(entry('after-reload', 12_000));
    const afterReload = createCallHistoryStore({ db, now: () => 20_000 });
    afterReload.getState().actions.agentChanged('Jane');
    await vi.waitFor(() => expect(afterReload.getState().missedUnseen).toBe(1));
  });

  it('reads the list when the region first opens, newest first, and adds calls as they end', async () => {
    const db = freshDb();
    await db.record(entry('A', 1_000));
    await db.record(entry('B', 2_000));
    const history = createCallHistoryStore({ db, now: () => 10_000 });
    const { actions } = history.getState();
    actions.agentChanged('Jane');
    expect(history.getState().entries).toBeUndefined();

    actions.setExpanded(true);
    // Ends while the list is being read: it is shown once the read answers, whatever the read saw.
    actions.entryRecorded(entry('C', 3_000));
    await vi.waitFor(() => expect(ids(history.getState().entries)).toEqual(['C', 'B', 'A']));

    actions.entryRecorded(entry('D', 4_000));
    actions.entryRecorded(entry('B', 2_000, { outcome: 'replaced' }));
    expect(ids(history.getState().entries)).toEqual(['D', 'C', 'B', 'A']);
    expect(history.getState().entries?.[2]?.outcome).toBe('replaced');
  });

  it('shows the newest calls at once and the rest once read, with calls that end meanwhile', async () => {
    const db = freshDb();
    for (let i = 0; i < firstReadCount + 10; i += 1) await db.record(entry(`C-${i}`, 1_000 + i, { missed: false }));
    const rest = deferred<undefined>();
    const slowRest: CallHistoryDb = {
      ...db,
      async list(agent) {
        await rest.promise;
        return db.list(agent);
      },
    };
    const history = createCallHistoryStore({ db: slowRest, now: () => 10_000 });
    const { actions } = history.getState();
    actions.agentChanged('Jane');
    actions.setExpanded(true);
    await vi.waitFor(() => expect(history.getState().entries).toHaveLength(firstReadCount + 1));
    expect(history.getState().readingRest).toBe(true);
    expect(history.getState().entries?.[0]?.id).toBe(`C-${firstReadCount + 9}`);

    actions.entryRecorded(entry('NEW', 9_000, { missed: false }));
    expect(history.getState().entries?.[0]?.id).toBe('NEW');
    rest.resolve(undefined);
    await vi.waitFor(() => expect(history.getState().readingRest).toBe(false));
    expect(history.getState().entries).toHaveLength(firstReadCount + 11);
    expect(history.getState().entries?.[0]?.id).toBe('NEW');
  });

  it('starts afresh for another agent and drops answers that arrive for the previous one', async () => {
    const db = freshDb();
    await db.record(entry('JANE', 1_000));
    await db.record(entry('JOE', 1_000, { agent: 'Joe' }));
    const history = createCallHistoryStore({ db, now: () => 10_000 });
    const { actions } = history.getState();
    actions.agentChanged('Jane');
    actions.setExpanded(true);
    actions.setFilter('missed');
    actions.agentChanged(undefined);
    actions.agentChanged('Joe');
    expect(history.getState()).toMatchObject({ agent: 'Joe', expanded: false, filter: 'all', entries: undefined });
    actions.entryRecorded(entry('JANE-2', 2_000));
    actions.setExpanded(true);
    await vi.waitFor(() => expect(ids(history.getState().entries)).toEqual(['JOE']));
  });

  it('says once that history cannot be kept, and stops saying it when a write works again', () => {
    const history = createCallHistoryStore({ db: freshDb(), now: () => 0 });
    const { actions } = history.getState();
    actions.agentChanged('Jane');
    actions.writeFailed(new DOMException('full', 'QuotaExceededError'));
    const said = history.getState().storageError;
    expect(said).toBe('Your call history cannot be saved: this browser has no storage space left for it. Calls work as usual, but they are not added to your history.');
    actions.writeFailed(new DOMException('denied', 'SecurityError'));
    expect(history.getState().storageError).toBe(said);
    actions.entryRecorded(entry('A', 1));
    expect(history.getState().storageError).toBeUndefined();
  });

  it('says so when the history cannot be read, and reads again on the next opening', async () => {
    const db = freshDb();
    let refuse = true;
    const failing: CallHistoryDb = {
      ...db,
      listNewest: (agent, count) => (refuse ? Promise.reject(new DOMException('denied', 'SecurityError')) : db.listNewest(agent, count)),
      missedSeenUntil: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    };
    const history = createCallHistoryStore({ db: failing, now: () => 0 });
    const { actions } = history.getState();
    actions.agentChanged('Jane');
    actions.setExpanded(true);
    await vi.waitFor(() =>
      expect(history.getState()).toMatchObject({
        listUnreadable: true,
        storageError:
          'Your call history cannot be opened: this browser does not let the softphone keep it (a private window, or site storage turned off). Calls work as usual, but they are not added to your history.',
      }),
    );
    // The write that fails next does not say it a second time in other words.
    actions.writeFailed(new DOMException('denied', 'SecurityError'));
    expect(history.getState().storageError).toMatch(/^Your call history cannot be opened/);
    refuse = false;
    actions.setExpanded(false);
    actions.setExpanded(true);
    await vi.waitFor(() => expect(history.getState().entries).toEqual([]));
    expect(history.getState().listUnreadable).toBeUndefined();
  });
});
