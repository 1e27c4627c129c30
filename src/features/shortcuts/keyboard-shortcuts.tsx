import { lazy, Suspense, useCallback, useState } from 'react';
import { retryingImport } from '@/lib/retrying-import';
import { Button } from '@/components/button';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

// The list is read rarely: it loads when first opened, not with the workspace.
const ShortcutsDialog = lazy(() => retryingImport(() => import('./shortcuts-dialog')));

/** The workspace's keyboard shortcuts: bound while it is shown, listed by the Keyboard shortcuts button (and `?`). */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const openHelp = useCallback(() => setOpen(true), []);
  useKeyboardShortcuts(openHelp);

  return (
    <div>
      <Button variant="secondary" aria-haspopup="dialog" onClick={openHelp}>
        Keyboard shortcuts
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
