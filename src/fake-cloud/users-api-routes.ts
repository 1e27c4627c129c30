// The Users API a contact center backend calls to learn an agent's Vonage user id (server/vonage-users.ts):
// GET /v1/users?name=… and, for a name it does not find, POST /v1/users. Served with the cloud's own users, so
// the ids the backend hands out are the ones the cloud puts in session:success and member events. A user the
// backend creates becomes one the cloud knows (its sessions are accepted), and stays until the host stops.
import { http } from 'msw';
import type { AgentRecord, CloudState } from './cloud-state.ts';
import { bearerToken, csErrorReply, jsonReply, preflightReply, readJsonObject, readString, replyOrError } from './rest-responses.ts';
import type { TokenCheck } from './token-check.ts';

const defaultPageSize = 10;
const maxPageSize = 100;

function userResource(usersUrl: string, agent: AgentRecord) {
  return {
    id: agent.userId,
    name: agent.userName,
    display_name: agent.displayName,
    _links: { self: { href: `${usersUrl}/${agent.userId}` } },
  };
}

/** `baseUrl` is where Vonage's REST APIs live for the backend (its VONAGE_API_URL): the routes are under /v1/users. */
export function usersApiRoutes(state: CloudState, tokens: TokenCheck, baseUrl: string) {
  const usersUrl = `${baseUrl}/v1/users`;

  /** The application token (no `sub`) the backend signs for each call; a refusal is a 401 CS error. */
  function refusal(request: Request) {
    const token = bearerToken(request);
    if (token === undefined) return csErrorReply(401, 'system:error:invalid-token', 'Missing bearer token');
    const verdict = tokens.checkApplicationToken(token, { method: request.method, path: new URL(request.url).pathname });
    return verdict.ok ? undefined : csErrorReply(401, verdict.code, verdict.detail);
  }

  return [
    http.options(usersUrl, () => preflightReply()),

    http.get(usersUrl, ({ request }) =>
      replyOrError(() => {
        const refused = refusal(request);
        if (refused) return refused;
        const url = new URL(request.url);
        const name = url.searchParams.get('name');
        const pageSize = Math.min(Math.max(Number(url.searchParams.get('page_size') ?? defaultPageSize) || defaultPageSize, 1), maxPageSize);
        // One page only: the backend always asks by name, and a name matches at most one user.
        const users = state.allAgents().filter((agent) => name === null || agent.userName === name).slice(0, pageSize);
        return jsonReply({
          page_size: pageSize,
          _embedded: { users: users.map((agent) => userResource(usersUrl, agent)) },
          _links: { self: { href: url.href } },
        });
      }),
    ),

    http.post(usersUrl, ({ request }) =>
      replyOrError(async () => {
        const refused = refusal(request);
        if (refused) return refused;
        const body = await readJsonObject(request);
        const name = readString(body, 'name')?.trim();
        if (!name) return csErrorReply(400, 'http:error:validation-fail', 'name is required');
        if (state.findAgent(name)) return csErrorReply(409, 'user:error:duplicate-name', `User ${name} already exists`);
        const agent = state.addAgent(name, readString(body, 'display_name') ?? name);
        return jsonReply(userResource(usersUrl, agent), 201);
      }),
    ),
  ];
}
