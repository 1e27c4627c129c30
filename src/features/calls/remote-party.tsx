import type { ReactNode } from 'react';
import { UntrustedText } from '@/components/untrusted-text';
import { cn } from '@/lib/cn';
import { formatRemoteParty } from '@/lib/dial-target';
import type { Call } from '@/store/softphone-state';

/**
 * Caller or callee: a phone number in E.164 (what QA and CRM lookups match on) with a readable form beside it.
 * Any other caller ID is someone else's text, shown isolated and capped; an empty one reads *Unknown caller*.
 */
export function RemoteParty({
  call,
  className,
}: {
  call: Pick<Call, 'remote' | 'channelType' | 'direction' | 'soundCheck'>;
  className?: string;
}) {
  const party = formatRemoteParty(call.remote, call.channelType);
  let name: ReactNode;
  if (call.soundCheck) {
    // Our words (*Sound check*), not a party's.
    name = call.remote;
  } else if (party.e164) {
    name = party.e164;
  } else if (party.unknown) {
    // Our words, not the caller's: set apart from a name.
    name = <span className="font-normal italic text-slate-600">{party.label.shown}</span>;
  } else {
    name = <UntrustedText text={party.label.full} what={call.direction === 'inbound' ? 'caller ID' : 'number or name'} />;
  }
  return (
    <p className={cn('wrap-anywhere', className)}>
      <span className="text-2xl font-semibold text-slate-900">{name}</span>
      {party.e164 && party.label.shown !== party.e164 && <span className="ml-2 text-sm text-slate-500">{party.label.shown}</span>}
      {call.channelType === 'app' && !call.soundCheck && <span className="ml-2 text-sm text-slate-500">(agent)</span>}
    </p>
  );
}
