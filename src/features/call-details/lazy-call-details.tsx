import { lazy, Suspense } from 'react';
import type { CallDetailsProps } from './call-details';

const CallDetails = lazy(() => import('./call-details'));

/** Call details in its own chunk, fetched the first time a call shows it. */
export function LazyCallDetails(props: CallDetailsProps) {
  return (
    <Suspense fallback={null}>
      <CallDetails {...props} />
    </Suspense>
  );
}
