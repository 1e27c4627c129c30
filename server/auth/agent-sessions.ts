import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

export interface AgentSession {
  /** The configured spelling from AGENTS: the Vonage user name and the token's `sub`. */
  agent: string;
  /** Milliseconds since the epoch; the session ends then however active it was. */
  expiresAt: number;
}

export type SessionLookup =
  | { status: 'active'; session: AgentSession }
  | { status: 'signed-out' }
  | { status: 'session-expired' };

/**
 * Signed-in agents, keyed by the session cookie's random id. Held in this process's memory only: a restart
 * signs everyone out, and the backend must run as one instance (a second one would not know these sessions).
 */
export interface AgentSessions {
  /** Starts a session and returns its id for the cookie. */
  create(agent: string): { id: string; session: AgentSession };
  lookup(id: string | undefined): SessionLookup;
  /** Ends the session; ending one that does not exist is not an error. */
  end(id: string | undefined): void;
}

// Sessions are created only for allow-listed agents who signed in at the IdP, so this cap is a backstop.
const defaultMaxSessions = 100_000;
// An expired session is remembered a day longer, so the agent who comes back next morning is told that the
// session expired (and signs in again) rather than that they were never signed in.
const rememberExpiredMs = 24 * 60 * 60 * 1000;

export function createAgentSessions(ttlSeconds: number, now: Clock, maxSessions = defaultMaxSessions): AgentSessions {
  // Insertion order is creation order, and every session lives equally long: the first ones expire first.
  const sessions = new Map<string, AgentSession>();

  function sweep() {
    for (const [id, { expiresAt }] of sessions) {
      if (expiresAt + rememberExpiredMs > now() && sessions.size < maxSessions) return;
      sessions.delete(id);
    }
  }

  return {
    create(agent) {
      sweep();
      // 256 random bits: the cookie is the agent's whole credential until it expires.
      const id = randomBytes(32).toString('base64url');
      const session = { agent, expiresAt: now() + ttlSeconds * 1000 };
      sessions.set(id, session);
      return { id, session };
    },
    lookup(id) {
      const session = id === undefined ? undefined : sessions.get(id);
      if (session === undefined) return { status: 'signed-out' };
      if (session.expiresAt <= now()) return { status: 'session-expired' };
      return { status: 'active', session };
    },
    end(id) {
      if (id !== undefined) sessions.delete(id);
    },
  };
}
