import { useContext, useEffect } from 'react';
import { tinykeys } from 'tinykeys';
import { SoftphoneStoreContext } from '@/store/softphone-store-context';
import { useSoftphoneActions } from '@/store/use-softphone';
import { focusDialer } from './focus-dialer';
import { isTextEntry } from './is-text-entry';
import { keyBindingMap, keyboardShortcuts } from './shortcut-table';

/**
 * Binds the keyboard shortcuts (shortcut-table.ts) on the window while the workspace is shown. The store is
 * read when a key is pressed, not subscribed to, so the bindings are made once and nothing re-renders.
 * `openHelp` must be stable (a useCallback), or the bindings are made again on every render.
 */
export function useKeyboardShortcuts(openHelp: () => void) {
  const store = useContext(SoftphoneStoreContext);
  if (!store) throw new Error('useKeyboardShortcuts must be used inside <SoftphoneProvider>');
  const actions = useSoftphoneActions();

  useEffect(
    () =>
      tinykeys(
        window,
        keyBindingMap(keyboardShortcuts, (shortcut, event) => {
          // A held key repeats: one press is one tone, one answer. An IME composing text owns its keys.
          if (event.repeat || event.isComposing) return;
          if (!shortcut.inTextFields && isTextEntry(event.target)) return;
          const context = { state: store.getState(), actions, key: event.key, focusDialer: () => focusDialer(), openHelp };
          if (shortcut.run(context)) event.preventDefault();
        }),
      ),
    [store, actions, openHelp],
  );
}
