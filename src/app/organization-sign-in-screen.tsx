import { use } from 'react';
import type { OrganizationSignInFlow } from './organization-sign-in-flow';

/** The sign-in screen once its chunk is in (a Suspense and error boundary around it wait for it, or fail alone). */
export function OrganizationSignInScreen({ flow, onIntent }: { flow: Promise<OrganizationSignInFlow>; onIntent?: () => void }) {
  const { Form, signInUrl } = use(flow);
  return <Form signInUrl={signInUrl} onIntent={onIntent} />;
}
