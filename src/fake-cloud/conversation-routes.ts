// REST reads of a call's conversation: GET …/members (getConversationMembers) and GET …/events
// (getConversationEvents), paged like Vonage's (`page_size`, `order`, `cursor` in `_links.next.href`).
// Ended calls stay readable: the cloud forgets a conversation only on reset.
import { http } from 'msw';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { conversationLog, type LoggedEvent } from './conversation-log.ts';
import { conversationMembers } from './conversation-members.ts';
import { jsonReply, replyOrError } from './rest-responses.ts';

const defaultPageSize = 10;
const maxPageSize = 100;

/**
 * SDK 2.3.1 always asks for `filter_group_type=ChatEvents` and its parser reads only these types (any other
 * type makes the whole page fail), so the chat group is what Vonage returns for it: member and message
 * events, custom events and deletions. Audio, leg and rtc events stay in the log but not in this group.
 */
export function isChatEvent(type: string): boolean {
  return (
    type === 'member:invited' ||
    type === 'member:joined' ||
    type === 'member:left' ||
    type === 'message' ||
    type.startsWith('message:') ||
    type.startsWith('custom:') ||
    type === 'event:delete'
  );
}

function conversationCall(ctx: CloudContext, conversationId: string): CallRecord {
  const call = ctx.state.callByConversation(conversationId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown conversation ${conversationId}`);
  return call;
}

interface PageRequest {
  url: URL;
  pageSize: number;
  descending: boolean;
  offset: number;
}

function pageRequest(url: URL): PageRequest {
  const size = Number(url.searchParams.get('page_size') ?? defaultPageSize);
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new CloudError(400, 'http:error:validation-fail', `page_size must be 1 to ${maxPageSize}`);
  }
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : Number(atob(cursor));
  if (!Number.isInteger(offset) || offset < 0) throw new CloudError(400, 'conversation:error:invalid-cursor', 'Invalid cursor');
  return { url, pageSize: size, descending: url.searchParams.get('order')?.toLowerCase() === 'desc', offset };
}

/** One page of `items` and the `_links` that lead to its neighbours. */
function page<T>(items: readonly T[], request: PageRequest): { items: T[]; links: Record<string, { href: string }> } {
  const ordered = request.descending ? [...items].reverse() : [...items];
  const { offset, pageSize } = request;
  const href = (at: number) => {
    const next = new URL(request.url);
    next.searchParams.set('cursor', btoa(String(at)));
    return next.pathname + next.search;
  };
  const links: Record<string, { href: string }> = {};
  if (offset + pageSize < ordered.length) links.next = { href: href(offset + pageSize) };
  if (offset > 0) links.prev = { href: href(Math.max(0, offset - pageSize)) };
  return { items: ordered.slice(offset, offset + pageSize), links };
}

function eventFilter(url: URL): (event: LoggedEvent) => boolean {
  const group = url.searchParams.get('filter_group_type');
  const types = (url.searchParams.get('event_type') ?? '').split(',').map((type) => type.trim()).filter((type) => type !== '');
  const startId = Number(url.searchParams.get('start_id') ?? 0);
  return (event) =>
    (group !== 'ChatEvents' || isChatEvent(event.type)) && (types.length === 0 || types.includes(event.type)) && event.id >= startId;
}

/** The user behind a member id, as Vonage embeds it in listed events. */
function embeddedFrom(call: CallRecord, from: string | undefined) {
  if (from === call.agentMemberId) return { from_member: { id: from }, from_user: { id: call.agent.userId, name: call.agent.userName } };
  if (from === call.remoteMemberId) return { from_member: { id: from }, from_user: { id: call.remoteUserId, name: call.remote } };
  return undefined;
}

function listedEvent(call: CallRecord, event: LoggedEvent) {
  const embedded = embeddedFrom(call, event.from);
  return {
    id: event.id,
    type: event.type,
    timestamp: event.timestamp,
    ...(event.from === undefined ? {} : { from: event.from }),
    conversation_id: call.conversationId,
    body: event.body,
    ...(embedded ? { _embedded: embedded } : {}),
  };
}

export function conversationRoutes(ctx: CloudContext, apiUrl: string) {
  const conversation = `${apiUrl}/v0.3/conversations/:cid`;
  type Cid = { cid: string };

  return [
    http.get<Cid>(`${conversation}/members`, ({ request, params }) =>
      replyOrError(() => {
        const call = conversationCall(ctx, params.cid);
        const { items, links } = page(conversationMembers(call), pageRequest(new URL(request.url)));
        return jsonReply({ _embedded: { members: items }, _links: links });
      }),
    ),

    http.get<Cid>(`${conversation}/events`, ({ request, params }) =>
      replyOrError(() => {
        const call = conversationCall(ctx, params.cid);
        const url = new URL(request.url);
        const events = conversationLog(call).filter(eventFilter(url));
        const { items, links } = page(events, pageRequest(url));
        return jsonReply({ _embedded: { events: items.map((event) => listedEvent(call, event)) }, _links: links });
      }),
    ),
  ];
}
