import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Milliseconds since the epoch; Infinity for records the provider gives no lifetime. */
  expiresAt: number;
}

/**
 * oidc-provider's storage, one Map per provider instance: a test provider's codes, sessions and grants vanish
 * with it, and two providers in one process never see each other's records (the library's own memory adapter
 * is one store per process, and warns on every start). Expired records are dropped when next read; no timers.
 */
export function createInMemoryOidcAdapter(): (name: string) => Adapter {
  const records = new Map<string, Entry>();

  return (name) => {
    const keyFor = (id: string) => `${name}:${id}`;
    const read = (id: string): AdapterPayload | undefined => {
      const entry = records.get(keyFor(id));
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= Date.now()) {
        records.delete(keyFor(id));
        return undefined;
      }
      return entry.payload;
    };
    const findWhere = async (matches: (payload: AdapterPayload) => boolean) => {
      for (const [key, entry] of records) {
        if (key.startsWith(`${name}:`) && matches(entry.payload)) return read(key.slice(name.length + 1));
      }
      return undefined;
    };

    return {
      upsert: async (id, payload, expiresIn) => {
        records.set(keyFor(id), { payload, expiresAt: expiresIn !== undefined && expiresIn > 0 ? Date.now() + expiresIn * 1000 : Infinity });
      },
      find: async (id) => read(id),
      findByUid: (uid) => findWhere((payload) => payload.uid === uid),
      findByUserCode: (userCode) => findWhere((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const payload = read(id);
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        records.delete(keyFor(id));
      },
      // The provider calls this on each token model's adapter: only that model's records go. (Revoking across
      // models also deleted the sign-in's Interaction, which carries the grantId too, so switching accounts at the
      // IdP failed with "interaction session not found".)
      revokeByGrantId: async (grantId) => {
        for (const [key, entry] of records) if (key.startsWith(`${name}:`) && entry.payload.grantId === grantId) records.delete(key);
      },
    };
  };
}
