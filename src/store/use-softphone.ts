import { useContext } from 'react';
import { useStore } from 'zustand';
import type { SoftphoneState } from './softphone-state';
import type { SoftphoneActions, SoftphoneStore } from './softphone-store';
import { SoftphoneStoreContext } from './softphone-store-context';

function useSoftphoneStore(): SoftphoneStore {
  const store = useContext(SoftphoneStoreContext);
  if (!store) throw new Error('useSoftphone must be used inside <SoftphoneProvider>');
  return store;
}

/** Reads one value from the softphone store; re-renders only when that value changes. */
export function useSoftphone<T>(selector: (state: SoftphoneState) => T): T {
  return useStore(useSoftphoneStore(), selector);
}

/** The store's actions: created once with the store, so reading them never re-renders. */
export function useSoftphoneActions(): SoftphoneActions {
  return useSoftphoneStore().actions;
}
