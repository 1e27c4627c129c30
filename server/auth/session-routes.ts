import { Hono, type Context } from 'hono';
import type { AgentDirectory } from '../agent-directory';
import type { BurstLog } from '../burst-log';
import type { ClientAddress } from '../client-address';
import { escapeForLog } from '../log-text';
import type { Logger } from '../logger';
import type { AgentSessions } from './agent-sessions';
import { sessionCookie, signInCookie, signInCookieMaxAgeSeconds } from './auth-cookies';
import type { OidcSignIn } from './oidc-sign-in';
import { requireSession } from './session-required';
import type { SignInTransactions } from './sign-in-transactions';

export interface SessionRoutesDeps {
  signIn: OidcSignIn;
  transactions: SignInTransactions;
  sessions: AgentSessions;
  sessionTtlSeconds: number;
  /** The SPA; every sign-in ends with a redirect there. */
  appUrl: string;
  /** Named in the log when an identity lacks it. */
  agentClaim: string;
  agents: AgentDirectory;
  clientAddress: ClientAddress;
  logger: Logger;
  /** Callbacks anyone can forge (expired, failed) are logged once per burst per address, like refused requests. */
  clientErrors: BurstLog;
}

/** How a sign-in ended, as the SPA reads it from `?sign_in=` (success has no parameter). */
export type SignInOutcome = 'cancelled' | 'refused' | 'expired' | 'failed';

/** What the SPA reads from GET /api/session. */
export interface SessionResponse {
  user_name: string;
  expires_at: string;
}

/**
 * Agent sign-in with OpenID Connect (AUTH_MODE=oidc): /auth/login and /auth/callback are browser navigations
 * that end in a redirect to the SPA; /api/session tells the SPA who is signed in and signs them out.
 */
export function createSessionRoutes(deps: SessionRoutesDeps): Hono {
  const { logger, sessions } = deps;
  const routes = new Hono();

  const backToApp = (c: Context, outcome?: SignInOutcome) => {
    const url = new URL(deps.appUrl);
    if (outcome !== undefined) url.searchParams.set('sign_in', outcome);
    return c.redirect(url.href, 303);
  };

  routes.get('/auth/login', async (c) => {
    const { authorizationUrl, checks } = await deps.signIn.begin();
    signInCookie.set(c, deps.transactions.begin(checks), signInCookieMaxAgeSeconds);
    return c.redirect(authorizationUrl.href, 302);
  });

  routes.get('/auth/callback', async (c) => {
    const address = escapeForLog(deps.clientAddress(c), 60);
    const transactionId = signInCookie.read(c);
    signInCookie.clear(c);
    // Taken whatever happens next, so a callback URL replayed later (from history, a log, a proxy) finds nothing.
    const checks = transactionId === undefined ? undefined : deps.transactions.take(transactionId);
    // Another state is another sign-in, e.g. one started in a second tab, whose cookie replaced this one's:
    // the sign-in this answer belongs to is no longer pending. (openid-client checks the state again.)
    if (checks === undefined || c.req.query('state') !== checks.state) {
      deps.clientErrors.warn(
        `sign-in expired ${address}`,
        `sign-in from ${address} came back without a matching pending sign-in (too slow, another tab or another browser)`,
      );
      return backToApp(c, 'expired');
    }

    let result: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      result = await deps.signIn.finish(new URL(c.req.url).searchParams, checks);
    } catch (error) {
      deps.clientErrors.warn(`sign-in failed ${address}`, `sign-in from ${address} failed: ${describeFailure(error)}`);
      return backToApp(c, 'failed');
    }
    if (result.outcome === 'cancelled') {
      logger.info(`sign-in from ${address} was cancelled at the identity provider`);
      return backToApp(c, 'cancelled');
    }

    const agent = result.agentName === undefined ? undefined : deps.agents.canonicalName(result.agentName);
    if (agent === undefined) {
      const who = result.agentName === undefined ? `has no ${deps.agentClaim} claim` : `${deps.agentClaim} ${JSON.stringify(escapeForLog(result.agentName, 100))} is not in AGENTS`;
      logger.warn(`sign-in refused for subject ${escapeForLog(result.subject, 100)} from ${address}: ${who}`);
      return backToApp(c, 'refused');
    }

    const { id, session } = sessions.create(agent);
    sessionCookie.set(c, id, deps.sessionTtlSeconds);
    logger.info(`${agent} signed in from ${address}; the session ends ${new Date(session.expiresAt).toISOString()}`);
    return backToApp(c);
  });

  routes.get('/api/session', (c) => {
    const signedIn = requireSession(c, sessions);
    if (!signedIn.ok) return signedIn.response;
    const body: SessionResponse = { user_name: signedIn.session.agent, expires_at: new Date(signedIn.session.expiresAt).toISOString() };
    return c.json(body, 200);
  });

  routes.delete('/api/session', (c) => {
    const id = sessionCookie.read(c);
    const found = sessions.lookup(id);
    sessions.end(id);
    sessionCookie.clear(c);
    if (found.status === 'active') logger.info(`${found.session.agent} signed out`);
    return c.body(null, 204);
  });

  return routes;
}

// The error's kind and the IdP's error code, never a token: openid-client's messages name claims, not values.
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = 'code' in error && typeof error.code === 'string' ? ` [${error.code}]` : '';
  const oauthError = 'error' in error && typeof error.error === 'string' ? ` (${error.error})` : '';
  return escapeForLog(`${error.name}: ${error.message}${code}${oauthError}`, 300);
}
