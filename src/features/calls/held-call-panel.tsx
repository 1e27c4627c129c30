import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { selectHeldCall } from '@/store/selectors';
import { HoldStatus } from './hold-status';
import { RemoteParty } from './remote-party';

/** With two calls, the one waiting on hold: Resume swaps it with the current call (QA region "On hold"). */
export function HeldCallPanel() {
  const call = useSoftphone(selectHeldCall);
  const { resume, hangup } = useSoftphoneActions();
  if (!call) return null;
  return (
    <Panel label="On hold" tone="held">
      <RemoteParty call={call} />
      <div className="mt-2">{call.heldAt !== undefined && <HoldStatus since={call.heldAt} />}</div>
      {call.error && <MessageAlert message={call.error} />}
      <div className="mt-4 flex gap-3">
        <Button variant="secondary" onClick={() => void resume(call.id)} disabled={call.holdPending !== undefined || call.hangupPending}>
          Resume
        </Button>
        <Button variant="danger" onClick={() => void hangup(call.id)} disabled={call.hangupPending}>
          Hang up
        </Button>
      </div>
    </Panel>
  );
}
