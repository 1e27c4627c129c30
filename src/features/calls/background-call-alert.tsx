import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { afterNextPaint } from '@/lib/after-next-paint';
import { formatRemoteParty } from '@/lib/dial-target';
import { selectIncomingCall } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';
import { useIsRingerTab } from './use-is-ringer-tab';

const appTitle = 'Agent softphone';

/**
 * Agents keep the softphone in a background tab all shift. While a call rings, the tab title says so and,
 * if the agent allowed it, a system notification appears when the tab is hidden; both go when it stops.
 * With the agent in several tabs every title says so, but only the ringer tab notifies: one per call.
 */
export function BackgroundCallAlert() {
  const incoming = useSoftphone(selectIncomingCall);
  const ringing = incoming?.state === 'ringing' ? incoming : undefined;
  // Plain text, cleaned and capped: a caller ID of thousands of characters would otherwise fill the tab.
  const label = ringing ? formatRemoteParty(ringing.remote, ringing.channelType).label.shown : undefined;
  const ringerTab = useIsRingerTab();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));

  // Once the frame showing the call is painted (in a hidden tab, at once): the title and the notification are
  // outside the page and should not hold back that frame.
  useEffect(() => {
    if (!ringing || label === undefined) return;
    let notification: Notification | undefined;
    let shown = false;
    const cancel = afterNextPaint(() => {
      shown = true;
      document.title = `Incoming call: ${label} · ${appTitle}`;
      if (ringerTab && permission === 'granted' && document.hidden) {
        notification = new Notification('Incoming call', { body: label, tag: ringing.id, requireInteraction: true });
        notification.onclick = () => window.focus();
      }
    });
    return () => {
      cancel();
      if (shown) document.title = appTitle;
      notification?.close();
    };
  }, [ringing, label, permission, ringerTab]);

  if (permission !== 'default') return null;
  return (
    <div className="flex items-center justify-between gap-3 rounded-2xl bg-white px-5 py-3 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
      <span>Get a notification when a call rings while this tab is in the background.</span>
      <Button
        variant="secondary"
        onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission('denied'))}
      >
        Turn on call notifications
      </Button>
    </div>
  );
}
