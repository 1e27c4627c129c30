import type { Context } from 'hono';
import type { AgentDirectory } from './agent-directory';
import type { ClientAddress } from './client-address';
import { constantTimeEqual } from './constant-time-equal';
import { jsonError } from './json-error';
import { issueAgentToken, type TokenIssuingDeps } from './token-issuer';
import { parseTokenRequest } from './token-request';
import { isJsonRequest, tooMany } from './token-request-guards';

export interface TokenHandlerDeps extends TokenIssuingDeps {
  mobileApiKey: string;
  agents: AgentDirectory;
  clientAddress: ClientAddress;
}

/**
 * POST /api/jwt in AUTH_MODE=mobile-api-key: the seed backend's contract, with the key checked and the lifetime
 * fixed by the server. Refusals (4xx) are logged by the app, once per burst; this handler logs only what it
 * issues or what fails upstream.
 */
export function createTokenHandler(deps: TokenHandlerDeps) {
  const { limits } = deps;
  return async (c: Context) => {
    if (!isJsonRequest(c)) return jsonError(c, 415, 'Send the body as application/json.');
    const bodyText = await c.req.text();

    // From here to the token's reservation nothing awaits, so concurrent requests cannot all slip under a limit.
    const address = deps.clientAddress(c);
    const addressWait = limits.failuresPerAddress.retryAfterSeconds(address);
    if (addressWait !== undefined) return tooMany(c, addressWait, 'failed attempts from your address');

    const parsed = parseTokenRequest(bodyText);
    if (!parsed.ok) return jsonError(c, 400, parsed.error);
    const { user_name: requestedName, mobile_api_key: suppliedKey } = parsed.request;

    // Keyed on the name as asked for, known or not, so a locked name does not reveal that it is an agent.
    const nameKey = requestedName.toLowerCase();
    const nameWait = limits.failuresPerAgent.retryAfterSeconds(nameKey);
    if (nameWait !== undefined) return tooMany(c, nameWait, 'failed attempts for this name');

    // The key is checked before the agent, so a caller without it cannot learn which agents exist.
    if (!constantTimeEqual(suppliedKey, deps.mobileApiKey)) {
      limits.failuresPerAddress.record(address);
      limits.failuresPerAgent.record(nameKey);
      return jsonError(c, 401, 'Wrong mobile_api_key.');
    }

    // The key is public in the bundle, so asking for names that are not agents costs the address a failure:
    // finding out who works here is as slow as guessing the key.
    const userName = deps.agents.canonicalName(requestedName);
    if (userName === undefined) {
      limits.failuresPerAddress.record(address);
      return jsonError(c, 404, `${JSON.stringify(requestedName.slice(0, 100))} is not an agent here.`);
    }

    return issueAgentToken(c, deps, userName, address);
  };
}
