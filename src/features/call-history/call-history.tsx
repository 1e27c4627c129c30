import { lazy, Suspense } from 'react';
import { LoadErrorBoundary } from '@/components/load-error-boundary';
import { retryingImport } from '@/lib/retrying-import';

// Its own chunk (the list, the virtualizer, IndexedDB): the workspace shows the calls first.
const CallHistoryRegion = lazy(() => retryingImport(() => import('./call-history-region')));

export function CallHistory() {
  return (
    <LoadErrorBoundary what="Call history">
      <Suspense fallback={null}>
        <CallHistoryRegion />
      </Suspense>
    </LoadErrorBoundary>
  );
}
