import { useEffect, useRef } from 'react';
import { createCallQualitySampler, watchCloudMos, type CallQualitySampler } from '@/call-quality/call-quality-sampler';
import { afterNextPaint } from '@/lib/after-next-paint';
import { useSoftphoneActions } from '@/store/use-softphone';
import { onVoiceMedia } from '@/voice/voice-media-port';

/**
 * Samples the call's quality while the component shows it; the sampler is a timer outside React. It starts
 * once the adapter's media controls exist: after a reload the call is on screen before the adapter loads.
 */
export function useCallQualitySampling(callId: string, muted: boolean) {
  const { microphoneTrack } = useSoftphoneActions();
  const sampler = useRef<CallQualitySampler | undefined>(undefined);
  const mutedNow = useRef(muted);
  useEffect(() => {
    let started: CallQualitySampler | undefined;
    let stopFollowing = () => {};
    // From the frame after the one that shows the call: the first sample (getStats) is no reason to show it later.
    const cancelStart = afterNextPaint(() => {
      stopFollowing = onVoiceMedia((media) => {
        started?.stop();
        started = media ? createCallQualitySampler({ callId, media, microphoneTrack: () => microphoneTrack(callId) }) : undefined;
        if (media) watchCloudMos(media);
        started?.setMuted(mutedNow.current);
        sampler.current = started;
      });
    });
    return () => {
      cancelStart();
      stopFollowing();
      started?.stop();
      sampler.current = undefined;
    };
  }, [callId, microphoneTrack]);
  // The sampler listens for speech only while muted; it learns the mute state the agent sees.
  useEffect(() => {
    mutedNow.current = muted;
    sampler.current?.setMuted(muted);
  }, [muted, callId]);
}
