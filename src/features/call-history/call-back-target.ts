import type { CallHistoryEntry } from '@/history/call-history-entry';
import { formattedPartyOf } from './formatted-party';

/**
 * What Call back dials: the number in E.164 (caller IDs arrive as digits without '+', which the dialer
 * would read as a national number), or the agent's name. Undefined when there is nobody to call back:
 * an unknown caller, a caller ID that is not a number.
 */
export function callBackTarget(entry: Pick<CallHistoryEntry, 'remote' | 'channelType'>): string | undefined {
  const party = formattedPartyOf(entry);
  if (party.unknown) return undefined;
  if (entry.channelType === 'phone') return party.e164;
  return entry.channelType === 'app' ? party.label.full : undefined;
}
