import { callHistoryFilters, type CallHistoryFilter } from '@/history/call-history-store';

const labels: Record<CallHistoryFilter, string> = { all: 'All', missed: 'Missed', inbound: 'Inbound', outbound: 'Outbound' };

/** All / Missed / Inbound / Outbound: radios (one choice, arrow keys move it) drawn as a segmented control. */
export function CallHistoryFilters({ value, onChange }: { value: CallHistoryFilter; onChange(filter: CallHistoryFilter): void }) {
  return (
    <fieldset className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      <legend className="sr-only">Show</legend>
      {callHistoryFilters.map((filter) => (
        <label key={filter} className="relative">
          <input
            type="radio"
            name="call-history-filter"
            value={filter}
            checked={value === filter}
            onChange={() => onChange(filter)}
            // Over its label, transparent: the radio itself takes the click, the span below shows the choice.
            className="peer absolute inset-0 h-full w-full cursor-pointer appearance-none opacity-0"
          />
          <span className="block rounded-md px-3 py-1 text-sm font-medium text-slate-700 peer-checked:bg-white peer-checked:text-indigo-700 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-600">
            {labels[filter]}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
