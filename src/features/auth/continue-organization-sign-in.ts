import type { SoftphoneStore } from '@/store/softphone-store';
import { fetchBackendSession, takeSignInOutcome, type BackendSessionOptions, type OrganizationEndpoints } from './organization-sign-in';

const sessionExpired = 'Your sign-in with your organisation has expired. Sign in again to take calls.';

/**
 * Run once when the page loads with organisation sign-in: a browser coming back from a refused or cancelled
 * sign-in says why; one coming back signed in (or reloaded while signed in) signs the agent into the voice
 * service without another click. A page that is taking its session back after a reload is left to do so.
 */
export async function continueOrganizationSignIn(
  store: SoftphoneStore,
  endpoints: OrganizationEndpoints,
  options: BackendSessionOptions,
  page: { location: Location; history: History } = window,
): Promise<void> {
  const problem = takeSignInOutcome(page.location, page.history);
  if (problem !== undefined) {
    store.actions.showSignInProblem(problem);
    return;
  }
  if (store.getState().connection !== 'signed-out') return;
  let session;
  try {
    session = await fetchBackendSession(endpoints.sessionUrl, options);
  } catch (error) {
    store.actions.showSignInProblem(error instanceof Error ? error.message : String(error));
    return;
  }
  if (session.signedIn) await store.actions.signIn(session.userName);
  else if (session.expired) store.actions.showSignInProblem(sessionExpired);
}
