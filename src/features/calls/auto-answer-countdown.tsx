import { useNow } from '@/lib/use-now';

/** "Answering by itself in 3 s": auto-answer is on, and the agent can still answer or reject first. */
export function AutoAnswerCountdown({ at }: { at: number }) {
  const now = useNow();
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return <p className="mt-1 text-sm font-semibold text-emerald-800">Auto-answer in {seconds} s</p>;
}
