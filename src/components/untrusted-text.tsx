import { useId, useState } from 'react';
import { cn } from '@/lib/cn';
import { cleanUntrustedText, nameMaxLength } from '@/lib/untrusted-text';

interface UntrustedTextProps {
  /** Text from outside: a caller ID, a user name, a backend's or the SDK's message, echoed input. */
  text: string | null | undefined;
  /** Longer text is cut to this many characters; the whole of it stays one click or key press away. */
  maxLength?: number;
  /** What the text is, in words, for the button that shows all of it: "caller ID" gives "Show full caller ID". */
  what: string;
  /** Open the whole text over the page instead of in the flow, where the surroundings must keep their height (a header). */
  overlay?: boolean;
  className?: string;
}

/**
 * Shows text written by someone else without letting it rearrange or stretch the page: isolated in <bdi>
 * (bidirectional controls already removed), wrapped anywhere, and capped. Capped text keeps its whole in the
 * tooltip for the mouse and behind a disclosure button for the keyboard and screen readers.
 * Phrasing content only, so it fits inside a <p>.
 */
export function UntrustedText({ text, maxLength = nameMaxLength, what, overlay = false, className }: UntrustedTextProps) {
  const { shown, full, capped } = cleanUntrustedText(text, maxLength);
  // Remembers which text was opened, so new text (the next caller) starts closed again.
  const [openedText, setOpenedText] = useState<string>();
  const expanded = capped && openedText === full;
  const fullTextId = useId();

  return (
    <span className={cn('min-w-0 wrap-anywhere', overlay && 'relative', className)}>
      <bdi title={capped ? full : undefined}>{shown}</bdi>
      {capped && (
        <>
          {' '}
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? fullTextId : undefined}
            onClick={() => setOpenedText(expanded ? undefined : full)}
            className="ml-1 whitespace-nowrap rounded align-baseline text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Show full {what}
          </button>
          {expanded && (
            // Focusable so the keyboard can scroll a very long text.
            <span
              id={fullTextId}
              tabIndex={0}
              className={cn(
                'block max-h-40 overflow-y-auto rounded-lg px-3 py-2 text-left text-sm font-normal text-slate-800 ring-1 ring-slate-200',
                'focus-visible:outline-2 focus-visible:outline-indigo-600',
                overlay ? 'absolute right-0 top-full z-10 mt-2 w-[min(32rem,calc(100vw-3rem))] bg-white shadow-lg' : 'mt-2 bg-slate-50',
              )}
            >
              <bdi>{full}</bdi>
            </span>
          )}
        </>
      )}
    </span>
  );
}
