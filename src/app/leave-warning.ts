// Closing or reloading the tab during a call asks the agent first. The page cannot tell a reload (after
// which the call is taken back, see resumeAfterReload) from a close, so it cannot hang up on the way out
// without also killing calls a reload would have kept; a warning protects both from a slip of the hand.
import { selectHasCallInProgress } from '@/store/selectors';
import type { SoftphoneStore } from '@/store/softphone-store';

type UnloadTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

function askBeforeLeaving(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Older browsers need returnValue set; the text itself is never shown (browsers use their own).
  event.returnValue = '';
}

/** Keeps a beforeunload warning armed exactly while a call is in progress; returns the unsubscribe. */
export function warnBeforeLeavingDuringCalls(store: SoftphoneStore, target: UnloadTarget = window): () => void {
  let armed = false;
  const update = () => {
    const inProgress = selectHasCallInProgress(store.getState());
    if (inProgress === armed) return;
    armed = inProgress;
    if (armed) target.addEventListener('beforeunload', askBeforeLeaving);
    else target.removeEventListener('beforeunload', askBeforeLeaving);
  };
  update();
  const unsubscribe = store.subscribe(update);
  return () => {
    unsubscribe();
    target.removeEventListener('beforeunload', askBeforeLeaving);
  };
}
