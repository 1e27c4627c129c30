import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { selectAgent, selectConnection, selectConnectionError } from '@/store/selectors';

/** When the session is lost mid-shift: say so, keep any live call on screen, offer one click back. */
export function SessionBanner() {
  const connection = useSoftphone(selectConnection);
  const error = useSoftphone(selectConnectionError);
  const agent = useSoftphone(selectAgent);
  const { signIn } = useSoftphoneActions();
  if (!agent || (connection !== 'offline' && connection !== 'session-expired' && connection !== 'error')) return null;
  return (
    <div className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-rose-200">
      {error && <Alert>{error}</Alert>}
      <Button onClick={() => void signIn(agent.userName)}>{connection === 'session-expired' ? 'Sign in again' : 'Reconnect'}</Button>
    </div>
  );
}
