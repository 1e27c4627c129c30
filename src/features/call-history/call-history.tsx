import { lazy, Suspense } from 'react';

// Its own chunk (the list, the virtualizer, IndexedDB): the workspace shows the calls first.
const CallHistoryRegion = lazy(() => import('./call-history-region'));

export function CallHistory() {
  return (
    <Suspense fallback={null}>
      <CallHistoryRegion />
    </Suspense>
  );
}
