import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import type { CallDetailsView } from '@/call-details/call-details-store';
import { MemberList } from './member-list';
import { TimelineList } from './timeline-list';

export function CallDetailsContent({ view, onRetry }: { view: CallDetailsView | undefined; onRetry(): void }) {
  if (view === undefined || view.status === 'loading') {
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading call details…
      </p>
    );
  }
  if (view.status === 'failed') {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Alert>The call details could not be loaded. Check your connection, then try again.</Alert>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <MemberList members={view.members} />
      <TimelineList events={view.events} />
    </div>
  );
}
