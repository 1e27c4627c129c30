import { formatRemoteParty, type FormattedParty } from '@/lib/dial-target';
import type { CallHistoryEntry } from '@/history/call-history-entry';

/** Parsed numbers, kept: a row scrolled back into view, or shown again after a filter, is not parsed again. */
const cache = new Map<string, FormattedParty>();
const cacheLimit = 2_000;

/**
 * The other party of a past call, as formatRemoteParty reads it. Parsing a number with the full metadata
 * costs about a millisecond; a list of calls from the same few numbers pays it once per number.
 */
export function formattedPartyOf(entry: Pick<CallHistoryEntry, 'remote' | 'channelType'>): FormattedParty {
  const key = `${entry.channelType}\u0000${entry.remote}`;
  let party = cache.get(key);
  if (!party) {
    if (cache.size >= cacheLimit) cache.clear();
    party = formatRemoteParty(entry.remote, entry.channelType);
    cache.set(key, party);
  }
  return party;
}
