import { useId } from 'react';
import { Button } from '@/components/button';
import { UntrustedText } from '@/components/untrusted-text';
import { cn } from '@/lib/cn';
import { formatDuration } from '@/lib/format-duration';
import type { CallHistoryEntry } from '@/history/call-history-entry';
import { LazyCallDetails } from '@/features/call-details/lazy-call-details';
import { callBackTarget } from './call-back-target';
import { formattedPartyOf } from './formatted-party';

const startFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function kindOf(entry: CallHistoryEntry) {
  if (entry.missed) return 'Missed call';
  return entry.direction === 'inbound' ? 'Incoming call' : 'Outgoing call';
}

function Party({ entry }: { entry: CallHistoryEntry }) {
  const party = formattedPartyOf(entry);
  if (party.e164) return <>{party.label.shown}</>;
  if (party.unknown) return <span className="font-normal italic text-slate-600">{party.label.shown}</span>;
  return (
    <>
      <UntrustedText text={party.label.full} what={entry.direction === 'inbound' ? 'caller ID' : 'number or name'} />
      {entry.channelType === 'app' && <span className="ml-2 text-sm font-normal text-slate-500">(agent)</span>}
    </>
  );
}

export interface CallHistoryRowProps {
  entry: CallHistoryEntry;
  /** Why no call can be placed now (a call in progress): the id of the sentence that says so. */
  callBackBlockedBy?: string;
  onCallBack(target: string): void;
}

/** One past call: kind, other party, start, talk time and outcome in words, and Call back. */
export function CallHistoryRow({ entry, callBackBlockedBy, onCallBack }: CallHistoryRowProps) {
  const target = callBackTarget(entry);
  const noTargetId = useId();
  return (
    <div className="flex items-start justify-between gap-3 border-b border-slate-100 py-3 pr-1">
      <div className="min-w-0">
        <p className="wrap-anywhere font-semibold text-slate-900">
          <Party entry={entry} />
        </p>
        <p className="text-sm text-slate-600">
          <span className={cn('font-medium', entry.missed ? 'text-rose-700' : 'text-slate-700')}>{kindOf(entry)}</span>
          {' · '}
          <time dateTime={new Date(entry.startedAt).toISOString()}>{startFormat.format(entry.startedAt)}</time>
          {' · '}
          {entry.answeredAt === undefined ? 'Not answered' : `Talk time ${formatDuration(entry.durationSeconds * 1000)}`}
        </p>
        <p className="text-sm text-slate-700">{entry.outcome}</p>
        {/* A dial that never got a call id from the SDK (dial-N) has no conversation to show. */}
        {!/^dial-\d+$/.test(entry.id) && <LazyCallDetails callId={entry.id} />}
        {target === undefined && (
          <p id={noTargetId} className="text-sm text-slate-500">
            No number to call back.
          </p>
        )}
      </div>
      <Button
        variant="secondary"
        className="shrink-0"
        disabled={target === undefined || callBackBlockedBy !== undefined}
        aria-describedby={target === undefined ? noTargetId : callBackBlockedBy}
        onClick={() => target !== undefined && onCallBack(target)}
      >
        Call back
      </Button>
    </div>
  );
}
