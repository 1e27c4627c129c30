import { createContext } from 'react';
import type { SoftphoneStore } from './softphone-store';

/** One store per app (and per test): made by createSoftphoneStore, handed down by SoftphoneProvider. */
export const SoftphoneStoreContext = createContext<SoftphoneStore | null>(null);
