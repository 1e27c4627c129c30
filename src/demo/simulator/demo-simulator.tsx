import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSoftphone } from '@/store/use-softphone';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import { Panel } from '@/components/panel';
import type { CalleeBehaviour, FakeVonageControl } from '@/fake-cloud/control-api';
import { parseDialInput } from '@/lib/dial-target';
import { selectAgent, selectCurrentCall, selectIncomingCall } from '@/store/selectors';
import { InboundFlowChooser } from './inbound-flow-chooser';

const initialRingSeconds = 2;

const inputClass = 'rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200';

/** Demo mode only: plays the caller and the callee through the fake cloud, so a newcomer can try every flow. */
export default function DemoSimulator({ cloud }: { cloud: FakeVonageControl }) {
  const agent = useSoftphone(selectAgent);
  const incoming = useSoftphone(selectIncomingCall);
  const current = useSoftphone(selectCurrentCall);
  const [error, setError] = useState<string>();
  const [behaviour, setBehaviour] = useState<CalleeBehaviour>('answer');
  const [ringSeconds, setRingSeconds] = useState(String(initialRingSeconds));
  // The fake cloud is outside React: tell it once what the form shows, so the two agree from the start.
  useEffect(() => {
    void cloud.setCallee({ behaviour: 'answer', afterMs: initialRingSeconds * 1000 });
  }, [cloud]);
  const ids = { caller: useId(), behaviour: useId(), ring: useId() };
  const inboundCall = incoming ?? (current?.direction === 'inbound' ? current : undefined);
  const farEndCall = inboundCall ?? current;

  const run = (work: () => Promise<unknown>) => {
    setError(undefined);
    work().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };

  function ringMe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const caller = new FormData(event.currentTarget).get('caller');
    const parsed = parseDialInput(typeof caller === 'string' ? caller : '', 'GB');
    if (!agent) return setError('Sign in first, then ring yourself.');
    if (!parsed.ok) return setError(parsed.message);
    const from = parsed.target.kind === 'phone' ? parsed.target.e164.slice(1) : parsed.target.userName;
    run(() => cloud.ringAgent({ agent: agent.userName, from, fromType: parsed.target.kind === 'phone' ? 'phone' : 'app' }));
  }

  function applyCallee(next: CalleeBehaviour, seconds: string) {
    setBehaviour(next);
    setRingSeconds(seconds);
    const afterMs = Math.round(Number(seconds) * 1000);
    void cloud.setCallee(Number.isFinite(afterMs) && afterMs >= 0 ? { behaviour: next, afterMs } : { behaviour: next });
  }

  return (
    <Panel label="Demo simulator" tone="demo">
      <p className="mb-3 text-sm text-slate-600">
        Plays the other end of your calls. Demo mode only.
        {!agent && ' Sign in as Jane or Joe to try it.'}
      </p>
      <form onSubmit={ringMe} className="flex flex-col gap-2">
        <label htmlFor={ids.caller} className="text-sm font-medium text-slate-700">Caller number</label>
        <div className="flex gap-2">
          <input id={ids.caller} name="caller" defaultValue="+44 7911 123456" className={`${inputClass} min-w-0 flex-1`} />
          <Button type="submit" variant="secondary" disabled={!agent}>Ring me</Button>
        </div>
      </form>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!farEndCall || farEndCall.id === farEndCall.localId}
          onClick={() => {
            if (!farEndCall) return;
            run(() => (farEndCall.state === 'ringing' && farEndCall.direction === 'inbound' ? cloud.cancelInvite(farEndCall.id, 'remote-cancel') : cloud.hangup(farEndCall.id)));
          }}
        >
          Far end hangs up
        </Button>
        <Button variant="secondary" disabled={incoming?.state !== 'ringing'} onClick={() => incoming && run(() => cloud.cancelInvite(incoming.id, 'answered-elsewhere'))}>
          Taken on another device
        </Button>
      </div>
      <fieldset className="mt-4 flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">When you call out</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.behaviour} className="text-xs text-slate-600">Callee</label>
          <select id={ids.behaviour} value={behaviour} onChange={(event) => applyCallee(event.target.value as CalleeBehaviour, ringSeconds)} className={inputClass}>
            <option value="answer">answers</option>
            <option value="busy">is busy</option>
            <option value="no-answer">does not answer</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.ring} className="text-xs text-slate-600">Ring time (seconds)</label>
          <input id={ids.ring} type="number" min="0" max="60" value={ringSeconds} onChange={(event) => applyCallee(behaviour, event.target.value)} className={`${inputClass} w-24`} />
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!agent} onClick={() => agent && run(() => cloud.dropConnection(agent.userName, { offlineMs: 8_000 }))}>
          Drop connection
        </Button>
        <Button variant="secondary" disabled={!agent} onClick={() => agent && run(() => cloud.dropConnection(agent.userName, { offlineMs: 40_000 }))}>
          Lose network for 40 s
        </Button>
        <Button variant="secondary" disabled={!agent} onClick={() => agent && run(() => cloud.expireSession(agent.userName))}>
          Expire session
        </Button>
      </div>
      {error && (
        <div className="mt-3">
          <MessageAlert message={error} />
        </div>
      )}
      <InboundFlowChooser cloud={cloud} />
    </Panel>
  );
}
