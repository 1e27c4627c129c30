import { describe, expect, it, vi } from 'vitest';
import { createConversationFeed } from './conversation-feed';
import type { ConversationLiveEvent } from './conversation-details';

function feedWith(lookUp: (callId: string) => Promise<string>) {
  const feed = createConversationFeed(lookUp, () => 1000);
  const received: ConversationLiveEvent[] = [];
  feed.subscribe((event) => received.push(event));
  return { feed, received };
}

describe('the conversation feed', () => {
  it('passes conversation events on and learns the call’s conversation from the member’s leg', async () => {
    const lookUp = vi.fn(async () => 'CON-from-cloud');
    const { feed, received } = feedWith(lookUp);
    feed.conversationEvent({ kind: 'member:invited', id: 1, conversationId: 'CON-1', body: { memberId: 'MEM-1', user: { name: 'Jane' }, channel: { id: 'LEG-1' } } });
    feed.callActivity('LEG-1', { kind: 'dtmf', digits: '7', own: false });
    await vi.waitFor(() => expect(received).toHaveLength(2));

    expect(received.map((event) => [event.conversationId, event.event.summary])).toEqual([
      ['CON-1', 'Jane was invited'],
      ['CON-1', 'The other party pressed 7'],
    ]);
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('asks the cloud once for a call it has not seen a member event of (a reloaded page), and again after a failure', async () => {
    const lookUp = vi.fn<(callId: string) => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('CON-2');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { feed, received } = feedWith(lookUp);
    feed.callActivity('LEG-2', { kind: 'mute', muted: true, own: true });
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalled());
    feed.callActivity('LEG-2', { kind: 'mute', muted: false, own: true });
    feed.callActivity('LEG-2', { kind: 'hangup', reason: 'LOCAL_HANGUP' });
    await vi.waitFor(() => expect(received).toHaveLength(2));

    expect(lookUp).toHaveBeenCalledTimes(2);
    expect(received.map((event) => event.event.summary)).toEqual(['You unmuted the microphone', 'You hung up']);
    expect(new Set(received.map((event) => event.event.id)).size).toBe(2);
  });

  it('stops delivering after clear()', () => {
    const { feed, received } = feedWith(async () => 'CON-3');
    feed.clear();
    feed.conversationEvent({ kind: 'member:joined', id: 3, conversationId: 'CON-3' });
    expect(received).toEqual([]);
  });
});
