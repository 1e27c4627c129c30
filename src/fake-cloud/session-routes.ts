// REST for sessions: token refresh, and the reconnect metrics the SDK posts to the websocket host.
import { http } from 'msw';
import type { CloudContext } from './cloud-context.ts';
import { bearerToken, csErrorReply, jsonReply, preflightReply } from './rest-responses.ts';
import type { TokenCheck } from './token-check.ts';

export function sessionRoutes(ctx: CloudContext, tokens: TokenCheck, apiUrl: string, websocketUrl: string) {
  const metricsUrl = `${websocketUrl}/v2/rtc/metrics`;
  return [
    http.options(metricsUrl, () => preflightReply()),
    // Reconnect metrics; a failure here is only logged by the SDK, success is an empty object.
    http.post(metricsUrl, () => jsonReply({})),

    // refreshSession: the body is the literal "", the new token is the bearer; the reply must carry session_id.
    // A refused token leaves the session (and its expiry) as it was; the SDK keeps using the old token.
    http.put<{ sessionId: string }>(`${apiUrl}/v0.2/sessions/:sessionId`, ({ request, params }) => {
      const session = ctx.state.session(params.sessionId);
      const token = bearerToken(request);
      if (!session) return csErrorReply(404, 'session:error:not-found', `Unknown session ${params.sessionId}`);
      if (!token) return csErrorReply(401, 'system:error:invalid-token', 'Missing bearer token');
      const verdict = tokens.checkUserToken(token, { method: 'PUT', path: `/v0.2/sessions/${session.id}` });
      if (!verdict.ok) return csErrorReply(401, verdict.code, verdict.detail);
      if (verdict.userName !== session.userName) {
        return csErrorReply(401, 'system:error:invalid-token', `The token is ${verdict.userName}'s, not the session's user's`);
      }
      session.token = token;
      ctx.hub.expiry.arm(session.id, verdict.expiresAtMs);
      return jsonReply({ session_id: session.id });
    }),
  ];
}
