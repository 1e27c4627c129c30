import type { Context } from 'hono';
import type { TokenResponse } from '../src/contracts/token-api';
import { jsonError } from './json-error';
import type { JwtSigner } from './jwt-signer';
import { escapeForLog } from './log-text';
import type { Logger } from './logger';
import type { SignInLimiters } from './sign-in-limits';
import { tooMany } from './token-request-guards';
import { VonageUsersError, type VonageUsers } from './vonage-users';

export interface TokenIssuingDeps {
  tokenTtlSeconds: number;
  signer: JwtSigner;
  users: VonageUsers;
  limits: SignInLimiters;
  logger: Logger;
}

/**
 * The last step of POST /api/jwt in either sign-in mode, once the caller has proved they are `userName`:
 * the per-agent token limit, the agent's Vonage user id, and the signed token.
 */
export async function issueAgentToken(c: Context, deps: TokenIssuingDeps, userName: string, address: string) {
  const { limits, logger } = deps;
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
}
