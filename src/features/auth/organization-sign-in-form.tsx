import { useState } from 'react';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { selectConnection, selectConnectionError } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';

/**
 * Live mode's sign-in screen: one button that sends the browser to the backend, which signs the agent in with
 * the organisation's identity provider and sends the browser back here. No name to type, no password here.
 */
export function OrganizationSignInForm({ signInUrl, onIntent }: { signInUrl: string; onIntent?: () => void }) {
  const connection = useSoftphone(selectConnection);
  const error = useSoftphone(selectConnectionError);
  const [leaving, setLeaving] = useState(false);
  const busy = leaving || connection === 'fetching-token' || connection === 'connecting';

  function signIn() {
    setLeaving(true);
    window.location.assign(signInUrl);
  }

  return (
    <section
      aria-labelledby="organization-sign-in-title"
      className="mx-auto mt-16 flex max-w-sm flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="organization-sign-in-title" className="text-lg font-semibold text-slate-900">
        Sign in to take calls
      </h2>
      <p className="text-sm text-slate-700">
        {busy ? 'Signing you in…' : 'You sign in with your organisation’s account. The softphone never sees your password.'}
      </p>
      {error && !busy && <MessageAlert message={error} />}
      {/* Start downloading the voice SDK as soon as the agent shows intent to sign in. */}
      <Button onClick={signIn} onPointerEnter={onIntent} onFocus={onIntent} disabled={busy}>
        Sign in
      </Button>
    </section>
  );
}
