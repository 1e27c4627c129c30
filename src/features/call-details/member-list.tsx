import { UntrustedText } from '@/components/untrusted-text';
import { cn } from '@/lib/cn';
import type { ConversationMember, MemberState } from '@/voice/conversation-details';

const stateText: Record<MemberState, string> = { INVITED: 'Invited', JOINED: 'Joined', LEFT: 'Left', UNKNOWN: 'State unknown' };
const stateStyle: Record<MemberState, string> = {
  INVITED: 'bg-amber-100 text-amber-900',
  JOINED: 'bg-emerald-100 text-emerald-900',
  LEFT: 'bg-slate-200 text-slate-800',
  UNKNOWN: 'bg-slate-200 text-slate-800',
};
const channelText: Record<string, string> = { app: 'agent', phone: 'phone', pstn: 'phone', sip: 'SIP', websocket: 'WebSocket' };

export function MemberList({ members }: { members: readonly ConversationMember[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">
        Members
      </h3>
      {members.length === 0 ? (
        <p className="text-sm text-slate-600">No members yet.</p>
      ) : (
        <ul aria-label="Members" className="mt-1 grid gap-1">
          {members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
              <UntrustedText text={member.name} what="member name" className="font-medium" />
              {member.displayName && member.displayName !== member.name && (
                <span className="text-slate-600">
                  (<UntrustedText text={member.displayName} what="display name" />)
                </span>
              )}
              {member.channelType && <span className="text-slate-600">({channelText[member.channelType] ?? member.channelType})</span>}
              <span className={cn('rounded px-2 py-0.5 text-xs font-semibold', stateStyle[member.state])}>{stateText[member.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
