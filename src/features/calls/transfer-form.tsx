import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { useSoftphoneActions } from '@/store/use-softphone';

/** Hands the other party to another agent or a number; the call's own alert shows why a transfer failed. */
export function TransferForm({ callId, pending }: { callId: string; pending: boolean }) {
  const { transfer } = useSoftphoneActions();
  const inputId = useId();
  const [destination, setDestination] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void transfer(callId, destination);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
        Transfer to
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="Joe or +44 20 7946 0501"
          value={destination}
          onChange={(event) => setDestination(event.target.value)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Transfer call
        </Button>
      </div>
    </form>
  );
}
