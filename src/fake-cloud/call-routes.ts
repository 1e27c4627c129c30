// REST for calls: conversations, members, RTC answer/offer, events, legs and knockers.
import { http } from 'msw';
import { agentLeaves } from './call-hangups.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { postConversationEvent } from './conversation-events.ts';
import { acceptAgentAnswer, agentAnswering } from './inbound-calls.ts';
import { cancelKnock, knock, openOutboundLeg } from './outbound-calls.ts';
import { refusesMediaRepair } from './media-faults.ts';
import { acceptReoffer, agentMemberSnapshot, legSnapshot } from './reload-recovery.ts';
import { isObject, jsonReply, readJsonObject, readString, replyOrError, requireString } from './rest-responses.ts';
import type { ChannelEndpoint } from './wire-types.ts';

function conversationCall(ctx: CloudContext, conversationId: string): CallRecord {
  const call = ctx.state.callByConversation(conversationId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown conversation ${conversationId}`);
  return call;
}

function legCall(ctx: CloudContext, legId: string): CallRecord {
  const call = ctx.state.call(legId);
  if (!call) throw new CloudError(404, 'leg:error:not-found', `Unknown leg ${legId}`);
  return call;
}

function readEndpoint(value: unknown): ChannelEndpoint {
  const type = readString(value, 'type');
  const number = readString(value, 'number');
  const user = readString(value, 'user');
  if (type === 'app' && user !== undefined) return { type: 'app', user };
  if (number !== undefined) return { type: 'phone', number };
  // A call context without `to` (the sound check): the SDK still sends a phone endpoint, with no number.
  if (type === 'phone' && user === undefined) return { type: 'phone', number: '' };
  throw new CloudError(400, 'http:error:validation-fail', 'channel.to needs a number or a user');
}

export function callRoutes(ctx: CloudContext, apiUrl: string) {
  const conversation = `${apiUrl}/v0.3/conversations/:cid`;
  type Cid = { cid: string };

  return [
    http.get<Cid>(conversation, ({ params }) =>
      replyOrError(() => {
        const call = conversationCall(ctx, params.cid);
        return jsonReply({ id: call.conversationId, name: call.conversationName, timestamp: { created: call.createdAt } });
      }),
    ),

    http.get<Cid>(`${conversation}/members/me`, ({ params }) =>
      replyOrError(() => jsonReply(agentMemberSnapshot(conversationCall(ctx, params.cid)))),
    ),

    // answer() step 1: join. The reply needs `id`; nothing is pushed yet.
    http.put<Cid & { mid: string }>(`${conversation}/members/:mid`, ({ params }) =>
      replyOrError(() => {
        const call = conversationCall(ctx, params.cid);
        agentAnswering(ctx, call);
        // Joining a call that stopped ringing (cancelled, answered or rejected elsewhere) is refused.
        if (call.state !== 'ringing') {
          throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${call.callId} is ${call.state}`);
        }
        return jsonReply({ id: params.mid, state: 'JOINED' });
      }),
    ),

    // reject() and hangup(). The SDK insists on an empty or `{}` body.
    http.delete<Cid & { mid: string }>(`${apiUrl}/v0.2/conversations/:cid/members/:mid`, ({ params }) =>
      replyOrError(() => {
        agentLeaves(ctx, conversationCall(ctx, params.cid));
        return jsonReply({});
      }),
    ),

    http.post<Cid & { rtcId: string }>(`${conversation}/rtc/:rtcId/answer`, ({ request, params }) =>
      replyOrError(async () => {
        const call = conversationCall(ctx, params.cid);
        const body = await readJsonObject(request);
        await acceptAgentAnswer(ctx, call, requireString(body, 'body', 'answer'));
        return jsonReply({ id: ctx.ids.next('rtc-answer') });
      }),
    ),

    http.post<Cid & { rtcId: string }>(`${conversation}/rtc/:rtcId/offer`, ({ request, params }) =>
      replyOrError(async () => {
        const call = conversationCall(ctx, params.cid);
        const body = await readJsonObject(request);
        if (refusesMediaRepair(call)) throw new CloudError(500, 'media:error:unavailable', 'The media server for this call is unavailable');
        acceptReoffer(ctx, call, requireString(body, 'body', 'offer', 'sdp'));
        return jsonReply({ id: ctx.ids.next('rtc-offer') });
      }),
    ),

    http.post<Cid>(`${conversation}/events`, ({ request, params }) =>
      replyOrError(async () => {
        const call = conversationCall(ctx, params.cid);
        const body = await readJsonObject(request);
        const digit = readString(body, 'body', 'digit');
        const posted = { type: requireString(body, 'type'), from: readString(body, 'from') ?? '' };
        return jsonReply(postConversationEvent(ctx, call, digit === undefined ? posted : { ...posted, digit }));
      }),
    ),

    http.get<Cid>(`${conversation}/legs`, ({ params }) =>
      replyOrError(() =>
        jsonReply({ _embedded: { legs: [legSnapshot(ctx, conversationCall(ctx, params.cid))] }, _links: {} }),
      ),
    ),

    http.get<{ legId: string }>(`${apiUrl}/v0.3/legs/:legId`, ({ params }) =>
      replyOrError(() => jsonReply(legSnapshot(ctx, legCall(ctx, params.legId)))),
    ),

    // serverCall step 1: the far end answers the SDK's offer inside this reply.
    http.post(`${apiUrl}/v0.3/legs`, ({ request }) =>
      replyOrError(async () => {
        const body = await readJsonObject(request);
        const sessionId = requireString(body, 'originating_session');
        const session = ctx.state.session(sessionId);
        if (!session) throw new CloudError(401, 'session:error:not-found', `Unknown session ${sessionId}`);
        return jsonReply(await openOutboundLeg(ctx, session, requireString(body, 'body', 'offer', 'sdp')));
      }),
    ),

    // serverCall step 2: who to call. channel.to is always a phone endpoint built from the call context.
    http.post(`${apiUrl}/v0.3/knocking`, ({ request }) =>
      replyOrError(async () => {
        const body = await readJsonObject(request);
        const call = legCall(ctx, requireString(body, 'channel', 'id'));
        const to = readEndpoint(isObject(body.channel) ? body.channel.to : undefined);
        // The SDK always sends a phone endpoint; the call context (custom_data) says whether it named an app user.
        const appUser = readString(body, 'properties', 'custom_data', 'type') === 'app' ? readString(body, 'properties', 'custom_data', 'to') : undefined;
        const customData = isObject(body.properties) && isObject(body.properties.custom_data) ? body.properties.custom_data : {};
        return jsonReply({ id: knock(ctx, call, to, appUser, customData) });
      }),
    ),

    http.delete<{ knockingId: string }>(`${apiUrl}/v0.3/knocking/:knockingId`, ({ params }) =>
      replyOrError(() => {
        cancelKnock(ctx, params.knockingId);
        return jsonReply({});
      }),
    ),
  ];
}
