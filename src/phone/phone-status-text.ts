import type { PhoneSnapshot } from '@/fake-cloud/phone-protocol';
import { formatPhoneNumber } from './format-phone-number';

export type PhoneLink = 'connecting' | 'open' | 'closed';

/** What the `status` named Phone status reads (the QA contract's words). */
export function phoneStatusText(link: PhoneLink, phone: PhoneSnapshot | undefined): string {
  if (link === 'closed') return 'Not connected to the emulator';
  if (!phone) return 'Connecting…';
  const remote = phone.remote ?? 'unknown';
  switch (phone.status) {
    case 'idle':
      return 'Ready';
    case 'calling':
      return `Calling ${remote}…`;
    case 'ringing':
      return `Ringing: call from ${remote}`;
    case 'connected':
      return `Connected to ${remote}`;
    case 'ended':
      switch (phone.outcome) {
        case 'busy':
          return 'Busy';
        case 'no-answer':
          return 'No answer';
        case 'rejected':
          return 'Call rejected';
        case 'missed':
          return `Missed call from ${remote}`;
        case 'unreachable':
          return /^\d+$/.test(remote) ? `No one answers at ${formatPhoneNumber(remote)}` : `No one answers to “${remote}”: there is no such agent`;
        case 'unavailable':
          return `${remote} is not signed in: no one answers`;
        case 'failed':
          return 'The call could not be placed';
        default:
          return 'Call ended';
      }
  }
}
