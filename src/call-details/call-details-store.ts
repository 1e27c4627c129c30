// Call details' own store: a call's conversation (members and timeline), loaded when the agent opens the
// disclosure, with the live events of every call's conversation folded in as they happen. The voice
// adapter is attached once it exists (`connect`), so this store never loads the SDK itself.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ConversationDetails,
  ConversationLiveEvent,
  ConversationMember,
  ConversationRef,
  ConversationTimelineEvent,
} from '@/voice/conversation-details';
import { mergeTimeline, withMemberChange } from './merge-timeline';

/** What the store needs from the voice adapter. */
export interface ConversationSource {
  conversationDetails(ref: ConversationRef): Promise<ConversationDetails>;
  subscribeConversationEvents(listener: (event: ConversationLiveEvent) => void): () => void;
}

export type CallDetailsView =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'loaded'; conversationId: string; members: ConversationMember[]; events: ConversationTimelineEvent[] };

export interface CallDetailsActions {
  /** Loads (or refreshes) the details; a view already on screen stays while the refresh is under way. */
  open(ref: ConversationRef): void;
}

export interface CallDetailsState {
  /** Keyed by `detailsKey(ref)`. */
  views: Readonly<Record<string, CallDetailsView>>;
  /** Every live event this tab saw, per conversation id: a view loaded later still shows them. */
  live: Readonly<Record<string, readonly ConversationTimelineEvent[]>>;
  actions: CallDetailsActions & { connect(source: ConversationSource): void };
}

export type CallDetailsStore = StoreApi<CallDetailsState>;

/** Conversations whose live events are kept; older ones are forgotten first. */
export const liveConversationsKept = 30;

export function detailsKey(ref: ConversationRef): string {
  return 'callId' in ref ? `call:${ref.callId}` : `conversation:${ref.conversationId}`;
}

function withLiveEvent(state: CallDetailsState, { conversationId, event }: ConversationLiveEvent): Partial<CallDetailsState> {
  const previous = state.live[conversationId] ?? [];
  const kept = Object.entries(state.live).filter(([id]) => id !== conversationId).slice(-(liveConversationsKept - 1));
  const live = Object.fromEntries([...kept, [conversationId, mergeTimeline(previous, [event])]]);
  const views = Object.fromEntries(
    Object.entries(state.views).map(([key, view]) => {
      if (view.status !== 'loaded' || view.conversationId !== conversationId) return [key, view];
      const members = event.member ? withMemberChange(view.members, event.member) : view.members;
      return [key, { ...view, members, events: mergeTimeline(view.events, [event]) }];
    }),
  );
  return { live, views };
}

export function createCallDetailsStore(): CallDetailsStore {
  let source: ConversationSource | undefined;
  let unsubscribe: (() => void) | undefined;
  // The latest request per view wins: a slow answer to an earlier open must not overwrite a newer one.
  const latestRequest = new Map<string, number>();
  let requests = 0;

  const store = createStore<CallDetailsState>()((set, get) => ({
    views: {},
    live: {},
    actions: {
      connect(next) {
        unsubscribe?.();
        source = next;
        unsubscribe = next.subscribeConversationEvents((event) => set((state) => withLiveEvent(state, event)));
      },
      open(ref) {
        const key = detailsKey(ref);
        const request = (requests += 1);
        latestRequest.set(key, request);
        if (get().views[key]?.status !== 'loaded') set((state) => ({ views: { ...state.views, [key]: { status: 'loading' } } }));
        const setView = (view: CallDetailsView) => {
          if (latestRequest.get(key) === request) set((state) => ({ views: { ...state.views, [key]: view } }));
        };
        if (!source) {
          setView({ status: 'failed' });
          return;
        }
        source.conversationDetails(ref).then(
          (details) => {
            const seenLive = get().live[details.conversationId] ?? [];
            setView({ status: 'loaded', conversationId: details.conversationId, members: details.members, events: mergeTimeline(details.events, seenLive) });
          },
          (error: unknown) => {
            console.warn('Call details could not be loaded', error);
            // A refresh that fails leaves the details already on screen, with the live events they still get.
            if (get().views[key]?.status !== 'loaded') setView({ status: 'failed' });
          },
        );
      },
    },
  }));
  return store;
}
