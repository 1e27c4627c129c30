// The app's one Call details store. Loaded lazily with the voice adapter (main.tsx connects it) and with the
// Call details components, which share this module and so this instance.
import { createCallDetailsStore, type ConversationSource } from './call-details-store';

export const appCallDetails = createCallDetailsStore();

/** Feeds the store from the adapter: live conversation events from now on, and reads when a view opens. */
export function connectCallDetails(source: ConversationSource): void {
  appCallDetails.getState().actions.connect(source);
}
