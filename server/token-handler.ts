import type { Context } from 'hono';
import type { TokenResponse } from '../src/contracts/token-api';
import type { AgentDirectory } from './agent-directory';
import type { ClientAddress } from './client-address';
import { constantTimeEqual } from './constant-time-equal';
import { jsonError } from './json-error';
import type { JwtSigner } from './jwt-signer';
import type { Logger } from './logger';
import type { FailureRateLimiter } from './rate-limiter';
import { parseTokenRequest } from './token-request';
import { VonageUsersError, type VonageUsers } from './vonage-users';

export interface TokenHandlerDeps {
  mobileApiKey: string;
  agents: AgentDirectory;
  tokenTtlSeconds: number;
  signer: JwtSigner;
  users: VonageUsers;
  failedKeys: FailureRateLimiter;
  clientAddress: ClientAddress;
  logger: Logger;
}

const isJson = (contentType: string | undefined) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

/** POST /api/jwt: the seed backend's contract, with the key checked and the lifetime fixed by the server. */
export function createTokenHandler(deps: TokenHandlerDeps) {
  const { logger } = deps;
  return async (c: Context) => {
    const address = deps.clientAddress(c);
    const retryAfter = deps.failedKeys.retryAfterSeconds(address);
    if (retryAfter !== undefined) {
      logger.warn(`refused ${address}: too many wrong mobile_api_key attempts`);
      return jsonError(c, 429, `Too many failed attempts; try again in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });
    }
    // Requiring JSON also forces browsers to send a CORS preflight, so other sites cannot post here blind.
    if (!isJson(c.req.header('Content-Type'))) {
      return jsonError(c, 415, 'Send the body as application/json.');
    }

    const parsed = parseTokenRequest(await c.req.text());
    if (!parsed.ok) return jsonError(c, 400, parsed.error);
    const { user_name: requestedName, mobile_api_key: suppliedKey } = parsed.request;

    // The key is checked before the agent, so a caller without it cannot learn which agents exist.
    if (!constantTimeEqual(suppliedKey, deps.mobileApiKey)) {
      const failures = deps.failedKeys.recordFailure(address);
      logger.warn(`wrong mobile_api_key from ${address} (${failures} of ${deps.failedKeys.maxFailures} allowed)`);
      return jsonError(c, 401, 'Wrong mobile_api_key.');
    }

    const userName = deps.agents.canonicalName(requestedName);
    if (userName === undefined) {
      logger.warn(`unknown agent ${JSON.stringify(requestedName.slice(0, 100))} from ${address}`);
      return jsonError(c, 404, `${JSON.stringify(requestedName.slice(0, 100))} is not an agent here.`);
    }

    let userId: string;
    try {
      userId = await deps.users.userIdFor(userName);
    } catch (error) {
      if (!(error instanceof VonageUsersError)) throw error;
      logger.error(`Vonage Users API failed for ${userName}: ${error.message}`);
      return jsonError(c, 502, 'The Vonage Users API did not answer as expected; try again shortly.');
    }

    const token = await deps.signer.signAgentToken(userName, deps.tokenTtlSeconds);
    const expiresAt = new Date(token.expiresAt * 1000).toISOString();
    logger.info(`issued a token for ${userName} (${userId}) to ${address}, expires ${expiresAt}`);
    const body: TokenResponse = { user_id: userId, user_name: userName, jwt: token.jwt, expires_at: expiresAt };
    return c.json(body, 200);
  };
}
