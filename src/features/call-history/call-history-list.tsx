import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { CallHistoryEntry } from '@/history/call-history-entry';
import { CallHistoryRow, type CallHistoryRowProps } from './call-history-row';

/** A row's height before it is measured (three lines of text and the row's padding). */
const estimatedRowHeight = 92;
/** The list's own viewport (Tailwind max-h-96): rows painted on the first frame, before any measuring. */
const viewportHeight = 384;

/**
 * The calls, virtualized: only the rows in view (and a few around them) are in the DOM, so ten thousand
 * calls open as fast as ten. Each row is a listitem that tells screen readers its place in the whole list
 * (aria-posinset / aria-setsize), since most rows are not in the DOM.
 */
export function CallHistoryList({
  entries,
  ...rowProps
}: { entries: readonly CallHistoryEntry[] } & Omit<CallHistoryRowProps, 'entry'>) {
  const viewport = useRef<HTMLDivElement>(null);
  // The app does not run the React Compiler; the rule only warns that it would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => entries[index]?.id ?? index,
    overscan: 3,
    initialRect: { width: 0, height: viewportHeight },
  });

  return (
    <div ref={viewport} className="max-h-96 overflow-y-auto overscroll-contain">
      <ul aria-label="Calls" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              className="absolute left-0 top-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <CallHistoryRow entry={entry} {...rowProps} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
