import type { ReactNode } from 'react';
import { LoadErrorBoundary } from '@/components/load-error-boundary';

/** The whole main area's boundary: the last resort when a part without its own boundary fails. */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return <LoadErrorBoundary>{children}</LoadErrorBoundary>;
}
