import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { useRef } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { formatDuration } from '@/lib/format-duration';
import { useFocusWhenOrphaned } from '@/lib/use-focus-when-orphaned';
import { selectLastEndedCall } from '@/store/selectors';
import { endReasonText } from './end-reason-text';
import { RemoteParty } from './remote-party';

export function CallSummary() {
  const call = useSoftphone(selectLastEndedCall);
  const { dismissSummary } = useSoftphoneActions();
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
      {call.error && <Alert>{call.error}</Alert>}
      <Button ref={dismissButton} variant="secondary" className="mt-3" onClick={() => dismissSummary(call.id)}>
        Dismiss
      </Button>
    </Panel>
  );
}
