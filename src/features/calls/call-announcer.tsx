import { useSoftphone } from '@/store/use-softphone';
import { formatRemoteParty } from '@/lib/dial-target';
import { selectIncomingCall, selectLastEndedCall } from '@/store/selectors';
import type { Call } from '@/store/softphone-state';
import { endReasonText } from '@/store/end-reason-text';

/** The party as a screen reader should say it: cleaned and capped, or *Unknown caller*. */
const partyLabel = (call: Pick<Call, 'remote' | 'channelType'>) => formatRemoteParty(call.remote, call.channelType).label.shown;

/**
 * Says out loud what a screen-reader user cannot see appear: a call ringing, a call ending. The text is
 * derived from the store, so it changes exactly when one of those happens.
 */
export function CallAnnouncer() {
  const incoming = useSoftphone(selectIncomingCall);
  const ended = useSoftphone(selectLastEndedCall);
  let message = '';
  if (incoming?.state === 'ringing') {
    message = `Incoming call from ${partyLabel(incoming)}`;
  } else if (ended) {
    message = `Call with ${partyLabel(ended)} ended. ${endReasonText(ended)}`;
  }
  return (
    <div className="sr-only" aria-live="assertive" aria-atomic="true">
      {message}
    </div>
  );
}
