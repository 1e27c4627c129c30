import type { PhoneSnapshot } from '@/fake-cloud/phone-protocol';
import { formatPhoneNumber } from './format-phone-number';

export type PhoneLink = 'connecting' | 'open' | 'closed';

/** What the `status` named Phone status reads (the QA contract's words). */
export function phoneStatusText(link: PhoneLink, phone: PhoneSnapshot | undefined): string {
  if (link === 'closed') return 'Not connected to the emulator';
  if (!phone) return 'Connecting…';
  const remote = phone.remote ?? 'unknown';
  // A number (the contact center's, a caller ID) reads as people write it: +44 20 7946 0000.
  const party = /^\d+$/.test(remote) ? formatPhoneNumber(remote) : remote;
  switch (phone.status) {
    case 'idle':
      return 'Ready';
    case 'calling':
      return `Calling ${party}…`;
    case 'ringing':
      return `Ringing: call from ${party}`;
    case 'connected':
      return `Connected to ${party}`;
    case 'ended':
      switch (phone.outcome) {
        case 'busy':
          return 'Busy';
        case 'no-answer':
          return 'No answer';
        case 'rejected':
          return 'Call rejected';
        case 'missed':
          return `Missed call from ${party}`;
        case 'unreachable':
          return /^\d+$/.test(remote) ? `No one answers at ${formatPhoneNumber(remote)}` : `No one answers to “${remote}”: there is no such agent`;
        case 'unavailable':
          return `${remote} is not signed in: no one answers`;
        case 'failed':
          return phone.problem === undefined ? 'The call could not be placed' : 'Call ended: the contact center’s call flow failed';
        default:
          return 'Call ended';
      }
  }
}
