import { useSoftphoneActions } from '@/store/use-softphone';
import { useMicrophoneLevel } from '@/lib/use-microphone-level';

/** The sound check: the agent's own microphone level, and what to do (QA contract: meter *Microphone level*). */
export function MicrophoneLevel({ callId }: { callId: string }) {
  const { microphoneTrack } = useSoftphoneActions();
  const percent = Math.round(useMicrophoneLevel(() => microphoneTrack(callId), callId) * 100);
  return (
    <div className="mt-3 flex flex-col gap-2">
      <p className="text-sm text-slate-700">Speak: you should hear yourself in about a second.</p>
      {/* role meter rather than <meter>: the same semantics, and a bar that looks alike in every browser. */}
      <div
        role="meter"
        aria-label="Microphone level"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
