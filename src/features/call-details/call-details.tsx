import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { useCallDetailsActions, useCallDetailsView } from '@/call-details/use-call-details';
import type { ConversationRef } from '@/voice/conversation-details';
import { CallDetailsContent } from './call-details-content';

export type CallDetailsProps = ConversationRef;

/**
 * The **Call details** disclosure: the call's conversation (members and a live timeline), loaded from the
 * cloud when it opens. Works for a call in progress and for an ended call (by call id or conversation id).
 */
export default function CallDetails(props: CallDetailsProps) {
  const ref: ConversationRef = 'callId' in props ? { callId: props.callId } : { conversationId: props.conversationId };
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const view = useCallDetailsView(ref);
  const { open: load } = useCallDetailsActions();

  function toggle() {
    // Read on every opening: a call in progress changes, and an ended one may have more to show by now.
    if (!open) load(ref);
    setOpen(!open);
  }

  return (
    <div className="mt-4">
      <Button variant="secondary" aria-expanded={open} aria-controls={open ? regionId : undefined} onClick={toggle}>
        Call details
      </Button>
      {open && (
        <section id={regionId} aria-label="Call details" className="mt-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
          <CallDetailsContent view={view} onRetry={() => load(ref)} />
        </section>
      )}
    </div>
  );
}
