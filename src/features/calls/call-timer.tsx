import { formatDuration } from '@/lib/format-duration';
import { useNow } from '@/lib/use-now';

export function CallTimer({ since }: { since: number }) {
  const now = useNow();
  return (
    <span role="timer" aria-label="Call duration" className="font-mono text-lg tabular-nums text-slate-800">
      {formatDuration(now - since)}
    </span>
  );
}
