import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialSoftphoneState, type Call, type SoftphoneState } from '@/store/softphone-state';
import type { CallHistoryEntry } from './call-history-entry';
import { recordEndedCalls, type EndedCallSink, type SoftphoneStateSource } from './record-ended-calls';
import { endedCall } from './testing/ended-call';

const jane = { userName: 'Jane', userId: 'USR-jane' };

/** The softphone's state, set by hand: the recorder only reads it and follows its changes. */
function softphoneStore(state: Partial<SoftphoneState> = {}) {
  return createStore<SoftphoneState>()(() => ({ ...initialSoftphoneState, connection: 'ready', agent: jane, ...state }));
}

const withCalls = (store: SoftphoneStateSource & { setState(partial: Partial<SoftphoneState>): void }, ...calls: Call[]) =>
  store.setState({ calls: Object.fromEntries(calls.map((call) => [call.id, call])) });

/** Lets the recorder's deferred writes and their outcomes run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function memorySink() {
  const written: CallHistoryEntry[] = [];
  const sink = {
    record: vi.fn(async (entry: CallHistoryEntry) => {
      written.push(entry);
    }),
    recorded: vi.fn<(entry: CallHistoryEntry) => void>(),
    failed: vi.fn<(error: unknown, entry: CallHistoryEntry) => void>(),
  } satisfies EndedCallSink;
  return { sink, written };
}

describe('recordEndedCalls', () => {
  it('records a call once, the moment it ends, however often the state changes afterwards', async () => {
    const store = softphoneStore();
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink);

    withCalls(store, endedCall({ state: 'active', endReason: undefined, endedAt: undefined }));
    await settle();
    expect(written).toEqual([]);

    withCalls(store, endedCall());
    store.setState({ connection: 'reconnecting' });
    store.setState({ connection: 'ready' });
    await settle();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ id: 'CALL-1', agent: 'Jane', outcome: 'The caller hung up.' });
    expect(sink.recorded).toHaveBeenCalledWith(written[0]);
  });

  it('has recorded the call before the store drops it', async () => {
    const store = softphoneStore();
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink);
    withCalls(store, endedCall());
    withCalls(store);
    await settle();
    expect(written.map((entry) => entry.id)).toEqual(['CALL-1']);
  });

  it('records a dial ended under the store’s own id once, though the SDK’s call id arrives afterwards', async () => {
    const store = softphoneStore();
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink);
    const dial = endedCall({ id: 'dial-1', localId: 'dial-1', direction: 'outbound', answeredAt: undefined, endReason: 'signed-out' });
    withCalls(store, dial);
    withCalls(store, { ...dial, id: 'LEG-9' });
    await settle();
    expect(written.map((entry) => entry.id)).toEqual(['dial-1']);
  });

  it('records calls that were already ended when it started, and leaves out the sound check', async () => {
    const store = softphoneStore();
    withCalls(store, endedCall({ id: 'A' }), endedCall({ id: 'ECHO', soundCheck: true, direction: 'outbound' }));
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink);
    await settle();
    expect(written.map((entry) => entry.id)).toEqual(['A']);
  });

  it('records, as ended by the sign-out, calls that sign-out cleared while still open', async () => {
    const store = softphoneStore();
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink, () => 99_000);
    withCalls(store, endedCall({ id: 'RINGING', state: 'ringing', answeredAt: undefined, endReason: undefined, endedAt: undefined }), endedCall({ id: 'DONE' }));
    await settle();
    store.setState({ ...initialSoftphoneState });
    await settle();
    expect(written).toEqual([
      expect.objectContaining({ id: 'DONE', agent: 'Jane' }),
      expect.objectContaining({ id: 'RINGING', agent: 'Jane', endReason: 'signed-out', endedAt: 99_000, missed: true, outcome: 'You signed out.' }),
    ]);
  });

  it('reports a failed write without throwing into the store, and goes on with the next call', async () => {
    const store = softphoneStore();
    const failed = vi.fn();
    const record = vi
      .fn<(entry: CallHistoryEntry) => Promise<void>>()
      .mockImplementationOnce(() => {
        throw new DOMException('quota', 'QuotaExceededError');
      })
      .mockResolvedValue(undefined);
    recordEndedCalls(store, { record, failed });
    expect(() => withCalls(store, endedCall({ id: 'A' }))).not.toThrow();
    await settle();
    withCalls(store, endedCall({ id: 'A' }), endedCall({ id: 'B' }));
    await settle();
    expect(record.mock.calls.map(([entry]) => entry.id)).toEqual(['A', 'B']);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0]?.[0]).toMatchObject({ name: 'QuotaExceededError' });
  });

  it('stops with the function it returns', async () => {
    const store = softphoneStore();
    const { sink, written } = memorySink();
    recordEndedCalls(store, sink)();
    withCalls(store, endedCall());
    await settle();
    expect(written).toEqual([]);
  });
});
