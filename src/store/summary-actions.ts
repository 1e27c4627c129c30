// Dismissing the summaries of ended calls.
import type { StoreRuntime } from './store-runtime';

export interface SummaryActions {
  dismissSummary(callId: string): void;
  dismissAllSummaries(): void;
}

export function createSummaryActions({ dispatch }: StoreRuntime): SummaryActions {
  return {
    dismissSummary: (callId) => dispatch({ type: 'summary-dismissed', callId }),
    dismissAllSummaries: () => dispatch({ type: 'summaries-dismissed' }),
  };
}
