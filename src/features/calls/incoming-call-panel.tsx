import { useId } from 'react';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { selectHasCallInProgress, selectIncomingCall, selectWaitingInviteCount } from '@/store/selectors';
import { RemoteParty } from './remote-party';
import { useIsRingerTab } from './use-is-ringer-tab';

export function IncomingCallPanel() {
  const call = useSoftphone(selectIncomingCall);
  const waiting = useSoftphone(selectWaitingInviteCount);
  const busy = useSoftphone(selectHasCallInProgress);
  const ringerTab = useIsRingerTab();
  const hintId = useId();
  const { answer, reject } = useSoftphoneActions();
  if (!call) return null;
  const answering = call.state === 'answering';
  const ringsElsewhere = call.state === 'ringing' && !ringerTab;
  const othersWaiting = waiting - (call.state === 'ringing' ? 1 : 0);

  return (
    <Panel label="Incoming call" className="ring-2 ring-emerald-400">
      <RemoteParty call={call} />
      <p className="mt-1 text-sm text-slate-600">{answering ? 'Connecting…' : 'Ringing'}</p>
      {ringsElsewhere && (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          The ringtone plays in another of your softphone tabs. You can answer here too.
        </p>
      )}
      {othersWaiting > 0 && <p className="mt-1 text-sm text-slate-600">{othersWaiting} more waiting</p>}
      {busy && !answering && <p className="mt-1 text-sm text-amber-700">Hang up the current call to answer this one.</p>}
      {call.error && <MessageAlert message={call.error} />}
      <div className="mt-4 flex gap-3">
        <Button
          variant="answer"
          onClick={() => void answer(call.id)}
          disabled={answering || busy || call.rejectPending}
          aria-describedby={ringsElsewhere ? hintId : undefined}
        >
          Answer
        </Button>
        <Button variant="danger" onClick={() => void reject(call.id)} disabled={answering || call.rejectPending}>
          Reject
        </Button>
      </div>
    </Panel>
  );
}
