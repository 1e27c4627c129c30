import { useId, type FormEvent } from 'react';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { selectConnection, selectConnectionError, selectLastAgentName } from '@/store/selectors';

export function SignInForm({ onIntent }: { onIntent?: () => void }) {
  const { signIn } = useSoftphoneActions();
  const connection = useSoftphone(selectConnection);
  const error = useSoftphone(selectConnectionError);
  const lastAgentName = useSoftphone(selectLastAgentName);
  const inputId = useId();
  const busy = connection === 'fetching-token' || connection === 'connecting';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('agent');
    void signIn(typeof name === 'string' ? name : '');
  }

  return (
    <form onSubmit={submit} className="mx-auto mt-16 flex max-w-sm flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold text-slate-900">Sign in to take calls</h2>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          Agent
        </label>
        <input
          id={inputId}
          name="agent"
          autoComplete="username"
          defaultValue={lastAgentName}
          // Start downloading the voice SDK as soon as the agent shows intent to sign in.
          onFocus={onIntent}
          className="rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          placeholder="e.g. Jane"
        />
      </div>
      {error && connection !== 'fetching-token' && <MessageAlert message={error} />}
      <Button type="submit" disabled={busy}>
        Sign in
      </Button>
    </form>
  );
}
