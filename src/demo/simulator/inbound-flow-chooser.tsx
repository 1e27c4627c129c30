import { memo, useEffect, useId, useState, type FormEvent } from 'react';
import { MessageAlert } from '@/components/alert';
import { Button } from '@/components/button';
import type { FakeVonageControl } from '@/fake-cloud/control-api';
import { demoContactCenterNumber, type InboundFlow } from '@/fake-cloud/ncco/contact-center-port';
import { formatRemoteParty } from '@/lib/dial-target';

type FlowKind = 'jane' | 'ivr' | 'custom';

const exampleNcco = JSON.stringify(
  [
    { action: 'talk', text: 'Thank you for calling. Connecting you to Joe.' },
    { action: 'connect', endpoint: [{ type: 'app', user: 'Joe' }] },
  ],
  null,
  2,
);

const flowNames: Record<FlowKind, string> = { jane: 'Jane', ivr: 'IVR', custom: 'Custom NCCO' };

function kindOf(flow: InboundFlow): FlowKind {
  return flow.kind === 'agent' ? 'jane' : flow.kind;
}

/**
 * Which NCCO the contact center's number answers with, as the seed backend's settings page chooses it: Jane,
 * the IVR (the default) or a custom NCCO, checked as Vonage checks it and never applied when invalid. The
 * flows run on the emulator (its backend routes); the static demo shows the number only. Memoised: it reads no
 * call state, so the simulator's re-render on every ring and answer need not redo it.
 */
export const InboundFlowChooser = memo(function InboundFlowChooser({ cloud }: { cloud: FakeVonageControl }) {
  const emulator = import.meta.env.VITE_DEMO_CLOUD === 'emulator';
  const [number, setNumber] = useState(demoContactCenterNumber);
  const [chosen, setChosen] = useState<FlowKind>('ivr');
  const [applied, setApplied] = useState<FlowKind>('ivr');
  const [nccoText, setNccoText] = useState(exampleNcco);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const ids = { legend: useId(), ncco: useId(), hint: useId() };

  // The emulator is shared: another window may have chosen a flow already.
  useEffect(() => {
    let current = true;
    cloud.contactCenter().then(
      (info) => {
        if (!current) return;
        setNumber(info.number);
        setChosen(kindOf(info.inboundFlow));
        setApplied(kindOf(info.inboundFlow));
        if (info.inboundFlow.kind === 'custom') setNccoText(JSON.stringify(info.inboundFlow.ncco, null, 2));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [cloud]);

  const apply = (flow: InboundFlow, kind: FlowKind) => {
    setError(undefined);
    setProblems([]);
    cloud.setInboundFlow(flow).then(
      (result) => {
        if (result.ok) setApplied(kind);
        else setProblems(result.problems);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  function choose(kind: FlowKind) {
    setChosen(kind);
    setProblems([]);
    if (kind === 'jane') apply({ kind: 'agent', agent: 'Jane' }, kind);
    if (kind === 'ivr') apply({ kind: 'ivr' }, kind);
  }

  function applyNcco(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let ncco: unknown;
    try {
      ncco = JSON.parse(nccoText);
    } catch (failure) {
      setProblems([`The NCCO is not valid JSON: ${failure instanceof Error ? failure.message : String(failure)}`]);
      return;
    }
    apply({ kind: 'custom', ncco: ncco as unknown[] }, 'custom');
  }

  const shownNumber = formatRemoteParty(number, 'phone').label.shown;
  return (
    <div className="mt-4 border-t border-amber-200 pt-3">
      <p className="text-sm text-slate-700">
        Contact center number: <span className="font-semibold tabular-nums text-slate-900">{shownNumber}</span>
      </p>
      {!emulator ? (
        <p className="mt-1 text-xs text-slate-600">Callers to this number hear the contact center’s flows on the local emulator: run npm run dev.</p>
      ) : (
        <>
          {/* A radio group by role (allowed on a fieldset), named by its legend. */}
          <fieldset role="radiogroup" className="mt-2" aria-labelledby={ids.legend} aria-describedby={ids.hint}>
            <legend id={ids.legend} className="text-sm font-medium text-slate-700">
              Inbound flow
            </legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {(Object.keys(flowNames) as FlowKind[]).map((kind) => (
                <label key={kind} className="flex items-center gap-1.5 text-sm text-slate-800">
                  <input type="radio" name="inbound-flow" value={kind} checked={chosen === kind} onChange={() => choose(kind)} />
                  {flowNames[kind]}
                </label>
              ))}
            </div>
            <p id={ids.hint} className="mt-1 text-xs text-slate-600">
              Calls to the number now get: {flowNames[applied]}. Open the Phone page and press Call the contact center.
            </p>
          </fieldset>
          {chosen === 'custom' && (
            <form onSubmit={applyNcco} className="mt-2 flex flex-col gap-2">
              <label htmlFor={ids.ncco} className="text-xs text-slate-600">
                Custom NCCO
              </label>
              <textarea
                id={ids.ncco}
                name="ncco"
                rows={8}
                spellCheck={false}
                value={nccoText}
                aria-invalid={problems.length > 0}
                onChange={(event) => setNccoText(event.target.value)}
                className="rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
              />
              <div>
                <Button type="submit" variant="secondary">
                  Apply NCCO
                </Button>
              </div>
            </form>
          )}
          {problems.length > 0 && (
            // A list needs a block container: the shared Alert is a paragraph.
            <div role="alert" className="mt-2 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
              <p>The NCCO was not applied{applied === 'custom' ? '' : `; calls still get ${flowNames[applied]}`}:</p>
              <ul className="mt-1 list-disc break-words pl-5">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {error && (
            <div className="mt-2">
              <MessageAlert message={error} />
            </div>
          )}
        </>
      )}
    </div>
  );
});
