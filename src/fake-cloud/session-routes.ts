// REST for sessions: token refresh, and the reconnect metrics the SDK posts to the websocket host.
import { http } from 'msw';
import type { CloudContext } from './cloud-context.ts';
import { bearerToken, csErrorReply, jsonReply, preflightReply } from './rest-responses.ts';

export function sessionRoutes(ctx: CloudContext, apiUrl: string, websocketUrl: string) {
  const metricsUrl = `${websocketUrl}/v2/rtc/metrics`;
  return [
    http.options(metricsUrl, () => preflightReply()),
    // Reconnect metrics; a failure here is only logged by the SDK, success is an empty object.
    http.post(metricsUrl, () => jsonReply({})),

    // refreshSession: the body is the literal "", the new token is the bearer; the reply must carry session_id.
    http.put<{ sessionId: string }>(`${apiUrl}/v0.2/sessions/:sessionId`, ({ request, params }) => {
      const session = ctx.state.session(params.sessionId);
      const token = bearerToken(request);
      if (!session) return csErrorReply(404, 'session:error:not-found', `Unknown session ${params.sessionId}`);
      if (!token) return csErrorReply(401, 'system:error:invalid-token', 'Missing bearer token');
      session.token = token;
      return jsonReply({ session_id: session.id });
    }),
  ];
}
