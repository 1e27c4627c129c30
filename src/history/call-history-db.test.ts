import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { maxHistoryEntriesPerAgent, openCallHistoryDb } from './call-history-db';
import { historyEntry } from './testing/history-entry';

let databases = 0;
/** Each test its own database: fake-indexeddb keeps them for the whole file. */
const freshName = () => `history-test-${(databases += 1)}`;

const entry = historyEntry;

describe('openCallHistoryDb', () => {
  it('lists an agent’s calls newest first, and only theirs', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    await db.record(entry('A', 1_000));
    await db.record(entry('C', 3_000));
    await db.record(entry('B', 2_000));
    await db.record(entry('J', 4_000, { agent: 'Joe' }));
    expect((await db.list('Jane')).map((call) => call.id)).toEqual(['C', 'B', 'A']);
    expect((await db.list('Joe')).map((call) => call.id)).toEqual(['J']);
    expect(await db.list('Nobody')).toEqual([]);
  });

  it('reads a long list whole, in pages, though many calls share one end instant across page boundaries', async () => {
    const name = freshName();
    const db = openCallHistoryDb({ name });
    await db.record(entry('first', 1));
    const raw = await openDB(name);
    const fill = raw.transaction('calls', 'readwrite');
    // 990 calls, then 1,200 ending in the same millisecond (more than a page), then 30 more sharing another.
    for (let i = 0; i < 990; i += 1) void fill.store.put(entry(`a-${i}`, 10 + i));
    for (let i = 0; i < 1_200; i += 1) void fill.store.put(entry(`same-${i}`, 5_000));
    for (let i = 0; i < 30; i += 1) void fill.store.put(entry(`b-${i}`, 6_000));
    void fill.store.put(entry('last', 7_000));
    await fill.done;
    raw.close();

    const all = await db.list('Jane');
    expect(all).toHaveLength(1 + 990 + 1_200 + 30 + 1);
    expect(new Set(all.map((call) => call.id)).size).toBe(all.length);
    expect(all[0]?.id).toBe('last');
    expect(all.at(-1)?.id).toBe('first');
    expect(all.every((call, i) => i === 0 || (all[i - 1]?.endedAt ?? 0) >= call.endedAt)).toBe(true);
  }, 30_000);

  it('reads the newest calls alone, newest first, for the list to show at once', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    for (const [id, at] of [['A', 1], ['B', 2], ['C', 3], ['D', 4]] as const) await db.record(entry(id, at));
    await db.record(entry('J', 9, { agent: 'Joe' }));
    expect((await db.listNewest('Jane', 2)).map((call) => call.id)).toEqual(['D', 'C']);
    expect((await db.listNewest('Jane', 10)).map((call) => call.id)).toEqual(['D', 'C', 'B', 'A']);
    expect(await db.listNewest('Nobody', 10)).toEqual([]);
  });

  it('keeps one record per call: a later write of the same call replaces it', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    await db.record(entry('A', 1_000, { outcome: 'first' }));
    await db.record(entry('A', 1_000, { outcome: 'second' }));
    expect(await db.list('Jane')).toEqual([entry('A', 1_000, { outcome: 'second' })]);
  });

  it('keeps the same call id apart for two agents of one browser', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    await db.record(entry('A', 1_000));
    await db.record(entry('A', 1_000, { agent: 'Joe' }));
    expect(await db.list('Jane')).toHaveLength(1);
    expect(await db.list('Joe')).toHaveLength(1);
  });

  it('never lets "answered on another device" from a second tab replace what the answering tab wrote', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    // The silent tab sees the answer at once; the answering tab writes when the call ends, in either order.
    await db.record(entry('A', 1_000, { endReason: 'answered-elsewhere', outcome: 'The call was answered on another device.' }));
    await db.record(entry('A', 5_000));
    await db.record(entry('B', 1_000));
    await db.record(entry('B', 1_200, { endReason: 'answered-elsewhere', outcome: 'The call was answered on another device.' }));
    expect((await db.list('Jane')).map((call) => call.endReason)).toEqual(['remote-hangup', 'remote-hangup']);
  });

  it(`evicts the agent's oldest calls past ${maxHistoryEntriesPerAgent}, in the same write, leaving other agents alone`, async () => {
    const name = freshName();
    const db = openCallHistoryDb({ name });
    await db.record(entry('joe-1', 1, { agent: 'Joe' }));
    await db.record(entry('seed', 2));
    // Filled in one transaction: ten thousand single writes would take fake-indexeddb minutes.
    const raw = await openDB(name);
    const fill = raw.transaction('calls', 'readwrite');
    for (let i = 1; i < maxHistoryEntriesPerAgent; i += 1) void fill.store.put(entry(`old-${i}`, 10 + i));
    await fill.done;
    raw.close();
    expect(await db.list('Jane')).toHaveLength(maxHistoryEntriesPerAgent);

    await db.record(entry('newest', 1_000_000));
    const jane = await db.list('Jane');
    expect(jane).toHaveLength(maxHistoryEntriesPerAgent);
    expect(jane[0]?.id).toBe('newest');
    expect(jane.some((call) => call.id === 'seed')).toBe(false);
    expect(jane.at(-1)?.id).toBe('old-1');
    expect(await db.list('Joe')).toHaveLength(1);
  }, 60_000);

  it('evicts as many as needed when the cap is lower than what is kept', async () => {
    const db = openCallHistoryDb({ name: freshName(), maxEntriesPerAgent: 2 });
    for (const [id, at] of [['A', 1], ['B', 2], ['C', 3], ['D', 4]] as const) await db.record(entry(id, at));
    expect((await db.list('Jane')).map((call) => call.id)).toEqual(['D', 'C']);
  });

  it('finds the missed calls since the agent last looked, and remembers when that was', async () => {
    const db = openCallHistoryDb({ name: freshName() });
    expect(await db.missedSeenUntil('Jane')).toBe(0);
    await db.record(entry('old-missed', 1_000, { missed: true }));
    await db.record(entry('answered', 3_000));
    await db.record(entry('new-missed', 4_000, { missed: true }));
    await db.markMissedSeen('Jane', 2_000);
    expect(await db.missedSeenUntil('Jane')).toBe(2_000);
    expect(await db.missedIdsSince('Jane', 2_000)).toEqual(['new-missed']);
    expect(await db.missedIdsSince('Jane', 0)).toEqual(['old-missed', 'new-missed']);
    expect(await db.missedSeenUntil('Joe')).toBe(0);
  });

  it('survives being opened again (a reload): the rows are in the database, not in memory', async () => {
    const name = freshName();
    await openCallHistoryDb({ name }).record(entry('A', 1_000));
    expect(await openCallHistoryDb({ name }).list('Jane')).toEqual([entry('A', 1_000)]);
  });

  it('rejects when the browser refuses storage, and tries again on the next use', async () => {
    const realOpen = indexedDB.open.bind(indexedDB);
    let refuse = true;
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      if (refuse) throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      return realOpen(...args);
    };
    try {
      const db = openCallHistoryDb({ name: freshName() });
      await expect(db.record(entry('A', 1_000))).rejects.toMatchObject({ name: 'SecurityError' });
      refuse = false;
      await db.record(entry('A', 1_000));
      expect(await db.list('Jane')).toHaveLength(1);
    } finally {
      indexedDB.open = realOpen;
    }
  });
});
