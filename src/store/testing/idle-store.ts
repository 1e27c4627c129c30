import { createSoftphoneStore, type SoftphoneStore } from '@/store/softphone-store';
import type { SoftphoneState } from '@/store/softphone-state';

/**
 * A softphone store whose dependencies never answer (no SDK, token, parser or microphone), for component tests
 * that set the state they show: `state` is applied on top of the initial state.
 */
export function idleStore(state: Partial<SoftphoneState>): SoftphoneStore {
  const unused = () => new Promise<never>(() => undefined);
  const store = createSoftphoneStore({
    loadAdapter: unused,
    requestToken: unused,
    parseDialInput: unused,
    checkMicrophone: unused,
    now: () => 0,
    random: () => 0,
    onNetworkOnline: () => () => undefined,
    setTimer: () => () => undefined,
  });
  store.setState(state);
  return store;
}
