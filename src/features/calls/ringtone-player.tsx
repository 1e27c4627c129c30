import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { selectRingerDevice, useAudioDevices } from '@/devices/audio-devices-store';
import { afterNextPaint } from '@/lib/after-next-paint';
import { whenIdle } from '@/lib/when-idle';
import { routeAudioElement } from '@/voice/audio-output';
import { selectHasCallInProgress, selectIsRinging } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';
import { callWaitingWav, ringtoneWav } from './ringtone-wav';
import { useIsRingerTab } from './use-is-ringer-tab';

type Sound = 'ring' | 'call-waiting';

// One object URL per tone for the life of the page: made on first use, never revoked.
const soundUrls = new Map<Sound, string>();
function soundUrl(sound: Sound): string {
  let url = soundUrls.get(sound);
  if (!url) {
    url = URL.createObjectURL(sound === 'ring' ? ringtoneWav() : callWaitingWav());
    soundUrls.set(sound, url);
  }
  return url;
}

/**
 * Rings while an invite is ringing (a quiet call-waiting beep if the agent is already on a call) and stops on
 * answer, reject or cancel; with the agent in several tabs, only the ringer tab plays (`other-tab` elsewhere).
 * The effect drives the <audio> element (its tone and playing), which lives outside React; `data-state` lets QA
 * check what plays.
 * If the browser refuses to play sound, the agent gets a button to allow it.
 */
export function RingtonePlayer() {
  const invited = useSoftphone(selectIsRinging);
  const ringerTab = useIsRingerTab();
  const ringing = invited && ringerTab;
  const onCall = useSoftphone(selectHasCallInProgress);
  const sound: Sound = onCall ? 'call-waiting' : 'ring';
  const audio = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  const ringer = useAudioDevices(selectRingerDevice);

  // The Ringer choice (Audio settings): the ringtone on its own device, apart from the call's Speaker.
  useEffect(() => {
    if (audio.current) void routeAudioElement(audio.current, ringer);
  }, [ringer]);

  // Both tones are made, and the ring loaded into the element, while nothing rings (the player is mounted at
  // sign-in): synthesising a tone takes ~15 ms and loading it a few more, which the shift's first call would
  // otherwise wait for before it is heard.
  useEffect(() => {
    const element = audio.current;
    return whenIdle(() => {
      const ring = soundUrl('ring');
      soundUrl('call-waiting');
      if (element && !element.getAttribute('src')) element.src = ring;
    });
  }, []);

  // Started and stopped once the frame showing the call (or its answer) is painted: starting the <audio> costs a
  // few ms of the main thread, which the agent should not wait for to see the call; 16 ms of ring is not heard.
  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    if (!ringing) {
      return afterNextPaint(() => {
        element.pause();
        element.currentTime = 0;
      });
    }
    return afterNextPaint(() => {
      // The tone is chosen here, when it starts, never by rendering: a new `src` makes the element load again
      // (a few ms), and the call being answered (now "on a call") would otherwise swap it for nothing.
      const url = soundUrl(sound);
      if (element.getAttribute('src') !== url) element.src = url;
      element.play().then(
        () => setBlocked(false),
        // Autoplay can be refused before the agent has interacted with the page.
        () => setBlocked(true),
      );
    });
  }, [ringing, sound]);

  const state = !invited ? 'stopped' : !ringerTab ? 'other-tab' : blocked ? 'blocked' : sound === 'ring' ? 'playing' : 'call-waiting';
  return (
    <>
      <audio ref={audio} loop preload="auto" data-testid="ringtone" data-state={state} />
      {state === 'blocked' && (
        <Button variant="secondary" onClick={() => void audio.current?.play().then(() => setBlocked(false), () => undefined)}>
          Turn on ringtone sound
        </Button>
      )}
    </>
  );
}
