import type { Context } from 'hono';
import type { AgentSession, AgentSessions } from './agent-sessions';
import { sessionCookie } from './auth-cookies';

/** Why a request without a usable session was refused; the SPA words its sign-in prompt after it. */
export type SessionRefusalReason = 'signed-out' | 'session-expired';

export interface SessionRefusal {
  error: string;
  reason: SessionRefusalReason;
}

const refusals: Record<SessionRefusalReason, string> = {
  'signed-out': 'You are not signed in; sign in first.',
  'session-expired': 'Your session has expired; sign in again.',
};

/** The agent behind this request's session cookie, or the 401 to answer instead. */
export function requireSession(c: Context, sessions: AgentSessions): { ok: true; session: AgentSession } | { ok: false; response: Response } {
  const found = sessions.lookup(sessionCookie.read(c));
  if (found.status === 'active') return { ok: true, session: found.session };
  const body: SessionRefusal = { error: refusals[found.status], reason: found.status };
  return { ok: false, response: c.json(body, 401) };
}
