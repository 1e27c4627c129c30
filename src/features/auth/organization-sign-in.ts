// Organisation sign-in (live mode's default): the backend runs OpenID Connect with the organisation's identity
// provider and keeps the agent's session in an HttpOnly cookie this script never sees. The SPA only sends the
// browser to the backend's sign-in, reads how it came back, asks who is signed in, and ends that session.
import { backendSessionSchema, tokenErrorSchema } from '@/contracts/token-api';

export interface OrganizationEndpoints {
  /** GET: the backend sends the browser on to the identity provider, and back to this page afterwards. */
  signInUrl: string;
  /** GET: who is signed in here; DELETE: sign out of the backend. */
  sessionUrl: string;
}

/** The backend's routes sit beside the token route: /api/jwt → /api/session and /auth/login. */
export function organizationEndpoints(tokenUrl: string, base = globalThis.location?.href ?? 'http://localhost/'): OrganizationEndpoints {
  const token = new URL(tokenUrl, base);
  return { signInUrl: new URL('../auth/login', token).href, sessionUrl: new URL('session', token).href };
}

/** What the backend's callback says when it sends the browser back without a session (`?sign_in=…`). */
const outcomeMessages: Record<string, string> = {
  cancelled: 'Sign-in was cancelled. Sign in again when you are ready.',
  refused: 'That account is not set up as an agent here. Ask your supervisor to add you, or sign in with another account.',
  expired: 'The sign-in took too long, or was finished in another browser. Sign in again.',
  failed: 'The sign-in with your organisation did not work. Try again; if it keeps failing, tell your administrator.',
};

export const signInOutcomeParameter = 'sign_in';

/**
 * The message for a sign-in the backend sent back without a session, taken off the address bar so a reload
 * or a bookmark does not show it again. Undefined when the page was opened normally.
 */
export function takeSignInOutcome(location: Location, history: History): string | undefined {
  const url = new URL(location.href);
  const outcome = url.searchParams.get(signInOutcomeParameter);
  if (outcome === null) return undefined;
  url.searchParams.delete(signInOutcomeParameter);
  history.replaceState(history.state, '', url.href);
  return outcomeMessages[outcome] ?? outcomeMessages.failed;
}

export type BackendSessionState = { signedIn: true; userName: string } | { signedIn: false; expired: boolean };

export interface BackendSessionOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

const unreachable = 'The sign-in service could not be reached. Check your connection, then sign in.';

/** Who the backend has signed in in this browser. Rejects with a sentence for the agent when it cannot tell. */
export async function fetchBackendSession(sessionUrl: string, options: BackendSessionOptions): Promise<BackendSessionState> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(sessionUrl, {
      headers: { Accept: 'application/json' },
      credentials: 'include',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch {
    throw new Error(unreachable);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) {
    const error = tokenErrorSchema.safeParse(body);
    return { signedIn: false, expired: error.success && error.data.reason === 'session-expired' };
  }
  const session = backendSessionSchema.safeParse(body);
  if (!response.ok || !session.success) {
    throw new Error(`The sign-in service is having trouble (HTTP ${response.status}). Try again in a moment.`);
  }
  return { signedIn: true, userName: session.data.user_name };
}

/** Ends the backend's session (and its cookie). Rejects with a sentence for the agent. */
export async function endBackendSession(sessionUrl: string, options: BackendSessionOptions): Promise<void> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(sessionUrl, { method: 'DELETE', credentials: 'include', signal: AbortSignal.timeout(options.timeoutMs) });
  } catch {
    throw new Error('You are signed out of the softphone, but the sign-in service could not be reached to end your sign-in there. Close the browser to end it.');
  }
  if (!response.ok) {
    throw new Error(`You are signed out of the softphone, but the sign-in service did not end your sign-in there (HTTP ${response.status}). Close the browser to end it.`);
  }
}
