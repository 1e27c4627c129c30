import { describe, expect, it } from 'vitest';
import { agentPreferencesStorage, parseAgentPreferences } from './agent-preferences-storage';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('agentPreferencesStorage', () => {
  it('keeps each agent’s settings apart, whatever the name’s case', () => {
    const storage = agentPreferencesStorage(new MemoryStorage());
    storage.write('Jane', { availability: 'away', wrapUpSeconds: 30, autoAnswerSeconds: 2 });
    storage.write('Joe', { availability: 'available', wrapUpSeconds: 0 });
    expect(storage.read('jane')).toEqual({ availability: 'away', wrapUpSeconds: 30, autoAnswerSeconds: 2 });
    expect(storage.read('Joe')).toEqual({ availability: 'available', wrapUpSeconds: 0 });
    expect(storage.read('Ann')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown availability', '{"availability":"busy","wrapUpSeconds":0}'],
    ['a wrap-up out of range', '{"availability":"away","wrapUpSeconds":100000}'],
    ['a fractional auto-answer delay', '{"availability":"away","wrapUpSeconds":0,"autoAnswerSeconds":1.5}'],
    ['an array', '[]'],
  ])('ignores a record with %s', (_what, raw) => {
    expect(parseAgentPreferences(raw)).toBeUndefined();
  });

  it('keeps working where storage throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const storage = agentPreferencesStorage(throwing);
    expect(() => storage.write('Jane', { availability: 'away', wrapUpSeconds: 0 })).not.toThrow();
    expect(storage.read('Jane')).toBeUndefined();
  });
});
