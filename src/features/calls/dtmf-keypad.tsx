import { useSoftphoneActions } from '@/store/use-softphone';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Sends keypad tones, e.g. to navigate the far end's phone menu. */
export function DtmfKeypad({ callId }: { callId: string }) {
  const { sendDtmf } = useSoftphoneActions();
  return (
    <div role="group" aria-label="Keypad" className="grid w-44 grid-cols-3 gap-2">
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          aria-label={`Key ${key}`}
          onClick={() => void sendDtmf(callId, key)}
          className="rounded-lg bg-slate-100 py-2 font-mono text-lg text-slate-800 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {key}
        </button>
      ))}
    </div>
  );
}
