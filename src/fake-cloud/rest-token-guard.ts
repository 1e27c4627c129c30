// Vonage answers the SDK's REST calls only for a valid bearer token of a known user whose ACL covers the
// path. These handlers go first: a good token falls through to the routes (an MSW resolver that returns
// nothing passes the request on), anything else is a 401 with a CS error, as the SDK gets from Vonage
// (refreshSession then rejects with internal:auth:authorization_error, PROTOCOL.md §13).
import { http, type RequestHandler } from 'msw';
import type { CloudState } from './cloud-state.ts';
import { bearerToken, csErrorReply } from './rest-responses.ts';
import type { TokenCheck, TokenUse, UserTokenVerdict } from './token-check.ts';

/**
 * After deleteSession (or with the socket gone) the SDK still hangs up with
 * `DELETE /v0.2/conversations/{cid}/members/{mid}` but without any Authorization header (PROTOCOL.md §12,
 * §17.2; wire-reliability.log). Vonage ends the leg regardless, so the call does not linger.
 */
function mayCarryNoToken(use: TokenUse): boolean {
  return use.method === 'DELETE' && /^\/v0\.\d+\/conversations\/[^/]+\/members\/[^/]+$/.test(use.path);
}

function refusal(verdict: UserTokenVerdict, state: CloudState) {
  if (!verdict.ok) return csErrorReply(401, verdict.code, verdict.detail);
  if (!state.findAgent(verdict.userName)) return csErrorReply(401, 'system:error:invalid-token', `Unknown user ${verdict.userName}`);
  return undefined;
}

export function restTokenGuard(state: CloudState, tokens: TokenCheck, apiUrl: string, websocketUrl: string): RequestHandler[] {
  const apiBasePath = new URL(apiUrl).pathname.replace(/\/$/, '');
  return [
    http.all(`${apiUrl}/*`, ({ request }) => {
      if (request.method === 'OPTIONS') return undefined;
      const use: TokenUse = { method: request.method, path: new URL(request.url).pathname.slice(apiBasePath.length) };
      const token = bearerToken(request);
      if (token === undefined) {
        return mayCarryNoToken(use) ? undefined : csErrorReply(401, 'system:error:invalid-token', 'Missing bearer token');
      }
      return refusal(tokens.checkUserToken(token, use), state);
    }),
    // The reconnect metrics carry the session's token too. Their path (/v2/rtc) is in no ACL the SDK needs, so
    // only the token itself is checked; a refusal is merely logged by the SDK.
    http.post(`${websocketUrl}/v2/rtc/metrics`, ({ request }) => {
      const token = bearerToken(request);
      if (token === undefined) return csErrorReply(401, 'system:error:invalid-token', 'Missing bearer token');
      return refusal(tokens.checkUserToken(token), state);
    }),
  ];
}
