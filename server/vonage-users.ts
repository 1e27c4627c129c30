import { z } from 'zod';

/** The Users API could not give us the agent's user id; the token route answers 502. */
export class VonageUsersError extends Error {
  override name = 'VonageUsersError';
}

export interface VonageUsers {
  /** The Vonage user id for this user name, creating the user on first use. Cached per name. */
  userIdFor(userName: string): Promise<string>;
}

interface VonageUsersOptions {
  /** Base URL without a trailing slash, e.g. https://api.nexmo.com. */
  apiUrl: string;
  /** An application JWT (no `sub`) for the Authorization header; minted per call so it is always fresh. */
  applicationToken: () => Promise<string>;
  timeoutMs?: number;
}

const userSchema = z.object({ id: z.string().min(1), name: z.string() });
const userListSchema = z.object({
  _embedded: z.object({ users: z.array(userSchema).optional() }).optional(),
});

export function createVonageUsers({ apiUrl, applicationToken, timeoutMs = 10_000 }: VonageUsersOptions): VonageUsers {
  // Promises, not ids, are cached so concurrent first sign-ins for one agent share a single lookup.
  const userIds = new Map<string, Promise<string>>();

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${await applicationToken()}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'unknown error';
      throw new VonageUsersError(`${method} /v1/users could not reach the Users API (${reason})`);
    }
  }

  async function readJson<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new VonageUsersError(`${what} answered ${response.status} with an unexpected body`);
    return parsed.data;
  }

  async function findUserId(userName: string): Promise<string | undefined> {
    const response = await call('GET', `/v1/users?name=${encodeURIComponent(userName)}`);
    if (!response.ok) throw new VonageUsersError(`GET /v1/users answered ${response.status}`);
    const list = await readJson(response, userListSchema, 'GET /v1/users');
    return list._embedded?.users?.find((user) => user.name === userName)?.id;
  }

  async function createUserId(userName: string): Promise<string | undefined> {
    const response = await call('POST', '/v1/users', { name: userName, display_name: userName });
    // 409: another server (or a concurrent request) created the user between our read and this write.
    if (response.status === 409) return undefined;
    if (!response.ok) throw new VonageUsersError(`POST /v1/users answered ${response.status}`);
    return (await readJson(response, userSchema, 'POST /v1/users')).id;
  }

  async function resolveUserId(userName: string): Promise<string> {
    const id = (await findUserId(userName)) ?? (await createUserId(userName)) ?? (await findUserId(userName));
    if (id === undefined) throw new VonageUsersError(`user ${userName} exists (409) but could not be read back`);
    return id;
  }

  return {
    userIdFor(userName) {
      const cached = userIds.get(userName);
      if (cached !== undefined) return cached;
      const pending = resolveUserId(userName);
      userIds.set(userName, pending);
      // A failure is not cached: the next sign-in tries the Users API again.
      pending.catch(() => {
        if (userIds.get(userName) === pending) userIds.delete(userName);
      });
      return pending;
    },
  };
}
