import { useRef, useState } from 'react';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { useFocusWhenOrphaned } from '@/lib/use-focus-when-orphaned';
import { LazyCallDetails } from '@/features/call-details/lazy-call-details';
import { CallQualityStatus } from '@/features/call-quality/call-quality-status';
import { selectCurrentCall } from '@/store/selectors';
import type { Call } from '@/store/softphone-state';
import { CallTimer } from './call-timer';
import { DigitsFromCaller } from './digits-from-caller';
import { HoldStatus } from './hold-status';
import { DtmfKeypad } from './dtmf-keypad';
import { MicrophoneLevel } from './microphone-level';
import { RemoteParty } from './remote-party';
import { TransferForm } from './transfer-form';

const progress: Partial<Record<Call['state'], string>> = { dialing: 'Dialing…', ringing: 'Ringing…' };

/** "Outgoing call" while an outbound call is set up, "Active call" once connected (QA contract). */
export function CurrentCallPanel() {
  const call = useSoftphone(selectCurrentCall);
  const { hangup, toggleMute, toggleHold } = useSoftphoneActions();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const hangUpButton = useRef<HTMLButtonElement>(null);
  useFocusWhenOrphaned(hangUpButton, call?.id);
  if (!call) return null;
  const active = call.state === 'active';
  const held = call.held === true;

  return (
    <Panel label={active ? 'Active call' : 'Outgoing call'}>
      <RemoteParty call={call} />
      <div className="mt-2 flex items-center gap-3">
        {active && call.answeredAt !== undefined ? (
          <CallTimer since={call.answeredAt} />
        ) : (
          <p className="text-sm text-slate-600">{progress[call.state]}</p>
        )}
        {active && held && call.heldAt !== undefined && <HoldStatus since={call.heldAt} />}
        {active && call.muted && !held && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">Muted</span>}
      </div>
      {/* Polite and always present, so a screen reader hears the audio drop and come back. */}
      <p role="status" aria-label="Call audio" className={call.audioReconnecting ? 'mt-2 text-sm font-semibold text-amber-800' : 'sr-only'}>
        {call.audioReconnecting ? 'Reconnecting audio…' : ''}
      </p>
      {active && <CallQualityStatus callId={call.id} muted={call.muted} />}
      {active && call.soundCheck && <MicrophoneLevel callId={call.id} />}
      {active && held && (
        <p className="mt-2 text-sm text-sky-900">This call is on hold: neither of you hears the other. Resume it, or hang up.</p>
      )}
      {active && <DigitsFromCaller digits={call.digitsReceived} />}
      {call.error && <MessageAlert message={call.error} />}
      <div className="mt-4 flex flex-wrap gap-3">
        {active && (
          <Button
            variant="secondary"
            aria-pressed={call.muted}
            aria-busy={call.mutePending}
            disabled={call.mutePending || held || call.holdPending !== undefined}
            onClick={() => void toggleMute(call.id)}
          >
            Mute
          </Button>
        )}
        {active && (
          <Button
            variant="secondary"
            aria-pressed={held}
            aria-busy={call.holdPending !== undefined}
            disabled={call.holdPending !== undefined || call.hangupPending}
            onClick={() => void toggleHold(call.id)}
          >
            Hold
          </Button>
        )}
        {active && (
          <Button variant="secondary" aria-expanded={keypadOpen} onClick={() => setKeypadOpen((open) => !open)}>
            Keypad
          </Button>
        )}
        {active && (
          <Button variant="secondary" aria-expanded={transferOpen} onClick={() => setTransferOpen((open) => !open)}>
            Transfer
          </Button>
        )}
        <Button ref={hangUpButton} variant="danger" onClick={() => void hangup(call.id)} disabled={call.hangupPending}>
          Hang up
        </Button>
      </div>
      {active && keypadOpen && (
        <div className="mt-4">
          <DtmfKeypad callId={call.id} />
        </div>
      )}
      {active && transferOpen && (
        <div className="mt-4">
          <TransferForm callId={call.id} pending={call.transferPending === true} />
        </div>
      )}
      {active && <LazyCallDetails key={call.id} callId={call.id} />}
    </Panel>
  );
}
