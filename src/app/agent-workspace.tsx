import { AvailabilityControl } from '@/features/availability/availability-control';
import { ShiftSettings } from '@/features/availability/shift-settings';
import { AudioSettingsButton } from '@/features/audio-settings/audio-settings-button';
import { WrapUpPanel } from '@/features/availability/wrap-up-panel';
import { BackgroundCallAlert } from '@/features/calls/background-call-alert';
import { HeldCallPanel } from '@/features/calls/held-call-panel';
import { CallAnnouncer } from '@/features/calls/call-announcer';
import { CallSummary } from '@/features/calls/call-summary';
import { CurrentCallPanel } from '@/features/calls/current-call-panel';
import { IncomingCallPanel } from '@/features/calls/incoming-call-panel';
import { RingtonePlayer } from '@/features/calls/ringtone-player';
import { SessionBanner } from '@/features/auth/session-banner';
import { TokenRenewalWarning } from '@/features/auth/token-renewal-warning';
import { CallHistory } from '@/features/call-history/call-history';
import { Dialer } from '@/features/dialer/dialer';
import { KeyboardShortcuts } from '@/features/shortcuts/keyboard-shortcuts';

/** Everything a signed-in agent sees; loaded lazily with number parsing so the sign-in page stays small. */
export default function AgentWorkspace() {
  return (
    <div className="flex flex-col gap-4">
      <RingtonePlayer />
      <CallAnnouncer />
      <BackgroundCallAlert />
      <SessionBanner />
      <TokenRenewalWarning />
      {/* The shift toolbar: Shift settings opens as a full-width row below it (see shift-settings.tsx). */}
      <div className="flex flex-wrap items-center gap-2 rounded-2xl bg-white px-4 py-2 shadow-sm ring-1 ring-slate-200">
        <AvailabilityControl />
        <div className="ml-auto flex items-center gap-2">
          <AudioSettingsButton />
        </div>
        <ShiftSettings />
      </div>
      <IncomingCallPanel />
      <CurrentCallPanel />
      <HeldCallPanel />
      <WrapUpPanel />
      <Dialer />
      <CallSummary />
      <CallHistory />
      <KeyboardShortcuts />
    </div>
  );
}
