import { useStore } from 'zustand';
import type { ConversationRef } from '@/voice/conversation-details';
import { appCallDetails } from './app-call-details';
import { detailsKey, type CallDetailsActions, type CallDetailsView } from './call-details-store';

/** The details of one call's conversation; undefined until they are first opened. */
export function useCallDetailsView(ref: ConversationRef): CallDetailsView | undefined {
  const key = detailsKey(ref);
  return useStore(appCallDetails, (state) => state.views[key]);
}

export function useCallDetailsActions(): CallDetailsActions {
  return useStore(appCallDetails, (state) => state.actions);
}
