import { useEffect, useRef, useState } from 'react';
import { useSoftphone } from '@/app/softphone-context';
import { selectIsRinging } from '@/store/selectors';
import { ringtoneWav } from './ringtone-wav';

/**
 * Rings while any invite is ringing and stops on answer, reject or cancel. The effect drives the <audio>
 * element, which lives outside React's state; `data-state` lets QA check that it really plays.
 */
export function RingtonePlayer() {
  const ringing = useSoftphone(selectIsRinging);
  const audio = useRef<HTMLAudioElement>(null);
  const [source] = useState(() => URL.createObjectURL(ringtoneWav()));
  const [state, setState] = useState<'playing' | 'stopped' | 'blocked'>('stopped');

  useEffect(() => () => URL.revokeObjectURL(source), [source]);

  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    if (!ringing) {
      element.pause();
      element.currentTime = 0;
      return;
    }
    element.play().then(
      () => setState('playing'),
      // Autoplay can be refused before the agent has clicked anything; the panel still shows the call.
      () => setState('blocked'),
    );
    return () => setState('stopped');
  }, [ringing]);

  return <audio ref={audio} src={source} loop preload="auto" data-testid="ringtone" data-state={ringing ? state : 'stopped'} />;
}
