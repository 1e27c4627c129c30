import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '@/testing/deferred';
import type { ConversationDetails, ConversationLiveEvent, ConversationRef, ConversationTimelineEvent } from '@/voice/conversation-details';
import { createCallDetailsStore, detailsKey, liveConversationsKept, type ConversationSource } from './call-details-store';

function fakeSource() {
  const listeners = new Set<(event: ConversationLiveEvent) => void>();
  const reads: Array<{ ref: ConversationRef; reply: ReturnType<typeof deferred<ConversationDetails>> }> = [];
  const source: ConversationSource = {
    conversationDetails(ref) {
      const reply = deferred<ConversationDetails>();
      reads.push({ ref, reply });
      return reply.promise;
    },
    subscribeConversationEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (conversationId: string, event: ConversationTimelineEvent) => {
    for (const listener of listeners) listener({ conversationId, event });
  };
  return { source, reads, emit, listeners };
}

const event = (id: string, at: number, extra: Partial<ConversationTimelineEvent> = {}): ConversationTimelineEvent => ({
  id,
  type: 'audio:dtmf',
  at,
  summary: `event ${id}`,
  ...extra,
});

const cloudDetails: ConversationDetails = {
  conversationId: 'CON-1',
  members: [
    { id: 'MEM-agent', name: 'Jane', state: 'JOINED', channelType: 'app' },
    { id: 'MEM-caller', name: '+447700900001', state: 'JOINED', channelType: 'phone' },
  ],
  events: [event('1', 10, { type: 'member:invited' }), event('2', 20, { type: 'member:joined' })],
};

function connectedStore() {
  const store = createCallDetailsStore();
  const fake = fakeSource();
  store.getState().actions.connect(fake.source);
  return { store, ...fake };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Call details store', () => {
  it('loads on open, and folds in live events seen before and after the load, each once and in time order', async () => {
    const { store, reads, emit } = connectedStore();
    const ref = { callId: 'LEG-1' };
    emit('CON-1', event('live-1', 15, { summary: 'You pressed 5' }));
    store.getState().actions.open(ref);
    expect(store.getState().views[detailsKey(ref)]).toEqual({ status: 'loading' });

    reads[0]?.reply.resolve(cloudDetails);
    await vi.waitFor(() => expect(store.getState().views[detailsKey(ref)]?.status).toBe('loaded'));
    emit('CON-1', event('3', 30, { type: 'member:left', member: { id: 'MEM-caller', name: '+447700900001', state: 'LEFT' } }));
    emit('CON-1', event('3', 30));
    emit('CON-other', event('9', 31));

    const view = store.getState().views[detailsKey(ref)];
    if (view?.status !== 'loaded') throw new Error('not loaded');
    expect(view.events.map((entry) => entry.id)).toEqual(['1', 'live-1', '2', '3']);
    expect(view.members).toEqual([
      { id: 'MEM-agent', name: 'Jane', state: 'JOINED', channelType: 'app' },
      { id: 'MEM-caller', name: '+447700900001', state: 'LEFT', channelType: 'phone' },
    ]);
  });

  it('says the load failed, and a retry loads again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, reads } = connectedStore();
    const ref = { conversationId: 'CON-1' };
    store.getState().actions.open(ref);
    reads[0]?.reply.reject(new Error('network'));
    await vi.waitFor(() => expect(store.getState().views[detailsKey(ref)]).toEqual({ status: 'failed' }));

    store.getState().actions.open(ref);
    expect(store.getState().views[detailsKey(ref)]).toEqual({ status: 'loading' });
    reads[1]?.reply.resolve(cloudDetails);
    await vi.waitFor(() => expect(store.getState().views[detailsKey(ref)]?.status).toBe('loaded'));
  });

  it('keeps the details on screen while a refresh runs and when it fails, and ignores an answer overtaken by a newer one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, reads } = connectedStore();
    const ref = { callId: 'LEG-1' };
    store.getState().actions.open(ref);
    reads[0]?.reply.resolve(cloudDetails);
    await vi.waitFor(() => expect(store.getState().views[detailsKey(ref)]?.status).toBe('loaded'));

    store.getState().actions.open(ref);
    store.getState().actions.open(ref);
    expect(store.getState().views[detailsKey(ref)]?.status).toBe('loaded');
    reads[2]?.reply.resolve({ ...cloudDetails, members: [] });
    reads[1]?.reply.resolve({ ...cloudDetails, members: cloudDetails.members.slice(0, 1) });
    await vi.waitFor(() => {
      const view = store.getState().views[detailsKey(ref)];
      expect(view?.status === 'loaded' && view.members).toEqual([]);
    });

    store.getState().actions.open(ref);
    reads[3]?.reply.reject(new Error('offline'));
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalled());
    expect(store.getState().views[detailsKey(ref)]?.status).toBe('loaded');
  });

  it('fails at once when no adapter is connected yet', () => {
    const store = createCallDetailsStore();
    store.getState().actions.open({ callId: 'LEG-1' });
    expect(store.getState().views['call:LEG-1']).toEqual({ status: 'failed' });
  });

  it('keeps the live events of the latest conversations only', () => {
    const { store, emit } = connectedStore();
    for (let index = 0; index <= liveConversationsKept; index += 1) emit(`CON-${index}`, event(`e${index}`, index));
    const kept = Object.keys(store.getState().live);
    expect(kept).toHaveLength(liveConversationsKept);
    expect(kept).not.toContain('CON-0');
    expect(kept).toContain(`CON-${liveConversationsKept}`);
  });

  it('listens to one adapter at a time', () => {
    const { store, listeners } = connectedStore();
    const next = fakeSource();
    store.getState().actions.connect(next.source);
    expect(listeners.size).toBe(0);
    expect(next.listeners.size).toBe(1);
  });
});
