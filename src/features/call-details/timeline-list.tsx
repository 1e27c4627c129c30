import { UntrustedText } from '@/components/untrusted-text';
import type { ConversationTimelineEvent } from '@/voice/conversation-details';

// The agent's locale and time zone; seconds, because a call's events are seconds apart.
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Newest last; new entries are read out politely (they never interrupt what is being said). */
export function TimelineList({ events }: { events: readonly ConversationTimelineEvent[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Timeline</h3>
      <ol aria-label="Timeline" aria-live="polite" aria-relevant="additions" className="mt-1 grid gap-1">
        {events.map((event) => (
          <li key={event.id} className="flex gap-3 text-sm text-slate-800">
            <time dateTime={new Date(event.at).toISOString()} className="shrink-0 tabular-nums text-slate-600">
              {timeFormat.format(event.at)}
            </time>
            <UntrustedText text={event.summary} maxLength={200} what="event" />
          </li>
        ))}
      </ol>
      {events.length === 0 && <p className="text-sm text-slate-600">No events yet.</p>}
    </div>
  );
}
