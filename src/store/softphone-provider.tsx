import type { ReactNode } from 'react';
import type { SoftphoneStore } from './softphone-store';
import { SoftphoneStoreContext } from './softphone-store-context';

export function SoftphoneProvider({ store, children }: { store: SoftphoneStore; children: ReactNode }) {
  return <SoftphoneStoreContext value={store}>{children}</SoftphoneStoreContext>;
}
