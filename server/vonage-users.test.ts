import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeUsersApi } from './testing/fake-users-api';
import { testUsersApiUrl } from './testing/test-config';
import { createVonageUsers, VonageUsersError } from './vonage-users';

const mswServer = setupServer();
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

const createUsers = () => createVonageUsers({ apiUrl: testUsersApiUrl, applicationToken: async () => 'app-token' });

describe('createVonageUsers', () => {
  it('shares one lookup between concurrent first sign-ins of the same agent', async () => {
    const api = createFakeUsersApi(testUsersApiUrl);
    mswServer.use(...api.handlers);
    const users = createUsers();

    const ids = await Promise.all([users.userIdFor('Jane'), users.userIdFor('Jane'), users.userIdFor('Joe')]);

    expect(ids).toEqual(['USR-jane', 'USR-jane', 'USR-joe']);
    expect(api.requests.filter((request) => request.url.endsWith('name=Jane'))).toHaveLength(1);
    expect(api.requests.every((request) => request.authorization === 'Bearer app-token')).toBe(true);
  });

  it('matches the user name exactly, and encodes it in the query', async () => {
    const api = createFakeUsersApi(testUsersApiUrl, [{ id: 'USR-other', name: 'jane' }]);
    mswServer.use(
      http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ _embedded: { users: [{ id: 'USR-other', name: 'jane' }] } }), {
        once: true,
      }),
      ...api.handlers,
    );
    expect(await createUsers().userIdFor('Jane')).toBe('USR-jane');
    expect(await createUsers().userIdFor('a+b@x')).toBe('USR-a+b@x');
    expect(api.requests.some((request) => request.url.endsWith('?name=a%2Bb%40x'))).toBe(true);
  });

  it('accepts a list answer without _embedded as "no such user"', async () => {
    const api = createFakeUsersApi(testUsersApiUrl);
    mswServer.use(http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ page_size: 10 }), { once: true }), ...api.handlers);
    expect(await createUsers().userIdFor('Jane')).toBe('USR-jane');
  });

  it('fails clearly when a 409 user still cannot be read back', async () => {
    mswServer.use(
      http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ _embedded: { users: [] } })),
      http.post(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({}, { status: 409 })),
    );
    const failure = createUsers().userIdFor('Jane');
    await expect(failure).rejects.toBeInstanceOf(VonageUsersError);
    await expect(failure).rejects.toThrow('user Jane exists (409) but could not be read back');
  });

  it('fails with a VonageUsersError when the created user has no id', async () => {
    mswServer.use(
      http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ _embedded: { users: [] } })),
      http.post(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ name: 'Jane' }, { status: 201 })),
    );
    await expect(createUsers().userIdFor('Jane')).rejects.toThrow('POST /v1/users answered 201 with an unexpected body');
  });
});
