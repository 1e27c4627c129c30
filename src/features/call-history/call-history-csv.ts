import { toCsv } from '@/history/csv';
import type { CallHistoryEntry } from '@/history/call-history-entry';
import { formattedPartyOf } from './formatted-party';

const header = ['Direction', 'Other party', 'Started', 'Answered', 'Ended', 'Talk time (s)', 'Outcome', 'Missed'];

const iso = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());

/** The calls as CSV: one row each, instants in ISO 8601 (UTC), numbers in E.164, outcomes in words. */
export function callHistoryCsv(entries: readonly CallHistoryEntry[]): string {
  return toCsv(
    header,
    entries.map((entry) => {
      const party = formattedPartyOf(entry);
      return [
        entry.direction === 'inbound' ? 'Inbound' : 'Outbound',
        party.e164 ?? party.label.full,
        iso(entry.startedAt),
        iso(entry.answeredAt),
        iso(entry.endedAt),
        entry.durationSeconds,
        entry.outcome,
        entry.missed ? 'Yes' : 'No',
      ];
    }),
  );
}

/** `call-history-Jane-2026-11-28.csv`: the agent (letters, digits, `-`, `_` only) and the local date. */
export function callHistoryFileName(agent: string, at: Date): string {
  const safeAgent = agent.normalize('NFKD').replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'agent';
  const date = [at.getFullYear(), String(at.getMonth() + 1).padStart(2, '0'), String(at.getDate()).padStart(2, '0')].join('-');
  return `call-history-${safeAgent}-${date}.csv`;
}
