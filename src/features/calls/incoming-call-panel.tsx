import { useId } from 'react';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { selectCurrentCall, selectHeldCall, selectIncomingCall, selectIsTalking, selectWaitingInviteCount } from '@/store/selectors';
import { AutoAnswerCountdown } from './auto-answer-countdown';
import { RemoteParty } from './remote-party';
import { useIsRingerTab } from './use-is-ringer-tab';

export function IncomingCallPanel() {
  const call = useSoftphone(selectIncomingCall);
  const waiting = useSoftphone(selectWaitingInviteCount);
  // Call waiting: the agent is on another call, and answers this one by holding or ending that one.
  const busy = useSoftphone(selectIsTalking);
  const alreadyHolding = useSoftphone((state) => selectHeldCall(state) !== undefined);
  // Only a connected call can be held: a call still being placed can only be ended.
  const canHoldCurrent = useSoftphone((state) => selectCurrentCall(state)?.state === 'active');
  const ringerTab = useIsRingerTab();
  const hintId = useId();
  const { answer, reject, holdAndAnswer, endAndAnswer } = useSoftphoneActions();
  if (!call) return null;
  const answering = call.state === 'answering';
  const ringsElsewhere = call.state === 'ringing' && !ringerTab;
  const othersWaiting = waiting - (call.state === 'ringing' ? 1 : 0);

  return (
    <Panel label="Incoming call" tone="ringing">
      <RemoteParty call={call} />
      <p className="mt-1 text-sm text-slate-600">{answering ? 'Connecting…' : 'Ringing'}</p>
      {ringsElsewhere && (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          The ringtone plays in another of your softphone tabs. You can answer here too.
        </p>
      )}
      {othersWaiting > 0 && <p className="mt-1 text-sm text-slate-600">{othersWaiting} more waiting</p>}
      {busy && !answering && (
        <p className="mt-1 text-sm text-amber-700">
          {alreadyHolding ? 'You already have a call on hold: end the current call to answer this one.' : 'You are on a call: hold it or end it to answer this one.'}
        </p>
      )}
      {call.autoAnswerAt !== undefined && call.state === 'ringing' && <AutoAnswerCountdown at={call.autoAnswerAt} />}
      {call.error && <MessageAlert message={call.error} />}
      <div className="mt-4 flex flex-wrap gap-3">
        {busy && !answering ? (
          <>
            {!alreadyHolding && canHoldCurrent && (
              <Button variant="answer" onClick={() => void holdAndAnswer(call.id)} disabled={call.rejectPending}>
                Hold and answer
              </Button>
            )}
            <Button variant="answer" onClick={() => void endAndAnswer(call.id)} disabled={call.rejectPending}>
              End and answer
            </Button>
          </>
        ) : (
          <Button
            variant="answer"
            onClick={() => void answer(call.id)}
            disabled={answering || call.rejectPending}
            aria-describedby={ringsElsewhere ? hintId : undefined}
          >
            Answer
          </Button>
        )}
        <Button variant="danger" onClick={() => void reject(call.id)} disabled={answering || call.rejectPending}>
          Reject
        </Button>
      </div>
    </Panel>
  );
}
