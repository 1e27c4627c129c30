import { lazy, Suspense } from 'react';
import { LoadErrorBoundary } from '@/components/load-error-boundary';
import { retryingImport } from '@/lib/retrying-import';
import type { CallDetailsProps } from './call-details';

const CallDetails = lazy(() => retryingImport(() => import('./call-details')));

/** Call details in its own chunk, fetched the first time a call shows it. */
export function LazyCallDetails(props: CallDetailsProps) {
  return (
    <LoadErrorBoundary what="Call details">
      <Suspense fallback={null}>
        <CallDetails {...props} />
      </Suspense>
    </LoadErrorBoundary>
  );
}
