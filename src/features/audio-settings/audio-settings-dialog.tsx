import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { effectiveDevice, refreshAudioDevices, useAudioDevices } from '@/devices/audio-devices-store';
import { useMicrophoneLevel } from '@/lib/use-microphone-level';
import { selectCurrentCall } from '@/store/selectors';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { DeviceSelect } from './device-select';
import { playTestTone } from './play-test-tone';
import { usePreviewMicrophone } from './use-preview-microphone';

/** The meter named *Microphone level*: the call's own microphone during a call, a preview otherwise. */
function MicrophoneMeter() {
  const call = useSoftphone(selectCurrentCall);
  const callId = call?.state === 'active' ? call.id : undefined;
  const { microphoneTrack } = useSoftphoneActions();
  const microphone = useAudioDevices((state) => effectiveDevice(state, 'microphone'));
  const switches = useAudioDevices((state) => state.microphoneSwitches);
  const preview = usePreviewMicrophone(callId === undefined ? microphone : undefined);
  const getTrack = () => (callId === undefined ? preview() : microphoneTrack(callId));
  const percent = Math.round(useMicrophoneLevel(getTrack, `${callId ?? 'preview'}:${microphone}:${switches}`) * 100);
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-slate-600">Speak: the bar should move.</p>
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

/** The button **Test speaker**: a one-second tone on the Speaker in effect. */
function TestSpeaker() {
  const speaker = useAudioDevices((state) => effectiveDevice(state, 'speaker'));
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<string>();
  const test = async () => {
    const element = audio.current;
    if (!element) return;
    setPlaying(true);
    setProblem(undefined);
    try {
      const routing = await playTestTone(element, speaker);
      if (!routing.ok) setProblem('That speaker could not be reached: the tone played on the default one.');
    } catch {
      setProblem('The browser would not play the tone. Click Test speaker again.');
    } finally {
      setPlaying(false);
    }
  };
  return (
    <div className="flex flex-col items-start gap-2">
      <audio ref={audio} data-testid="test-tone" data-state={playing ? 'playing' : 'stopped'} />
      <Button variant="secondary" onClick={() => void test()} disabled={playing} aria-busy={playing}>
        Test speaker
      </Button>
      {problem && <Alert>{problem}</Alert>}
    </div>
  );
}

/**
 * The dialog **Audio settings** (native, modal: the browser traps focus and Escape closes it; focus returns
 * to the opening button). Loaded only when first opened.
 */
export default function AudioSettingsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const problem = useAudioDevices((state) => state.problem);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // Labels appear only once the microphone is allowed; list again now that the agent is looking.
    void refreshAudioDevices();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-2xl bg-white p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="mb-4 text-lg font-semibold text-slate-900">
        Audio settings
      </h2>
      <div className="flex flex-col gap-5">
        <DeviceSelect role="microphone" />
        <MicrophoneMeter />
        <DeviceSelect role="speaker" />
        <TestSpeaker />
        <DeviceSelect role="ringer" />
        {problem && <Alert>{problem}</Alert>}
      </div>
      <div className="mt-6 flex justify-end">
        <Button onClick={() => dialog.current?.close()}>Close</Button>
      </div>
    </dialog>
  );
}
