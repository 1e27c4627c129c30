import { useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import type { CallHistoryStore } from '@/history/call-history-store';
import { selectConnection, selectHasCallInProgress } from '@/store/selectors';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';
import { callHistoryCsv, callHistoryFileName } from './call-history-csv';
import { CallHistoryFilters } from './call-history-filters';
import { CallHistoryList } from './call-history-list';
import { downloadTextFile } from './download-text-file';
import { visibleEntries } from './visible-entries';

const callCount = (count: number) => `${count.toLocaleString()} ${count === 1 ? 'call' : 'calls'}`;

function useCallBackBlockedReason(): string | undefined {
  const inCall = useSoftphone(selectHasCallInProgress);
  const ready = useSoftphone(selectConnection) === 'ready';
  if (inCall) return 'Finish the current call to call back.';
  if (!ready) return 'You can call back once the softphone is Ready.';
  return undefined;
}

/** The open region: filters, search, Export, and the list. */
function CallHistoryBody({ history, id }: { history: CallHistoryStore; id: string }) {
  const entries = useStore(history, (state) => state.entries);
  const filter = useStore(history, (state) => state.filter);
  const search = useStore(history, (state) => state.search);
  const agent = useStore(history, (state) => state.agent);
  const readingRest = useStore(history, (state) => state.readingRest === true);
  const { setFilter, setSearch } = useStore(history, (state) => state.actions);
  const { dial } = useSoftphoneActions();
  const blockedReason = useCallBackBlockedReason();
  const blockedId = useId();
  const shown = useMemo(() => (entries ? visibleEntries(entries, filter, search) : []), [entries, filter, search]);

  let summary: string;
  if (!entries) summary = 'Loading your call history…';
  else if (readingRest) summary = `Your latest ${callCount(entries.length)}; loading the rest…`;
  else if (entries.length === 0) summary = 'No calls yet. Calls you take and make are listed here.';
  else if (shown.length === 0) summary = 'No calls match.';
  else summary = shown.length === entries.length ? callCount(entries.length) : `${callCount(shown.length)} of ${entries.length.toLocaleString()}`;

  return (
    <div id={id} className="mt-3 flex flex-col gap-3">
      <CallHistoryFilters value={filter} onChange={setFilter} />
      <div className="flex flex-wrap gap-2">
        <input
          type="search"
          aria-label="Search calls"
          placeholder="Search calls by number or name"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        <Button
          variant="secondary"
          disabled={shown.length === 0 || agent === undefined || readingRest}
          onClick={() => agent !== undefined && downloadTextFile(callHistoryFileName(agent, new Date()), callHistoryCsv(shown))}
        >
          Export
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-600">
        {summary}
        {!readingRest && shown.length > 0 && entries && shown.length < entries.length && ' Export saves the calls shown.'}
      </p>
      {blockedReason && shown.length > 0 && (
        <p id={blockedId} className="text-sm text-slate-600">
          {blockedReason}
        </p>
      )}
      {shown.length > 0 && (
        <CallHistoryList entries={shown} callBackBlockedBy={blockedReason ? blockedId : undefined} onCallBack={(target) => void dial(target)} />
      )}
    </div>
  );
}

/**
 * Region **Call history**: a disclosure button carrying the count of missed calls not yet seen, a sentence
 * when the history cannot be kept, and (open) the agent's calls.
 */
export function CallHistoryPanel({ history }: { history: CallHistoryStore }) {
  const expanded = useStore(history, (state) => state.expanded);
  const missedUnseen = useStore(history, (state) => state.missedUnseen);
  const storageError = useStore(history, (state) => state.storageError);
  const unreadable = useStore(history, (state) => state.listUnreadable === true);
  const { setExpanded } = useStore(history, (state) => state.actions);
  const bodyId = useId();
  // A list that cannot be read has nothing to show; the sentence above says why.
  const showsBody = expanded && !unreadable;

  return (
    <section aria-label="Call history" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={showsBody ? bodyId : undefined}
          onClick={() => setExpanded(!expanded)}
          className="flex w-full items-center gap-2 rounded text-left text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <span aria-hidden="true" className={expanded ? 'rotate-90 transition-transform' : 'transition-transform'}>
            ▸
          </span>
          Call history
          {missedUnseen > 0 && (
            <span className="rounded-full bg-rose-700 px-2 py-0.5 text-xs font-semibold normal-case tracking-normal text-white">
              {missedUnseen} missed
            </span>
          )}
        </button>
      </h2>
      {/* One sentence, however many reads and writes fail: outside the list, so it shows while the list is closed. */}
      {storageError && (
        <div className="mt-3">
          <Alert>{storageError}</Alert>
        </div>
      )}
      {showsBody && <CallHistoryBody history={history} id={bodyId} />}
    </section>
  );
}
