import { createStore, type StoreApi } from 'zustand/vanilla';
import { retryingImport } from '@/lib/retrying-import';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { applySessionEvent } from './apply-session-event';
import type { CallActions, CallMachinery, CallMachineryModule } from './call-machinery';
import type { HoldActions } from './hold-actions';
import type { InCallActions } from './in-call-actions';
import type { InboundActions } from './inbound-actions';
import type { OutboundActions } from './outbound-actions';
import { createPreferenceActions, type PreferenceActions } from './preference-actions';
import { recoveryRecordOf } from './recovery-record';
import { createSessionActions, type SessionActions } from './session-actions';
import type { ActionEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';
import type { SoftphoneDependencies, StoreRuntime } from './store-runtime';
import { createSummaryActions, type SummaryActions } from './summary-actions';
import type { TransferActions } from './transfer-actions';

export type { SoftphoneDependencies } from './store-runtime';

export type SoftphoneActions = SessionActions &
  InboundActions &
  OutboundActions &
  InCallActions &
  HoldActions &
  TransferActions &
  PreferenceActions &
  SummaryActions;

/**
 * What a call action does when called before the call machinery is loaded (before any sign-in): `load` loads it
 * and then acts; `skip` is for the synchronous ones, which have nothing to act on before a session exists. The
 * type lists every call action, so a new one cannot be left out.
 */
const callActionsBeforeLoad: { readonly [K in keyof CallActions]: 'load' | 'skip' } = {
  answer: 'load',
  reject: 'load',
  holdAndAnswer: 'load',
  endAndAnswer: 'load',
  dial: 'load',
  soundCheck: 'load',
  editDial: 'skip',
  hangup: 'load',
  toggleMute: 'load',
  sendDtmf: 'load',
  microphoneTrack: 'skip',
  toggleHold: 'load',
  resume: 'load',
  transfer: 'load',
};

export interface SoftphoneStoreOptions {
  /** The call machinery at once instead of its chunk on first need (unit tests). */
  callMachinery?: CallMachineryModule;
  /** How its chunk is fetched; by default a retried dynamic import of call-machinery.ts. */
  loadCallMachinery?: () => Promise<CallMachineryModule>;
}

const importCallMachinery = () => retryingImport(() => import('./call-machinery'));

/** The state the UI reads, and the actions beside it (created once, never part of the state). */
export interface SoftphoneStore extends StoreApi<SoftphoneState> {
  readonly actions: SoftphoneActions;
}

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
export function createSoftphoneStore(deps: SoftphoneDependencies, options: SoftphoneStoreOptions = {}): SoftphoneStore {
  let adapter: VoiceAdapter | undefined;
  let machinery: CallMachinery | undefined;
  let machineryLoading: Promise<CallMachinery> | undefined;
  let adapterLoading: Promise<VoiceAdapter> | undefined;
  const sessionTimers = new Set<() => void>();
  let recoveryHeld = false;
  let currentToken: string | undefined;
  let recoveryWritten: string | undefined;
  const state = createStore<SoftphoneState>()(() => initialSoftphoneState);

  /** Writes the recovery record when what a reload needs has changed (not on every tick of the state). */
  function keepRecoveryRecord() {
    if (!deps.recoveryStorage || recoveryHeld) return;
    const record = recoveryRecordOf(state.getState());
    const serialised = JSON.stringify(record ?? null);
    if (serialised === recoveryWritten) return;
    recoveryWritten = serialised;
    deps.recoveryStorage.write(record);
  }

  function sessionTimer(callback: () => void, delayMs: number) {
    const cancel = deps.setTimer(() => {
      sessionTimers.delete(cancel);
      callback();
    }, delayMs);
    sessionTimers.add(cancel);
    return () => {
      sessionTimers.delete(cancel);
      cancel();
    };
  }

  const runtime: StoreRuntime = {
    deps,
    state: () => state.getState(),
    // Replace, not merge: the reducer removes keys (a cleared error) and a merge would keep the old ones.
    dispatch: (event: ActionEvent | VoiceEvent) => {
      const before = state.getState();
      const reduce = machinery?.reduce ?? applySessionEvent;
      state.setState(reduce(before, { ...event, at: deps.now() }), true);
      const after = state.getState();
      if (adapter) for (const callId of callsJustEnded(before.calls, after.calls)) adapter.releaseMedia(callId);
      keepRecoveryRecord();
      preferences.afterChange(before, after);
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
      // The call machinery comes with the adapter: every call event the adapter can send needs it.
      adapterLoading ??= Promise.all([deps.loadAdapter(), loadCallMachinery()]).then(
        ([loaded]) => {
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
    whenState(predicate, timeoutMs) {
      if (predicate(state.getState())) return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (met: boolean) => {
          unsubscribe();
          cancelTimer();
          resolve(met);
        };
        const unsubscribe = state.subscribe((current) => {
          if (predicate(current)) finish(true);
        });
        const cancelTimer = sessionTimer(() => finish(false), timeoutMs);
      });
    },
    sessionTimer,
  };

  /** The call machinery's chunk (call-machinery.ts), once; a failed download is tried again on the next need. */
  function loadCallMachinery(): Promise<CallMachinery> {
    if (machinery) return Promise.resolve(machinery);
    machineryLoading ??= (options.loadCallMachinery ?? importCallMachinery)().then(
      (module) => (machinery ??= module.createCallMachinery(runtime)),
      (error: unknown) => {
        machineryLoading = undefined;
        throw error;
      },
    );
    return machineryLoading;
  }
  if (options.callMachinery) machinery = options.callMachinery.createCallMachinery(runtime);

  function forwardCallAction<K extends keyof CallActions>(name: K, beforeLoad: 'load' | 'skip'): CallActions[K] {
    const act = (loaded: CallMachinery, args: unknown[]) => (loaded.actions[name] as (...args: unknown[]) => unknown)(...args);
    const forward = (...args: unknown[]) => {
      if (machinery) return act(machinery, args);
      if (beforeLoad === 'skip') return undefined;
      return loadCallMachinery().then((loaded) => act(loaded, args));
    };
    return forward as CallActions[K];
  }
  const callActions = Object.fromEntries(
    (Object.keys(callActionsBeforeLoad) as (keyof CallActions)[]).map((name) => [name, forwardCallAction(name, callActionsBeforeLoad[name])]),
  ) as CallActions;

  const preferences = createPreferenceActions(runtime);
  const session = createSessionActions(runtime, {
    endCalls: (voice) => machinery?.endCallsForSignOut(voice) ?? Promise.resolve(),
    restoreMute: async (callId) => (await loadCallMachinery()).restoreMute(callId),
    // Only asked about failures of an adapter's calls, and the machinery is in whenever an adapter is.
    describeVoiceError: (error) => machinery?.describeVoiceError(error) ?? (error instanceof Error ? error.message : String(error)),
    isSessionTimeout: (error) => machinery?.isSessionTimeout(error) ?? false,
    reset() {
      machinery?.reset();
      for (const cancel of sessionTimers) cancel();
      sessionTimers.clear();
    },
  });

  function onVoiceEvent(event: VoiceEvent) {
    runtime.dispatch(event);
    machinery?.onVoiceEvent(event);
    if (event.type === 'session-error') session.onSessionLost(event.reason === 'EXPIRED_TOKEN');
  }

  const actions: SoftphoneActions = {
    ...session.actions,
    ...callActions,
    ...preferences.actions,
    ...createSummaryActions(runtime),
  };
  return Object.assign(state, { actions });
}
