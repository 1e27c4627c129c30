import { describe, expect, it } from 'vitest';
import type { ConversationTimelineEvent } from '@/voice/conversation-details';
import { maxTimelineEvents, mergeTimeline, withMemberChange } from './merge-timeline';

const event = (id: string, at: number): ConversationTimelineEvent => ({ id, type: 'custom', at, summary: id });

describe('mergeTimeline', () => {
  it('orders by time, keeps arrival order for the same instant, and drops repeated ids', () => {
    const merged = mergeTimeline([event('a', 10), event('b', 30)], [event('c', 20), event('a', 10), event('d', 30)]);
    expect(merged.map((entry) => entry.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('keeps only the newest events beyond the cap', () => {
    const many = Array.from({ length: maxTimelineEvents + 5 }, (_, index) => event(`e${index}`, index));
    const merged = mergeTimeline([], many);
    expect(merged).toHaveLength(maxTimelineEvents);
    expect(merged[0]?.id).toBe('e5');
  });
});

describe('withMemberChange', () => {
  it('updates a known member’s state and keeps what the event does not say (its channel)', () => {
    const members = [{ id: 'M1', name: 'Jane', state: 'JOINED' as const, channelType: 'app' }];
    expect(withMemberChange(members, { id: 'M1', name: 'Jane', state: 'LEFT' })).toEqual([{ id: 'M1', name: 'Jane', state: 'LEFT', channelType: 'app' }]);
  });

  it('adds a member it did not know', () => {
    expect(withMemberChange([], { id: 'M2', name: 'Joe', state: 'INVITED' })).toEqual([{ id: 'M2', name: 'Joe', state: 'INVITED' }]);
  });
});
