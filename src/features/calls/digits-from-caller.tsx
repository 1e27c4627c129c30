/** The keypad digits the other party pressed during the call (an IVR choice, an account number). */
export function DigitsFromCaller({ digits }: { digits: string | undefined }) {
  return (
    <p role="status" aria-label="Digits from the caller" className={digits ? 'mt-2 text-sm text-slate-700' : 'sr-only'}>
      {digits ? (
        <>
          The caller pressed <span className="font-mono font-semibold tracking-widest">{digits}</span>
        </>
      ) : (
        ''
      )}
    </p>
  );
}
