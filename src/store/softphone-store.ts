import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { applySoftphoneEvent } from './apply-softphone-event';
import { createCallActions, type CallActions } from './call-actions';
import { recoveryRecordOf } from './recovery-record';
import { createSessionActions, type SessionActions } from './session-actions';
import { createTransferActions, type TransferActions } from './transfer-actions';
import type { ActionEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';
import type { SoftphoneDependencies, StoreRuntime } from './store-runtime';

export type { SoftphoneDependencies } from './store-runtime';
export { confirmationTimeoutMs } from './call-actions';

export type SoftphoneActions = SessionActions & CallActions & TransferActions;
export type SoftphoneStore = StoreApi<SoftphoneState & { actions: SoftphoneActions }>;

/**
 * Calls that were open before an event and are ended (or gone, as at sign-out) after it. Every way a call
 * can end passes through here, so none can leave the SDK's microphone or peer connection behind. Dials that
 * never got a call id from the SDK have nothing to release.
 */
function callsJustEnded(before: SoftphoneState['calls'], after: SoftphoneState['calls']): string[] {
  return Object.values(before)
    .filter((call) => call.state !== 'ended' && call.id !== call.localId)
    .filter((call) => after[call.id] === undefined || after[call.id]?.state === 'ended')
    .map((call) => call.id);
}

/** The store the UI reads; its actions do the I/O and report what happened as events to the pure reducer. */
export function createSoftphoneStore(deps: SoftphoneDependencies): SoftphoneStore {
  let adapter: VoiceAdapter | undefined;
  let adapterLoading: Promise<VoiceAdapter> | undefined;
  const sessionTimers = new Set<() => void>();
  let recoveryHeld = false;
  let currentToken: string | undefined;
  let recoveryWritten: string | undefined;

  /** Writes the recovery record when what a reload needs has changed (not on every tick of the state). */
  function keepRecoveryRecord() {
    if (!deps.recoveryStorage || recoveryHeld) return;
    const record = recoveryRecordOf(store.getState());
    const serialised = JSON.stringify(record ?? null);
    if (serialised === recoveryWritten) return;
    recoveryWritten = serialised;
    deps.recoveryStorage.write(record);
  }

  const store: SoftphoneStore = createStore<SoftphoneState & { actions: SoftphoneActions }>()(() => ({
    ...initialSoftphoneState,
    actions: createActions(),
  }));

  // A hoisted function: the store above is created first, and nothing here runs until an action is called.
  function createActions(): SoftphoneActions {
    const runtime: StoreRuntime = {
      deps,
      state: () => store.getState(),
      // Replace, not merge: the reducer removes keys (a cleared error) and a merge would keep the old ones.
      dispatch: (event: ActionEvent | VoiceEvent) => {
        const before = store.getState().calls;
        store.setState(
          (current) => ({ ...applySoftphoneEvent(current, { ...event, at: deps.now() }), actions: current.actions }),
          true,
        );
        if (adapter) for (const callId of callsJustEnded(before, store.getState().calls)) adapter.releaseMedia(callId);
        keepRecoveryRecord();
      },
      currentToken: () => currentToken,
      setCurrentToken(token) {
        currentToken = token;
      },
      holdRecoveryRecord(held) {
        recoveryHeld = held;
        keepRecoveryRecord();
      },
      adapter: () => adapter,
      loadAdapter() {
        adapterLoading ??= deps.loadAdapter().then(
          (loaded) => {
            adapter = loaded;
            loaded.subscribe(onVoiceEvent);
            return loaded;
          },
          (error: unknown) => {
            adapterLoading = undefined; // let the next sign-in try again
            throw error;
          },
        );
        return adapterLoading;
      },
      sessionTimer(callback, delayMs) {
        const cancel = deps.setTimer(() => {
          sessionTimers.delete(cancel);
          callback();
        }, delayMs);
        sessionTimers.add(cancel);
        return () => {
          sessionTimers.delete(cancel);
          cancel();
        };
      },
    };

    const calls = createCallActions(runtime);
    const session = createSessionActions(runtime, {
      endCalls: calls.endCallsForSignOut,
      restoreMute: (callId) => calls.actions.toggleMute(callId),
      reset() {
        calls.reset();
        for (const cancel of sessionTimers) cancel();
        sessionTimers.clear();
      },
    });

    function onVoiceEvent(event: VoiceEvent) {
      runtime.dispatch(event);
      calls.onVoiceEvent(event);
      if (event.type === 'session-error') session.onSessionLost(event.reason === 'EXPIRED_TOKEN');
    }

    return { ...session.actions, ...calls.actions, ...createTransferActions(runtime) };
  }

  return store;
}
