import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { useNow } from '@/lib/use-now';
import { selectAgent, selectAutoReconnect, selectConnection, selectConnectionError } from '@/store/selectors';
import type { SoftphoneState } from '@/store/softphone-state';

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

/** When the session is lost mid-shift: say so, keep any live call on screen, offer one click back. */
export function SessionBanner() {
  const connection = useSoftphone(selectConnection);
  const error = useSoftphone(selectConnectionError);
  const agent = useSoftphone(selectAgent);
  const retry = useSoftphone(selectAutoReconnect);
  const { signIn } = useSoftphoneActions();
  const lost = connection === 'offline' || connection === 'session-expired' || connection === 'error';
  if (!agent || (!lost && !retry)) return null;
  return (
    <div className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-rose-200">
      {error && <MessageAlert message={error} />}
      {retry && <AutoReconnectProgress retry={retry} trying={!lost} />}
      <Button disabled={!lost} onClick={() => void signIn(agent.userName)}>
        {connection === 'session-expired' ? 'Sign in again' : 'Reconnect'}
      </Button>
    </div>
  );
}
