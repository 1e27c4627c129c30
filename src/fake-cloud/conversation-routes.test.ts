import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { remoteHangup } from './call-hangups.ts';
import { postConversationEvent } from './conversation-events.ts';
import { conversationRoutes } from './conversation-routes.ts';
import { acceptAgentAnswer, ringAgent } from './inbound-calls.ts';
import { connectAgent, testContext } from './test-support.ts';

const apiUrl = 'http://cloud.test/api';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

interface ListedEvent {
  id: number;
  type: string;
  timestamp: string;
  conversation_id: string;
  body: Record<string, unknown>;
}

async function answeredCall() {
  const { ctx } = testContext();
  const socket = connectAgent(ctx, 'Jane');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  await acceptAgentAnswer(ctx, call, 'sdk-answer');
  // member:joined follows the answer's HTTP reply.
  vi.advanceTimersByTime(ctx.timing.pushDelayMs);
  return { ctx, call, socket };
}

async function get(ctx: ReturnType<typeof testContext>['ctx'], path: string) {
  const response = await getResponse(conversationRoutes(ctx, apiUrl), new Request(`${apiUrl}${path}`));
  if (!response) throw new Error(`no route for ${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function events(ctx: ReturnType<typeof testContext>['ctx'], path: string): Promise<ListedEvent[]> {
  const { body } = await get(ctx, path);
  return (body._embedded as { events: ListedEvent[] }).events;
}

describe('GET /v0.3/conversations/{cid}/events', () => {
  it('logs every event pushed for the call, with the socket ids, and reads them back after the call ended', async () => {
    const { ctx, call, socket } = await answeredCall();
    postConversationEvent(ctx, call, { type: 'audio:mute:on', from: call.agentMemberId });
    postConversationEvent(ctx, call, { type: 'audio:dtmf', from: call.agentMemberId, digit: '5' });
    remoteHangup(ctx, call.callId);

    const listed = await events(ctx, `/v0.3/conversations/${call.conversationId}/events?page_size=100`);
    const pushed = socket.events().filter((event) => typeof event.payload.id === 'number' && event.payload.cid === call.conversationId);
    expect(listed.map((event) => [event.id, event.type])).toEqual(pushed.map((event) => [event.payload.id, event.type]));
    expect(listed.map((event) => event.type)).toEqual(
      expect.arrayContaining(['member:invited', 'member:joined', 'audio:mute:on', 'audio:dtmf', 'rtc:hangup']),
    );
    const ids = listed.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(listed.every((event) => event.conversation_id === call.conversationId && event.timestamp !== '')).toBe(true);
  });

  it('returns only chat events for the SDK’s ChatEvents group (its parser reads no other type)', async () => {
    const { ctx, call } = await answeredCall();
    postConversationEvent(ctx, call, { type: 'audio:dtmf', from: call.agentMemberId, digit: '1' });
    remoteHangup(ctx, call.callId);

    const listed = await events(ctx, `/v0.3/conversations/${call.conversationId}/events?page_size=100&filter_group_type=ChatEvents&filter_group_version=3`);
    expect(listed.map((event) => event.type)).toEqual(['member:invited', 'member:joined', 'member:left']);
    expect(listed[1]?.body).toMatchObject({ member_id: call.agentMemberId, user: { name: 'Jane' }, channel: { id: call.callId } });
  });

  it('pages with a cursor in _links.next and lists newest first with order=desc', async () => {
    const { ctx, call } = await answeredCall();
    for (const digit of '123') postConversationEvent(ctx, call, { type: 'audio:dtmf', from: call.agentMemberId, digit });
    const base = `/v0.3/conversations/${call.conversationId}/events`;

    const first = await get(ctx, `${base}?page_size=2`);
    const next = (first.body._links as { next?: { href: string } }).next;
    expect(next?.href).toContain('cursor=');
    const rest = await events(ctx, next?.href.replace('/api', '') ?? '');
    const firstIds = (first.body._embedded as { events: ListedEvent[] }).events.map((event) => event.id);
    expect([...firstIds, ...rest.slice(0, 1).map((event) => event.id)]).toEqual([1, 2, 3]);

    const newest = await events(ctx, `${base}?page_size=1&order=desc`);
    expect(newest[0]?.body).toMatchObject({ digit: '3' });
  });

  it('answers 404 with a CS error for a conversation the cloud does not know', async () => {
    const { ctx } = testContext();
    const { status, body } = await get(ctx, '/v0.3/conversations/CON-missing/events');
    expect(status).toBe(404);
    expect(body.code).toBe('conversation:error:not-found');
  });
});

describe('GET /v0.3/conversations/{cid}/members', () => {
  it('lists the agent and the caller as JOINED during the call, and both as LEFT once it ended', async () => {
    const { ctx, call } = await answeredCall();
    const path = `/v0.3/conversations/${call.conversationId}/members?page_size=100`;
    const during = await get(ctx, path);
    expect((during.body._embedded as { members: unknown[] }).members).toEqual([
      expect.objectContaining({ id: call.agentMemberId, state: 'JOINED', _embedded: { user: expect.objectContaining({ name: 'Jane' }) } }),
      expect.objectContaining({
        id: call.remoteMemberId,
        state: 'JOINED',
        _embedded: { user: expect.objectContaining({ name: '447700900001' }) },
        channel: expect.objectContaining({ type: 'phone', from: { number: '447700900001' } }),
      }),
    ]);

    remoteHangup(ctx, call.callId);
    const after = (await get(ctx, path)).body._embedded as { members: Array<{ state: string; timestamp: { left?: string } }> };
    expect(after.members.map((member) => member.state)).toEqual(['LEFT', 'LEFT']);
    expect(after.members.every((member) => member.timestamp.left !== undefined)).toBe(true);
  });

  it('lists an invited agent as INVITED while the call rings', async () => {
    const { ctx } = testContext();
    connectAgent(ctx, 'Jane');
    const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
    const call = ctx.state.call(callId);
    const { body } = await get(ctx, `/v0.3/conversations/${call?.conversationId ?? ''}/members`);
    expect((body._embedded as { members: Array<{ state: string }> }).members[0]?.state).toBe('INVITED');
  });
});
