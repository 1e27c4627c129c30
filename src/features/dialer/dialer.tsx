import { useId, type FormEvent } from 'react';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { selectConnection, selectDialError, selectHasCallInProgress } from '@/store/selectors';

export function Dialer() {
  const { dial, editDial, soundCheck } = useSoftphoneActions();
  const error = useSoftphone(selectDialError);
  const inCall = useSoftphone(selectHasCallInProgress);
  const ready = useSoftphone(selectConnection) === 'ready';
  const inputId = useId();
  const errorId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('destination');
    void dial(typeof value === 'string' ? value : '');
  }

  return (
    <Panel label="Dialer">
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          Number or agent
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            data-shortcut-target="dialer"
            name="destination"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            placeholder="+44 20 7946 0000 or Joe"
            onChange={editDial}
            aria-invalid={error?.aboutInput ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
          <Button type="submit" disabled={inCall || !ready}>
            Call
          </Button>
        </div>
        <div className="flex items-center gap-3">
          <Button variant="secondary" disabled={inCall || !ready} onClick={() => void soundCheck()}>
            Sound check
          </Button>
          <span className="text-sm text-slate-600">Hear yourself through the call service before you take calls.</span>
        </div>
        {error && (
          <div id={errorId}>
            <MessageAlert message={error.message} />
          </div>
        )}
      </form>
    </Panel>
  );
}
