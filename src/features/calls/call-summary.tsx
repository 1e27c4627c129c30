import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { useRef } from 'react';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { formatDuration } from '@/lib/format-duration';
import { useFocusWhenOrphaned } from '@/lib/use-focus-when-orphaned';
import { selectEndedCallCount, selectLastEndedCall } from '@/store/selectors';
import { CallQualitySummary } from '@/features/call-quality/call-quality-summary';
import { endReasonText } from '@/store/end-reason-text';
import { RemoteParty } from './remote-party';

export function CallSummary() {
  const call = useSoftphone(selectLastEndedCall);
  const endedCount = useSoftphone(selectEndedCallCount);
  const { dismissSummary, dismissAllSummaries } = useSoftphoneActions();
  const dismissButton = useRef<HTMLButtonElement>(null);
  useFocusWhenOrphaned(dismissButton, call?.id);
  if (!call) return null;
  const talked = call.answeredAt !== undefined && call.endedAt !== undefined ? call.endedAt - call.answeredAt : undefined;

  return (
    <Panel label="Last call">
      <RemoteParty call={call} />
      <p className="mt-1 text-sm text-slate-700">
        {call.direction === 'inbound' ? 'Incoming' : 'Outgoing'} call · {endReasonText(call)}
        {talked !== undefined && ` Talk time ${formatDuration(talked)}.`}
      </p>
      <CallQualitySummary callId={call.id} />
      {call.error && <MessageAlert message={call.error} />}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button ref={dismissButton} variant="secondary" onClick={() => dismissSummary(call.id)}>
          Dismiss
        </Button>
        {/* Dismiss shows the call before; several ended calls (a busy spell, a reconnect) go in one click. */}
        {endedCount > 1 && (
          <Button variant="secondary" onClick={dismissAllSummaries}>
            Dismiss all
          </Button>
        )}
        {endedCount > 2 && <span className="text-sm text-slate-600">{endedCount - 1} earlier ended calls</span>}
        {endedCount === 2 && <span className="text-sm text-slate-600">1 earlier ended call</span>}
      </div>
    </Panel>
  );
}
