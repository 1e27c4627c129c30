import { describe, expect, it } from 'vitest';
import { defaultChoices, parseDeviceChoices, readDeviceChoices, writeDeviceChoices } from './device-choices-storage';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

describe('device choices in storage', () => {
  it('are kept per agent', () => {
    const storage = memoryStorage();
    writeDeviceChoices(storage, 'Jane', { microphone: 'mic-1', speaker: 'out-1', ringer: 'out-2' });
    expect(readDeviceChoices(storage, 'Jane')).toEqual({ microphone: 'mic-1', speaker: 'out-1', ringer: 'out-2' });
    expect(readDeviceChoices(storage, 'Joe')).toEqual(defaultChoices);
  });

  it('read anything malformed as the system default, field by field', () => {
    expect(parseDeviceChoices('not json')).toEqual(defaultChoices);
    expect(parseDeviceChoices('null')).toEqual(defaultChoices);
    expect(parseDeviceChoices(JSON.stringify({ microphone: 42, speaker: 'out-1', ringer: 'x'.repeat(1000) }))).toEqual({
      microphone: '',
      speaker: 'out-1',
      ringer: '',
    });
  });

  it('survive a browser that forbids storage', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(readDeviceChoices(throwing, 'Jane')).toEqual(defaultChoices);
    expect(() => writeDeviceChoices(throwing, 'Jane', defaultChoices)).not.toThrow();
  });
});
