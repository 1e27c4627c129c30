import type { Context } from 'hono';
import type { AgentDirectory } from '../agent-directory';
import type { ClientAddress } from '../client-address';
import { jsonError } from '../json-error';
import { issueAgentToken, type TokenIssuingDeps } from '../token-issuer';
import { isJsonRequest, tooMany } from '../token-request-guards';
import type { AgentSessions } from './agent-sessions';
import { requireSession } from './session-required';

export interface SessionTokenHandlerDeps extends TokenIssuingDeps {
  sessions: AgentSessions;
  agents: AgentDirectory;
  clientAddress: ClientAddress;
}

type SessionTokenRequest = { ok: true; userName: string | undefined } | { ok: false; error: string };

/**
 * The body is `{}` or `{"user_name": …}`: the session says who the agent is, and a name, when sent, must be theirs.
 * A mobile_api_key is refused rather than ignored, so a client still built for the seed contract fails loudly.
 */
function parseSessionTokenRequest(bodyText: string): SessionTokenRequest {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, error: 'The request body is not valid JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The request body must be a JSON object: {} or {"user_name": "<your name>"}.' };
  }
  if ('mobile_api_key' in body) return { ok: false, error: 'mobile_api_key is not used here: agents sign in at /auth/login.' };
  if (!('user_name' in body) || body.user_name === undefined) return { ok: true, userName: undefined };
  if (typeof body.user_name !== 'string') return { ok: false, error: 'user_name must be a string.' };
  return { ok: true, userName: body.user_name };
}

/**
 * POST /api/jwt in AUTH_MODE=oidc: a token for the signed-in agent, and for nobody else. Refusals (4xx) are
 * logged by the app, once per burst.
 */
export function createSessionTokenHandler(deps: SessionTokenHandlerDeps) {
  const { limits } = deps;
  return async (c: Context) => {
    if (!isJsonRequest(c)) return jsonError(c, 415, 'Send the body as application/json.');
    const bodyText = await c.req.text();

    // From here to the token's reservation nothing awaits, so concurrent requests cannot all slip under a limit.
    const address = deps.clientAddress(c);
    const addressWait = limits.failuresPerAddress.retryAfterSeconds(address);
    if (addressWait !== undefined) return tooMany(c, addressWait, 'failed attempts from your address');

    const parsed = parseSessionTokenRequest(bodyText);
    if (!parsed.ok) return jsonError(c, 400, parsed.error);

    // A missing or expired session is not counted as a failure: session ids cannot be guessed, and an office
    // whose sessions all expire at once must not lock itself out.
    const signedIn = requireSession(c, deps.sessions);
    if (!signedIn.ok) return signedIn.response;
    const { agent } = signedIn.session;

    // Counted against the signed-in agent, not the one named: an agent asking for colleagues' tokens locks only
    // themselves out, and cannot lock the colleagues.
    const agentKey = agent.toLowerCase();
    const agentWait = limits.failuresPerAgent.retryAfterSeconds(agentKey);
    if (agentWait !== undefined) return tooMany(c, agentWait, 'failed attempts for this name');

    if (parsed.userName !== undefined && deps.agents.canonicalName(parsed.userName) !== agent) {
      limits.failuresPerAddress.record(address);
      limits.failuresPerAgent.record(agentKey);
      return jsonError(c, 403, 'You can ask only for your own token.');
    }

    return issueAgentToken(c, deps, agent, address);
  };
}
