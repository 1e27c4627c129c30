import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { useNow } from '@/lib/use-now';
import { selectAgent, selectAutoReconnect, selectConnection, selectConnectionError } from '@/store/selectors';
import type { SoftphoneState } from '@/store/softphone-state';
import { connectionLost } from '@/store/connection-handlers';

/** What the softphone is doing about a lost connection, counting down to its next try. */
function AutoReconnectProgress({ retry, trying }: { retry: NonNullable<SoftphoneState['autoReconnect']>; trying: boolean }) {
  const now = useNow();
  const seconds = Math.max(1, Math.ceil((retry.nextAttemptAt - now) / 1000));
  return (
    <p className="text-sm text-slate-700">
      {trying
        ? 'Reconnecting now…'
        : `The softphone will try again by itself in ${seconds} s (try ${retry.attempt}). Calls you are on stay connected.`}
    </p>
  );
}

/** The same headline as the Offline alert, so both read as one story. */
export const reconnectingLine = `${connectionLost} The softphone is reconnecting by itself; calls you are on keep their audio.`;

/**
 * While the SDK finds its way back by itself (Connection reads Reconnecting…): a short line, announced politely.
 * The live region stays mounted (visually hidden when empty) so screen readers announce the text when it appears.
 */
function ReconnectingLine({ reconnecting }: { reconnecting: boolean }) {
  return (
    <p
      aria-live="polite"
      className={reconnecting ? 'rounded-2xl bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900 ring-1 ring-amber-200' : 'sr-only'}
    >
      {reconnecting ? reconnectingLine : ''}
    </p>
  );
}

/** When the session is lost mid-shift: say so, keep any live call on screen, offer one click back. */
export function SessionBanner() {
  const connection = useSoftphone(selectConnection);
  const error = useSoftphone(selectConnectionError);
  const agent = useSoftphone(selectAgent);
  const retry = useSoftphone(selectAutoReconnect);
  const { signIn } = useSoftphoneActions();
  const lost = connection === 'offline' || connection === 'session-expired' || connection === 'error';
  if (!agent) return null;
  return (
    <>
      <ReconnectingLine reconnecting={connection === 'reconnecting'} />
      {(lost || retry) && (
        <div className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-rose-200">
          {error && <MessageAlert message={error} />}
          {retry && <AutoReconnectProgress retry={retry} trying={!lost} />}
          <Button disabled={!lost} onClick={() => void signIn(agent.userName)}>
            {connection === 'session-expired' ? 'Sign in again' : 'Reconnect'}
          </Button>
        </div>
      )}
    </>
  );
}
