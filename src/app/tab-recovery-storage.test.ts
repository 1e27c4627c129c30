import { describe, expect, it } from 'vitest';
import type { RecoveryRecord } from '@/store/recovery-record';
import { parseRecoveryRecord, tabRecoveryStorage } from './tab-recovery-storage';

const record: RecoveryRecord = {
  agentName: 'Jane',
  sessionId: 'sess-1',
  calls: [{ callId: 'LEG-1', direction: 'inbound', remote: '447700900001', channelType: 'phone', startedAt: 1, answeredAt: 2, muted: true }],
};

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('the recovery record in sessionStorage', () => {
  it('reads back what it wrote, and forgets it', () => {
    const storage = tabRecoveryStorage(new MemoryStorage());
    storage.write(record);
    expect(storage.read()).toEqual(record);
    storage.write(undefined);
    expect(storage.read()).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '"Jane"'],
    ['no session', JSON.stringify({ ...record, sessionId: '' })],
    ['a call without an id', JSON.stringify({ ...record, calls: [{ ...record.calls[0], callId: 5 }] })],
    ['an unknown channel', JSON.stringify({ ...record, calls: [{ ...record.calls[0], channelType: 'pigeon' }] })],
    ['a bad instant', JSON.stringify({ ...record, calls: [{ ...record.calls[0], answeredAt: 'yesterday' }] })],
  ])('ignores a record that is %s', (_what, raw) => {
    expect(parseRecoveryRecord(raw)).toBeUndefined();
  });

  it('keeps a sound check a sound check', () => {
    const storage = tabRecoveryStorage(new MemoryStorage());
    const soundCheck: RecoveryRecord = {
      ...record,
      calls: [{ callId: 'LEG-2', direction: 'outbound', remote: 'Sound check', channelType: 'app', startedAt: 1, answeredAt: 2, muted: false, soundCheck: true }],
    };
    storage.write(soundCheck);
    expect(storage.read()).toEqual(soundCheck);
  });

  it('works without storage (disabled by the browser), and when storage throws', () => {
    expect(tabRecoveryStorage(undefined).read()).toBeUndefined();
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const storage = tabRecoveryStorage(throwing);
    expect(() => storage.write(record)).not.toThrow();
    expect(storage.read()).toBeUndefined();
  });
});
