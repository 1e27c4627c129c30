import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import { cn } from '@/lib/cn';
import { phoneKeys, type PhoneKey, type PhoneStatus } from '@/fake-cloud/phone-protocol';
import { formatPhoneNumber } from './format-phone-number';
import type { PhoneConnection } from './phone-connection';
import { phoneStatusText } from './phone-status-text';
import { useRingTone } from './ring-tone';

const statusTone: Record<PhoneStatus | 'offline', string> = {
  idle: 'bg-slate-100 text-slate-800',
  calling: 'bg-amber-50 text-amber-900',
  ringing: 'bg-amber-50 text-amber-900',
  connected: 'bg-emerald-50 text-emerald-900',
  ended: 'bg-slate-100 text-slate-800',
  offline: 'bg-rose-50 text-rose-900',
};

/** A simulated PSTN phone: its number, a dialler, call controls and a keypad (see README, QA contract). */
export function PhoneApp({ connection }: { connection: PhoneConnection }) {
  const { link, phone, error, microphoneProblem } = useSyncExternalStore(connection.subscribe, connection.getState);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const hintId = useId();
  const status = link === 'closed' || !phone ? undefined : phone.status;
  const inCall = status === 'calling' || status === 'ringing' || status === 'connected';
  const canDial = link === 'open' && phone !== undefined && !inCall;
  // A call ringing in rings aloud until it is answered, rejected or given up (or the emulator is lost).
  useRingTone(status === 'ringing');

  function dial(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim() === '') return;
    connection.send({ type: 'dial', to: typed });
  }

  function press(key: PhoneKey) {
    if (status === 'connected') connection.send({ type: 'key', key });
    else setTyped((text) => text + key);
  }

  return (
    <div className="min-h-screen bg-slate-100">
      <header className="bg-white px-6 py-3 shadow-sm">
        <h1 className="font-semibold text-slate-900">Phone</h1>
        <p className="text-sm text-slate-600">A simulated PSTN phone on the Vonage emulator (demo and test builds only).</p>
      </header>
      <main className="mx-auto max-w-sm p-6">
        <Panel label="Phone" className="space-y-4">
          <p className="text-sm text-slate-700">
            Your number: <span className="font-semibold tabular-nums text-slate-900">{phone ? formatPhoneNumber(phone.number) : '…'}</span>
          </p>
          {phone?.contactCenterNumber !== undefined && (
            <div className="flex items-center justify-between gap-2 rounded-lg bg-indigo-50 px-3 py-2">
              <p className="text-sm text-slate-700">
                Contact center: <span className="font-semibold tabular-nums text-slate-900">{formatPhoneNumber(phone.contactCenterNumber)}</span>
              </p>
              <Button variant="secondary" disabled={!canDial} onClick={() => connection.send({ type: 'call-contact-center' })}>
                Call the contact center
              </Button>
            </div>
          )}
          <p
            role="status"
            aria-label="Phone status"
            className={cn('rounded-lg px-3 py-2 text-sm font-medium', statusTone[status ?? (link === 'closed' ? 'offline' : 'idle')])}
          >
            {phoneStatusText(link, phone)}
          </p>

          {status === 'connected' && phone?.prompt !== undefined && (
            <p aria-live="polite" className="rounded-lg bg-white px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200">
              The contact center says: <q className="break-words">{phone.prompt}</q>
            </p>
          )}
          {phone?.said !== undefined && (
            <div className="text-sm text-slate-700">
              <p>Said so far:</p>
              <ol aria-label="What the contact center said" className="mt-1 list-decimal space-y-0.5 pl-5">
                {/* The same prompt can be said twice (a menu repeated): its place in the call is its identity. */}
                {phone.said.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ol>
            </div>
          )}
          {status === 'connected' && phone?.listening === true && (
            <p aria-live="polite" className="text-sm font-medium text-indigo-900">
              The contact center is waiting for your keys.
            </p>
          )}
          {status === 'ringing' && (
            <div className="flex gap-2">
              <Button variant="answer" className="flex-1" onClick={() => connection.send({ type: 'answer' })}>
                Answer
              </Button>
              <Button variant="danger" className="flex-1" onClick={() => connection.send({ type: 'reject' })}>
                Reject
              </Button>
            </div>
          )}
          {(status === 'calling' || status === 'connected') && (
            <Button variant="danger" className="w-full" onClick={() => connection.send({ type: 'hangup' })}>
              Hang up
            </Button>
          )}

          <form onSubmit={dial} className="space-y-2">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
              Number to call
            </label>
            <div className="flex gap-2">
              <input
                id={inputId}
                name="to"
                autoComplete="off"
                inputMode="tel"
                aria-describedby={hintId}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
              />
              <Button type="submit" disabled={!canDial}>
                Call
              </Button>
            </div>
            <p id={hintId} className="text-xs text-slate-600">
              An agent’s name (Jane, Joe) or a number.
            </p>
          </form>

          <div className="grid grid-cols-3 gap-2" role="group" aria-label="Keypad">
            {phoneKeys.map((key) => (
              <Button
                key={key}
                variant="secondary"
                aria-label={`Key ${key}`}
                disabled={status === 'calling' || status === 'ringing'}
                className="py-3 text-lg tabular-nums"
                onClick={() => press(key)}
              >
                {key}
              </Button>
            ))}
          </div>
          {phone && phone.digits !== '' && (
            <p className="text-sm text-slate-700">
              Keys sent: <span className="font-mono font-semibold text-slate-900">{phone.digits}</span>
            </p>
          )}

          {status === 'ended' && phone?.problem !== undefined && <MessageAlert message={`The contact center’s call flow failed: ${phone.problem}`} />}
          {error && <MessageAlert message={error} />}
          {microphoneProblem && <MessageAlert message={microphoneProblem} />}
        </Panel>
      </main>
    </div>
  );
}
