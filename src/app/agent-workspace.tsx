import { BackgroundCallAlert } from '@/features/calls/background-call-alert';
import { CallAnnouncer } from '@/features/calls/call-announcer';
import { CallSummary } from '@/features/calls/call-summary';
import { CurrentCallPanel } from '@/features/calls/current-call-panel';
import { IncomingCallPanel } from '@/features/calls/incoming-call-panel';
import { RingtonePlayer } from '@/features/calls/ringtone-player';
import { SessionBanner } from '@/features/auth/session-banner';
import { Dialer } from '@/features/dialer/dialer';

/** Everything a signed-in agent sees; loaded lazily with number parsing so the sign-in page stays small. */
export default function AgentWorkspace() {
  return (
    <div className="flex flex-col gap-4">
      <RingtonePlayer />
      <CallAnnouncer />
      <BackgroundCallAlert />
      <SessionBanner />
      <IncomingCallPanel />
      <CurrentCallPanel />
      <Dialer />
      <CallSummary />
    </div>
  );
}
