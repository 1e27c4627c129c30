import { lazy, Suspense, useRef, useState } from 'react';
import { retryingImport } from '@/lib/retrying-import';
import { Button } from '@/components/button';
import { useAudioDevices } from '@/devices/audio-devices-store';
import { selectAgent } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';
import { useAudioDevicesSession } from './use-audio-devices-session';

const AudioSettingsDialog = lazy(() => retryingImport(() => import('./audio-settings-dialog')));

/**
 * The button **Audio settings** (it opens the dialog, fetched on first use) and a `status` named *Audio
 * devices* saying when a device in use was unplugged or came back.
 */
export function AudioSettingsButton() {
  const agent = useSoftphone(selectAgent)?.userName;
  useAudioDevicesSession(agent);
  const notice = useAudioDevices((state) => state.notice);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <Button ref={button} variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Audio settings
      </Button>
      <p role="status" aria-label="Audio devices" className={notice ? 'text-sm text-slate-700' : 'sr-only'}>
        {notice ?? ''}
      </p>
      {open && (
        <Suspense fallback={null}>
          <AudioSettingsDialog
            onClose={() => {
              setOpen(false);
              // The dialog is gone: focus goes back where the agent opened it from.
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
