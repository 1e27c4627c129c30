import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { formatDuration } from '@/lib/format-duration';
import { useNow } from '@/lib/use-now';
import { selectWrapUp } from '@/store/selectors';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';

/** After a call: time to finish notes before the next call rings (QA region "Wrap-up"). */
export function WrapUpPanel() {
  const wrapUp = useSoftphone(selectWrapUp);
  const { readyForCalls } = useSoftphoneActions();
  const now = useNow();
  if (!wrapUp || wrapUp.endsAt <= now) return null;
  return (
    <Panel label="Wrap-up" tone="wrapUp">
      <p className="text-sm text-slate-700">
        New calls are declined while you wrap up.{' '}
        <span role="timer" aria-label="Wrap-up time left" className="font-mono font-semibold tabular-nums text-slate-900">
          {formatDuration(wrapUp.endsAt - now)}
        </span>{' '}
        left.
      </p>
      <div className="mt-3">
        <Button variant="secondary" onClick={readyForCalls}>
          Ready for calls
        </Button>
      </div>
    </Panel>
  );
}
