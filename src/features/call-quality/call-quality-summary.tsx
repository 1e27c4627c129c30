import { finalMos, selectCallQuality, useCallQualityStore } from '@/call-quality/call-quality-store';
import { qualityLevel } from '@/call-quality/e-model';

/** "Call quality: 4.2 (Good)" in the ended call's summary, when a MOS is known (the cloud's, else the estimate). */
export function CallQualitySummary({ callId }: { callId: string }) {
  const mos = finalMos(useCallQualityStore(selectCallQuality(callId)));
  if (mos === undefined) return null;
  return (
    <p className="mt-1 text-sm text-slate-700">
      Call quality: {mos.toFixed(1)} ({qualityLevel(mos)})
    </p>
  );
}
