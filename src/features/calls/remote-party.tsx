import { formatRemoteParty } from '@/lib/dial-target';
import type { Call } from '@/store/softphone-state';

/** Caller or callee: a phone number in E.164 (what QA and CRM lookups match on) with a readable form beside it. */
export function RemoteParty({ call, className }: { call: Pick<Call, 'remote' | 'channelType'>; className?: string }) {
  const party = formatRemoteParty(call.remote, call.channelType);
  return (
    <p className={className}>
      <span className="text-2xl font-semibold text-slate-900">{party.e164 ?? party.label}</span>
      {party.e164 && party.label !== party.e164 && <span className="ml-2 text-sm text-slate-500">{party.label}</span>}
      {call.channelType === 'app' && <span className="ml-2 text-sm text-slate-500">(agent)</span>}
    </p>
  );
}
