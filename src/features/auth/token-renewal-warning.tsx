import { useNow } from '@/lib/use-now';
import { selectTokenRenewal } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';

const clockTime = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The token could not be renewed: the agent hears it well before the session would end, with the next try and
 * the deadline (QA: `status` named "Session renewal"). Calls go on meanwhile; the old token still works.
 */
export function TokenRenewalWarning() {
  const renewal = useSoftphone(selectTokenRenewal);
  const now = useNow();
  return (
    <p
      role="status"
      aria-label="Session renewal"
      className={renewal ? 'rounded-2xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-300' : 'sr-only'}
    >
      {renewal
        ? `Your session could not be renewed (${renewal.failures} ${renewal.failures === 1 ? 'try' : 'tries'}): ${renewal.reason} ` +
          `The softphone tries again in ${Math.max(1, Math.ceil((renewal.nextAttemptAt - now) / 1000))} s. ` +
          `If it keeps failing, your session ends at ${clockTime(renewal.expiresAt)}: finish or hand over calls before then.`
        : ''}
    </p>
  );
}
