import { formatDuration } from '@/lib/format-duration';
import { useNow } from '@/lib/use-now';

/** "On hold" with its own timer, counted from the moment the hold was confirmed. */
export function HoldStatus({ since }: { since: number }) {
  const now = useNow();
  return (
    <span className="flex items-center gap-2">
      <span className="rounded bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">On hold</span>
      <span role="timer" aria-label="Time on hold" className="font-mono text-sm tabular-nums text-slate-700">
        {formatDuration(now - since)}
      </span>
    </span>
  );
}
