import { describe, expect, it, vi } from 'vitest';
import type { SoftphoneStore } from '@/store/softphone-store';
import { continueOrganizationSignIn } from './continue-organization-sign-in';

const endpoints = { signInUrl: 'https://backend.example/auth/login', sessionUrl: 'https://backend.example/api/session' };

function storeIn(connection: string) {
  const actions = { showSignInProblem: vi.fn(), signIn: vi.fn(async () => undefined) };
  return { store: { getState: () => ({ connection }), actions } as unknown as SoftphoneStore, actions };
}

function pageAt(href: string) {
  return { location: { href } as Location, history: { state: null, replaceState: vi.fn() } as unknown as History };
}

const answering = (status: number, body: unknown) => vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status }));

describe('continueOrganizationSignIn', () => {
  it('signs the agent the backend knows into the voice service, without a click', async () => {
    const { store, actions } = storeIn('signed-out');
    const fetch = answering(200, { user_name: 'Jane', expires_at: '2026-11-29T12:00:00Z' });
    await continueOrganizationSignIn(store, endpoints, { timeoutMs: 1000, fetch }, pageAt('https://softphone.example/'));
    expect(actions.signIn).toHaveBeenCalledWith('Jane');
  });

  it('explains a refused sign-in and asks the backend nothing', async () => {
    const { store, actions } = storeIn('signed-out');
    const fetch = answering(200, {});
    await continueOrganizationSignIn(store, endpoints, { timeoutMs: 1000, fetch }, pageAt('https://softphone.example/?sign_in=refused'));
    expect(actions.showSignInProblem).toHaveBeenCalledWith(expect.stringMatching(/not set up as an agent here/));
    expect(fetch).not.toHaveBeenCalled();
    expect(actions.signIn).not.toHaveBeenCalled();
  });

  it('says when the backend sign-in has expired, and stays quiet when nobody signed in', async () => {
    const expired = storeIn('signed-out');
    await continueOrganizationSignIn(expired.store, endpoints, { timeoutMs: 1000, fetch: answering(401, { error: 'x', reason: 'session-expired' }) }, pageAt('https://softphone.example/'));
    expect(expired.actions.showSignInProblem).toHaveBeenCalledWith('Your sign-in with your organisation has expired. Sign in again to take calls.');

    const nobody = storeIn('signed-out');
    await continueOrganizationSignIn(nobody.store, endpoints, { timeoutMs: 1000, fetch: answering(401, { error: 'x', reason: 'signed-out' }) }, pageAt('https://softphone.example/'));
    expect(nobody.actions.showSignInProblem).not.toHaveBeenCalled();
    expect(nobody.actions.signIn).not.toHaveBeenCalled();
  });

  it('leaves a page that is taking its session back after a reload alone', async () => {
    const { store, actions } = storeIn('ready');
    const fetch = answering(200, { user_name: 'Jane', expires_at: '2026-11-29T12:00:00Z' });
    await continueOrganizationSignIn(store, endpoints, { timeoutMs: 1000, fetch }, pageAt('https://softphone.example/'));
    expect(fetch).not.toHaveBeenCalled();
    expect(actions.signIn).not.toHaveBeenCalled();
  });

  it('says when the sign-in service cannot be reached', async () => {
    const { store, actions } = storeIn('signed-out');
    const unreachable = vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch')));
    await continueOrganizationSignIn(store, endpoints, { timeoutMs: 1000, fetch: unreachable }, pageAt('https://softphone.example/'));
    expect(actions.showSignInProblem).toHaveBeenCalledWith(expect.stringMatching(/could not be reached/));
  });
});
