import type { Context } from 'hono';
import type { TokenResponse } from '../src/contracts/token-api';
import type { AgentDirectory } from './agent-directory';
import type { ClientAddress } from './client-address';
import { constantTimeEqual } from './constant-time-equal';
import { jsonError } from './json-error';
import type { JwtSigner } from './jwt-signer';
import { escapeForLog } from './log-text';
import type { Logger } from './logger';
import type { SignInLimiters } from './sign-in-limits';
import { parseTokenRequest } from './token-request';
import { VonageUsersError, type VonageUsers } from './vonage-users';

export interface TokenHandlerDeps {
  mobileApiKey: string;
  agents: AgentDirectory;
  tokenTtlSeconds: number;
  signer: JwtSigner;
  users: VonageUsers;
  limits: SignInLimiters;
  clientAddress: ClientAddress;
  logger: Logger;
}

const isJson = (contentType: string | undefined) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

const tooMany = (c: Context, retryAfter: number, what: string) =>
  jsonError(c, 429, `Too many ${what}; try again in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });

/**
 * POST /api/jwt: the seed backend's contract, with the key checked and the lifetime fixed by the server.
 * Refusals (4xx) are logged by the app, once per burst; this handler logs only what it issues or what fails upstream.
 */
export function createTokenHandler(deps: TokenHandlerDeps) {
  const { logger, limits } = deps;
  return async (c: Context) => {
    // Requiring JSON also forces browsers to send a CORS preflight, so other sites cannot post here blind.
    if (!isJson(c.req.header('Content-Type'))) {
      return jsonError(c, 415, 'Send the body as application/json.');
    }
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

    // Reserved before the first await; a token the Users API then stops is still counted, which errs on the safe side.
    const tokenWait = limits.tokensPerAgent.retryAfterSeconds(userName);
    if (tokenWait !== undefined) return tooMany(c, tokenWait, `tokens for ${userName}`);
    limits.tokensPerAgent.record(userName);

    let userId: string;
    try {
      userId = await deps.users.userIdFor(userName);
    } catch (error) {
      if (!(error instanceof VonageUsersError)) throw error;
      logger.error(`Vonage Users API failed for ${userName}: ${escapeForLog(error.message)}`);
      return jsonError(c, 502, 'The Vonage Users API did not answer as expected; try again shortly.');
    }

    const token = await deps.signer.signAgentToken(userName, deps.tokenTtlSeconds);
    const expiresAt = new Date(token.expiresAt * 1000).toISOString();
    logger.info(`issued a token for ${userName} (${escapeForLog(userId, 100)}) to ${address}, expires ${expiresAt}`);
    const body: TokenResponse = { user_id: userId, user_name: userName, jwt: token.jwt, expires_at: expiresAt };
    return c.json(body, 200);
  };
}
