import { describe, expect, it, vi } from 'vitest';
import {
  callActivityEvent,
  readConversationDetails,
  toConversationMember,
  toTimelineEvent,
  type ConversationReader,
  type SdkConversationEventLike,
} from './conversation-details';

const joined: SdkConversationEventLike = {
  kind: 'member:joined',
  id: 2,
  timestamp: '2026-01-02T03:04:05.000Z',
  conversationId: 'CON-1',
  from: { kind: 'system' },
  body: { memberId: 'MEM-1', user: { name: 'Jane', displayName: 'Jane Doe' }, channel: { id: 'LEG-1' } },
};

describe('toConversationMember', () => {
  it('names a phone member by its number with a plus, and reads state and channel case-insensitively', () => {
    expect(toConversationMember({ id: 'MEM-2', state: 'joined', user: { name: '447700900001' }, channel: { type: 'PHONE' } })).toEqual({
      id: 'MEM-2',
      name: '+447700900001',
      state: 'JOINED',
      channelType: 'phone',
    });
  });

  it('keeps an agent’s display name and marks a state it does not know as UNKNOWN', () => {
    expect(toConversationMember({ id: 'MEM-1', state: 'KNOCKING', user: { name: 'Jane', displayName: 'Jane Doe' } })).toEqual({
      id: 'MEM-1',
      name: 'Jane',
      displayName: 'Jane Doe',
      state: 'UNKNOWN',
    });
  });
});

describe('toTimelineEvent', () => {
  it('turns a member event into a sentence and the member as it now is', () => {
    expect(toTimelineEvent(joined, 0)).toEqual({
      id: '2',
      type: 'member:joined',
      at: Date.parse('2026-01-02T03:04:05.000Z'),
      from: 'Jane Doe',
      summary: 'Jane Doe joined',
      member: { id: 'MEM-1', name: 'Jane', displayName: 'Jane Doe', state: 'JOINED' },
    });
    expect(toTimelineEvent({ ...joined, kind: 'member:left', id: 9 }, 0)?.summary).toBe('Jane Doe left');
    expect(toTimelineEvent({ ...joined, kind: 'member:invited', id: 1 }, 0)?.member?.state).toBe('INVITED');
  });

  it('keeps other events by type, with the sender when the SDK names one, and the receipt time when the timestamp is unreadable', () => {
    const custom = { kind: 'custom', id: 4, timestamp: 'not a date', from: { kind: 'embeddedInfo', user: { name: 'Joe' } } };
    expect(toTimelineEvent(custom, 1234)).toEqual({ id: '4', type: 'custom', at: 1234, from: 'Joe', summary: 'Joe: custom' });
  });

  it('drops events without an id (ephemeral ones are not kept by the cloud either)', () => {
    expect(toTimelineEvent({ kind: 'ephemeral', conversationId: 'CON-1' }, 0)).toBeUndefined();
  });
});

describe('callActivityEvent', () => {
  it('says who did what, with a unique live id', () => {
    expect(callActivityEvent({ kind: 'dtmf', digits: '42', own: false }, 5, 1)).toEqual({
      id: 'live-1',
      type: 'audio:dtmf',
      at: 5,
      from: 'The other party',
      summary: 'The other party pressed 42',
    });
    expect(callActivityEvent({ kind: 'mute', muted: true, own: true }, 5, 2).summary).toBe('You muted the microphone');
    expect(callActivityEvent({ kind: 'earmuff', earmuffed: false, own: true }, 5, 3)).toMatchObject({ type: 'audio:earmuff:off', summary: 'You turned earmuff off' });
    expect(callActivityEvent({ kind: 'leg-status', status: 'ANSWERED', own: false }, 5, 4).summary).toBe('The other party’s leg answered');
    expect(callActivityEvent({ kind: 'hangup', reason: 'REMOTE_HANGUP' }, 5, 5)).toMatchObject({ type: 'rtc:hangup', summary: 'The other party hung up' });
  });
});

describe('readConversationDetails', () => {
  it('reads every page of members and events, oldest events first', async () => {
    const reader: ConversationReader = {
      getConversationMembers: vi.fn(async (_cid: string, { cursor }: { cursor?: string }) =>
        cursor === undefined
          ? { members: [{ id: 'MEM-1', state: 'JOINED', user: { name: 'Jane' } }], nextCursor: 'page-2' }
          : { members: [{ id: 'MEM-2', state: 'LEFT', user: { name: '447700900001' } }], nextCursor: null },
      ),
      getConversationEvents: vi.fn(async () => ({ events: [{ ...joined, kind: 'member:invited', id: 1 }, joined], nextCursor: null })),
    };

    const details = await readConversationDetails(reader, 'CON-1', 0);

    expect(details.conversationId).toBe('CON-1');
    expect(details.members.map((member) => [member.name, member.state])).toEqual([
      ['Jane', 'JOINED'],
      ['+447700900001', 'LEFT'],
    ]);
    expect(details.events.map((event) => event.summary)).toEqual(['Jane Doe was invited', 'Jane Doe joined']);
    expect(reader.getConversationEvents).toHaveBeenCalledWith('CON-1', { pageSize: 100, order: 'asc' });
    expect(reader.getConversationMembers).toHaveBeenLastCalledWith('CON-1', { pageSize: 100, cursor: 'page-2' });
  });
});
