import { useId, useState } from 'react';
import { autoAnswerSecondsRange, wrapUpSecondsMax } from '@/store/preference-actions';
import { selectPreferences } from '@/store/selectors';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';

const fieldClass = 'w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-sky-600';

/**
 * Wrap-up length and auto-answer (QA: disclosure "Shift settings"; spinbuttons "Wrap-up seconds" and
 * "Auto-answer delay in seconds"; checkbox "Auto-answer"). A value is applied when it is a whole number in range.
 */
export function ShiftSettings() {
  const preferences = useSoftphone(selectPreferences);
  const { setShiftSettings } = useSoftphoneActions();
  const [open, setOpen] = useState(false);
  const [delayDraft, setDelayDraft] = useState<string>();
  const panelId = useId();
  const autoAnswerOn = preferences.autoAnswerSeconds !== undefined;
  const delay = preferences.autoAnswerSeconds ?? 3;

  const apply = (wrapUpSeconds: number, autoAnswerSeconds: number | undefined) => setShiftSettings({ wrapUpSeconds, autoAnswerSeconds });

  return (
    // `contents`: the button sits in the toolbar's row, the open panel takes a row of its own.
    <div className="contents text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md px-2 py-1 text-sm font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        Shift settings
      </button>
      {open && (
        <div id={panelId} className="flex basis-full flex-wrap items-center gap-x-5 gap-y-2 rounded-lg bg-slate-50 p-3 text-sm">
          <label className="flex items-center gap-2">
            Wrap-up seconds
            <input
              type="number"
              min={0}
              max={wrapUpSecondsMax}
              step={5}
              className={fieldClass}
              defaultValue={preferences.wrapUpSeconds}
              onChange={(event) => {
                const value = event.currentTarget.valueAsNumber;
                if (Number.isInteger(value) && value >= 0 && value <= wrapUpSecondsMax) apply(value, preferences.autoAnswerSeconds);
              }}
            />
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={autoAnswerOn}
              onChange={(event) => apply(preferences.wrapUpSeconds, event.currentTarget.checked ? delay : undefined)}
              className="size-4 accent-sky-700"
            />
            Auto-answer
          </label>
          <label className="flex items-center gap-2">
            Auto-answer delay in seconds
            <input
              type="number"
              min={autoAnswerSecondsRange.min}
              max={autoAnswerSecondsRange.max}
              className={fieldClass}
              disabled={!autoAnswerOn}
              value={delayDraft ?? String(delay)}
              onChange={(event) => {
                const value = event.currentTarget.valueAsNumber;
                setDelayDraft(event.currentTarget.value);
                if (Number.isInteger(value) && value >= autoAnswerSecondsRange.min && value <= autoAnswerSecondsRange.max) {
                  apply(preferences.wrapUpSeconds, value);
                }
              }}
              onBlur={() => setDelayDraft(undefined)}
            />
          </label>
        </div>
      )}
    </div>
  );
}
