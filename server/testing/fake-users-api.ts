import { http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';

export interface FakeUser {
  id: string;
  name: string;
}

export interface RecordedUsersApiRequest {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

export interface FakeUsersApi {
  handlers: RequestHandler[];
  users: FakeUser[];
  requests: RecordedUsersApiRequest[];
}

/**
 * An in-memory stand-in for Vonage's Users API, served through MSW, shaped like the real one: list by name
 * under `_embedded.users`, create with `{ name, display_name }`, 409 for a duplicate name.
 * New users get ids like `USR-jane`, which is the shared fixture's user_id for Jane.
 */
export function createFakeUsersApi(baseUrl: string, existing: FakeUser[] = []): FakeUsersApi {
  const users = [...existing];
  const requests: RecordedUsersApiRequest[] = [];

  async function record(request: Request) {
    const body: unknown = request.method === 'POST' ? await request.clone().json() : undefined;
    requests.push({ method: request.method, url: request.url, authorization: request.headers.get('Authorization'), body });
    return request.headers.get('Authorization')?.startsWith('Bearer ') === true;
  }

  const unauthorized = () => HttpResponse.json({ title: 'Unauthorized' }, { status: 401 });

  return {
    users,
    requests,
    handlers: [
      http.get(`${baseUrl}/v1/users`, async ({ request }) => {
        if (!(await record(request))) return unauthorized();
        const name = new URL(request.url).searchParams.get('name');
        const matches = users.filter((user) => name === null || user.name === name);
        return HttpResponse.json({ page_size: 10, _embedded: { users: matches }, _links: {} });
      }),
      http.post(`${baseUrl}/v1/users`, async ({ request }) => {
        if (!(await record(request))) return unauthorized();
        const { name } = z.object({ name: z.string() }).parse(await request.json());
        if (users.some((user) => user.name === name)) {
          return HttpResponse.json({ title: 'User already exists', code: 'user:error:duplicate-name' }, { status: 409 });
        }
        const user = { id: `USR-${name.toLowerCase()}`, name };
        users.push(user);
        return HttpResponse.json({ ...user, display_name: name, _links: {} }, { status: 201 });
      }),
    ],
  };
}
