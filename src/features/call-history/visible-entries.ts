import type { CallHistoryEntry } from '@/history/call-history-entry';
import type { CallHistoryFilter } from '@/history/call-history-store';

const matchesFilter: Record<CallHistoryFilter, (entry: CallHistoryEntry) => boolean> = {
  all: () => true,
  missed: (entry) => entry.missed,
  inbound: (entry) => entry.direction === 'inbound',
  outbound: (entry) => entry.direction === 'outbound',
};

/** What people type around digits: "+44 (20) 7946-0018" searches for 442079460018. */
const numberPunctuation = /[\s().+-]/g;

/**
 * The calls the region lists: the filter, then the search. A search of digits (spaces, dashes, brackets and
 * '+' ignored) matches the number's digits, so "7946 0018" finds +44 20 7946 0018; anything else matches
 * the caller ID or agent name, ignoring case.
 */
export function visibleEntries(entries: readonly CallHistoryEntry[], filter: CallHistoryFilter, search: string): readonly CallHistoryEntry[] {
  const filtered = filter === 'all' ? entries : entries.filter(matchesFilter[filter]);
  const query = search.trim();
  if (query === '') return filtered;
  const digits = query.replace(numberPunctuation, '');
  if (/^\d+$/.test(digits)) return filtered.filter((entry) => entry.remote.replace(/\D/g, '').includes(digits));
  const words = query.toLocaleLowerCase();
  return filtered.filter((entry) => entry.remote.toLocaleLowerCase().includes(words));
}
