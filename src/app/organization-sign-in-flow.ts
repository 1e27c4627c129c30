import type { SoftphoneStore } from '@/store/softphone-store';
import { retryingImport } from '@/lib/retrying-import';

// Live builds' organisation sign-in is its own chunk, requested as soon as the page starts, while the shell renders.
// Its backend-session check validates with zod (about 9 KB gzip), and organizationEndpoints, which the Sign in
// button needs, shares that module: imported statically, both would sit in the entry chunk. Once the endpoints
// live in a module of their own, the form can come back into the entry and only the session check stay here.

export interface BackendOptions {
  timeoutMs: number;
}

export async function loadOrganizationSignInFlow(tokenUrl: string) {
  const [signIn, continuing, form] = await Promise.all([
    retryingImport(() => import('@/features/auth/organization-sign-in')),
    retryingImport(() => import('@/features/auth/continue-organization-sign-in')),
    retryingImport(() => import('@/features/auth/organization-sign-in-form')),
  ]);
  const endpoints = signIn.organizationEndpoints(tokenUrl);
  return {
    Form: form.OrganizationSignInForm,
    signInUrl: endpoints.signInUrl,
    endBackendSession: (options: BackendOptions) => signIn.endBackendSession(endpoints.sessionUrl, options),
    /** Back from the organisation's sign-in (or reloaded while signed in there): on to the voice service by itself. */
    continueSignIn: (store: SoftphoneStore, options: BackendOptions) => continuing.continueOrganizationSignIn(store, endpoints, options),
  };
}

export type OrganizationSignInFlow = Awaited<ReturnType<typeof loadOrganizationSignInFlow>>;
