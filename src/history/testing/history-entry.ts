import type { CallHistoryEntry } from '../call-history-entry';

/** A stored entry: an answered inbound phone call of Jane's unless the test says otherwise. */
export function historyEntry(id: string, endedAt: number, overrides: Partial<CallHistoryEntry> = {}): CallHistoryEntry {
  return {
    id,
    agent: 'Jane',
    direction: 'inbound',
    remote: '447700900123',
    channelType: 'phone',
    startedAt: endedAt - 10_000,
    answeredAt: endedAt - 8_000,
    endedAt,
    durationSeconds: 8,
    endReason: 'remote-hangup',
    outcome: 'The caller hung up.',
    missed: false,
    ...overrides,
  };
}
