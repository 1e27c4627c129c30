import { useSoftphone } from '@/store/use-softphone';
import { formatRemoteParty } from '@/lib/dial-target';
import { selectIncomingCall, selectLastEndedCall } from '@/store/selectors';
import { endReasonText } from './end-reason-text';

/**
 * Says out loud what a screen-reader user cannot see appear: a call ringing, a call ending. The text is
 * derived from the store, so it changes exactly when one of those happens.
 */
export function CallAnnouncer() {
  const incoming = useSoftphone(selectIncomingCall);
  const ended = useSoftphone(selectLastEndedCall);
  let message = '';
  if (incoming?.state === 'ringing') {
    message = `Incoming call from ${formatRemoteParty(incoming.remote, incoming.channelType).label}`;
  } else if (ended) {
    message = `Call with ${formatRemoteParty(ended.remote, ended.channelType).label} ended. ${endReasonText(ended)}`;
  }
  return (
    <div className="sr-only" aria-live="assertive" aria-atomic="true">
      {message}
    </div>
  );
}
