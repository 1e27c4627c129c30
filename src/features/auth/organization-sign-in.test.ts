import { describe, expect, it, vi } from 'vitest';
import { endBackendSession, fetchBackendSession, organizationEndpoints, takeSignInOutcome } from './organization-sign-in';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function pageAt(href: string) {
  const page = { location: { href } as Location, history: { state: { kept: true }, replaceState: vi.fn() } };
  return { ...page, history: page.history as unknown as History & { replaceState: ReturnType<typeof vi.fn> } };
}

describe('organisation sign-in endpoints', () => {
  it('sit beside the token route, on the backend’s origin', () => {
    expect(organizationEndpoints('https://backend.example/api/jwt')).toEqual({
      signInUrl: 'https://backend.example/auth/login',
      sessionUrl: 'https://backend.example/api/session',
    });
    expect(organizationEndpoints('/api/jwt', 'https://softphone.example/app/')).toEqual({
      signInUrl: 'https://softphone.example/auth/login',
      sessionUrl: 'https://softphone.example/api/session',
    });
  });
});

describe('takeSignInOutcome', () => {
  it.each([
    ['cancelled', /Sign-in was cancelled/],
    ['refused', /not set up as an agent here/],
    ['expired', /took too long/],
    ['failed', /did not work/],
    ['<script>', /did not work/],
  ])('explains ?sign_in=%s and takes it off the address bar', (outcome, message) => {
    const page = pageAt(`https://softphone.example/?tab=1&sign_in=${encodeURIComponent(outcome)}#top`);
    expect(takeSignInOutcome(page.location, page.history)).toMatch(message);
    expect(page.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', 'https://softphone.example/?tab=1#top');
  });

  it('leaves a page opened normally alone', () => {
    const page = pageAt('https://softphone.example/');
    expect(takeSignInOutcome(page.location, page.history)).toBeUndefined();
    expect(page.history.replaceState).not.toHaveBeenCalled();
  });
});

describe('fetchBackendSession', () => {
  const sessionUrl = 'https://backend.example/api/session';

  it('names the signed-in agent, sending the cookie', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => jsonResponse({ user_name: 'Jane', expires_at: '2026-11-29T12:00:00Z' }));
    await expect(fetchBackendSession(sessionUrl, { timeoutMs: 1000, fetch: fetchStub })).resolves.toEqual({ signedIn: true, userName: 'Jane' });
    expect(fetchStub.mock.calls[0]?.[1]?.credentials).toBe('include');
  });

  it.each([
    [{ error: 'Not signed in.', reason: 'signed-out' }, false],
    [{ error: 'Expired.', reason: 'session-expired' }, true],
    ['not json', false],
  ])('reads a 401 %j as signed out (expired: %s)', async (body, expired) => {
    const fetchStub = vi.fn<typeof fetch>(async () => (typeof body === 'string' ? new Response(body, { status: 401 }) : jsonResponse(body, 401)));
    await expect(fetchBackendSession(sessionUrl, { timeoutMs: 1000, fetch: fetchStub })).resolves.toEqual({ signedIn: false, expired });
  });

  it('says when the sign-in service is down or unreachable', async () => {
    const down = vi.fn<typeof fetch>(async () => jsonResponse({ error: 'boom' }, 503));
    await expect(fetchBackendSession(sessionUrl, { timeoutMs: 1000, fetch: down })).rejects.toThrow('The sign-in service is having trouble (HTTP 503)');
    const unreachable = vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchBackendSession(sessionUrl, { timeoutMs: 1000, fetch: unreachable })).rejects.toThrow('could not be reached');
  });
});

describe('endBackendSession', () => {
  it('deletes the session with the cookie', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
    await endBackendSession('https://backend.example/api/session', { timeoutMs: 1000, fetch: fetchStub });
    expect(fetchStub.mock.calls[0]?.[1]).toMatchObject({ method: 'DELETE', credentials: 'include' });
  });

  it('tells the agent how to finish when it fails', async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => new Response(null, { status: 500 }));
    await expect(endBackendSession('https://backend.example/api/session', { timeoutMs: 1000, fetch: fetchStub })).rejects.toThrow(
      'Close the browser to end it.',
    );
  });
});
