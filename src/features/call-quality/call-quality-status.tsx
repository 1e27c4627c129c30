import { selectCallQuality, useCallQualityStore } from '@/call-quality/call-quality-store';
import type { QualityLevel } from '@/call-quality/e-model';
import { cn } from '@/lib/cn';
import { useCallQualitySampling } from './use-call-quality-sampling';

const levelStyle: Record<QualityLevel, string> = {
  Good: 'bg-emerald-100 text-emerald-800',
  Fair: 'bg-amber-100 text-amber-800',
  Poor: 'bg-rose-100 text-rose-800',
};

/**
 * During a call: a `status` named *Call quality* (Good / Fair / Poor, from the call's own stats), and a
 * `status` named *Microphone warning* when the microphone sends silence or the agent talks while muted.
 * Both are polite and always present, so a screen reader hears changes without losing its place.
 */
export function CallQualityStatus({ callId, muted }: { callId: string; muted: boolean }) {
  useCallQualitySampling(callId, muted);
  const quality = useCallQualityStore(selectCallQuality(callId));
  const level = quality?.level;
  const warning = quality?.talkingWhileMuted
    ? 'You are talking while muted.'
    : quality?.microphoneSilent
      ? 'Your microphone is sending silence.'
      : '';
  return (
    <div className="mt-2 flex flex-col gap-1 text-sm">
      <p className="flex items-center gap-2 text-slate-700">
        <span aria-hidden="true">Call quality</span>
        <span
          role="status"
          aria-label="Call quality"
          title={quality?.mos === undefined ? undefined : `Estimated MOS ${quality.mos.toFixed(1)}`}
          className={cn('rounded px-2 py-0.5 text-xs font-semibold', level ? levelStyle[level] : 'text-slate-500')}
        >
          {level ?? ''}
        </span>
      </p>
      <p role="status" aria-label="Microphone warning" className={warning ? 'font-semibold text-amber-800' : 'sr-only'}>
        {warning}
      </p>
    </div>
  );
}
