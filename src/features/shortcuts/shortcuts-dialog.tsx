import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/button';
import { keyboardShortcuts } from './shortcut-table';

/**
 * The Keyboard shortcuts dialog (QA contract), listed from the same table the keys are bound from. A native
 * modal <dialog>: the browser traps focus and closes it on Escape; focus then goes back to where it was.
 */
export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  // showModal is the only way to a modal dialog (the `open` attribute makes a non-modal one).
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    opener.current = document.activeElement;
    element.showModal();
  }, []);

  function closed() {
    if (opener.current instanceof HTMLElement) opener.current.focus();
    onClose();
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={closed}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="mt-4 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-4 font-medium">Keys</th>
            <th scope="col" className="py-2 font-medium">Action</th>
          </tr>
        </thead>
        <tbody>
          {keyboardShortcuts.map((shortcut) => (
            <tr key={shortcut.shown} className="border-b border-slate-100">
              <td className="whitespace-nowrap py-2 pr-4">
                <kbd className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{shortcut.shown}</kbd>
              </td>
              <td className="py-2">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-4 text-sm text-slate-600">
        On a Mac, Alt is the Option key. The Alt+Shift keys work anywhere, also while you type in a field; the
        single keys work when you are not typing in a field.
      </p>
      <form method="dialog" className="mt-4 flex justify-end">
        <Button type="submit" autoFocus>
          Close
        </Button>
      </form>
    </dialog>
  );
}
