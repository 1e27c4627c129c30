import { useSoftphone } from '@/store/use-softphone';
import { cn } from '@/lib/cn';
import { selectConnection, selectIsSignedIn } from '@/store/selectors';
import type { ConnectionStatus as Status } from '@/store/softphone-state';

const labels: Record<Status, string> = {
  'signed-out': 'Signed out',
  'fetching-token': 'Signing in…',
  connecting: 'Connecting…',
  ready: 'Ready',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  'session-expired': 'Session expired',
  error: 'Not connected',
};

const dots: Record<Status, string> = {
  'signed-out': 'bg-slate-400',
  'fetching-token': 'bg-amber-400 animate-pulse',
  connecting: 'bg-amber-400 animate-pulse',
  ready: 'bg-emerald-500',
  reconnecting: 'bg-amber-400 animate-pulse',
  offline: 'bg-rose-500',
  'session-expired': 'bg-rose-500',
  error: 'bg-rose-500',
};

/** role="status" named "Connection": reads "Ready" exactly when the agent can take calls (QA contract). */
export function ConnectionStatus() {
  const connection = useSoftphone(selectConnection);
  const signedIn = useSoftphone(selectIsSignedIn);
  // A signed-in agent going through the sign-in steps again is coming back from a lost connection.
  const label = signedIn && (connection === 'fetching-token' || connection === 'connecting') ? labels.reconnecting : labels[connection];
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700">
      <span aria-hidden="true" className={cn('h-2.5 w-2.5 rounded-full', dots[connection])} />
      <span role="status" aria-label="Connection">
        {label}
      </span>
    </div>
  );
}
