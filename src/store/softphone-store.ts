import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { applySoftphoneEvent } from './apply-softphone-event';
import { createConfirmationTimers } from './confirmation-timers';
import { createHangupIssuer } from './hangup-issuer';
import { createHoldActions, type HoldActions } from './hold-actions';
import { createInCallActions, type InCallActions } from './in-call-actions';
import { createInboundActions, type InboundActions } from './inbound-actions';
import { createOutboundActions, type OutboundActions } from './outbound-actions';
import { createPreferenceActions, type PreferenceActions } from './preference-actions';
import { recoveryRecordOf } from './recovery-record';
import { createSessionActions, type SessionActions } from './session-actions';
import type { ActionEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';
import type { SoftphoneDependencies, StoreRuntime } from './store-runtime';
import { createSummaryActions, type SummaryActions } from './summary-actions';
import { createTransferActions, type TransferActions } from './transfer-actions';

export type { SoftphoneDependencies } from './store-runtime';
export { confirmationTimeoutMs } from './hangup-issuer';

export type SoftphoneActions = SessionActions &
  InboundActions &
  OutboundActions &
  InCallActions &
  HoldActions &
  TransferActions &
  PreferenceActions &
  SummaryActions;

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
export function createSoftphoneStore(deps: SoftphoneDependencies): SoftphoneStore {
  let adapter: VoiceAdapter | undefined;
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
      state.setState(applySoftphoneEvent(before, { ...event, at: deps.now() }), true);
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

  const context = { runtime, hangups: createHangupIssuer(runtime), confirmations: createConfirmationTimers(runtime) };
  const preferences = createPreferenceActions(runtime);
  const hold = createHoldActions(context);
  const inbound = createInboundActions(context, hold);
  const inCall = createInCallActions(context);
  const session = createSessionActions(runtime, {
    endCalls: context.hangups.endCallsForSignOut,
    restoreMute: (callId) => inCall.actions.toggleMute(callId),
    reset() {
      context.confirmations.reset();
      context.hangups.reset();
      for (const cancel of sessionTimers) cancel();
      sessionTimers.clear();
    },
  });

  function onVoiceEvent(event: VoiceEvent) {
    runtime.dispatch(event);
    inCall.onVoiceEvent(event);
    hold.onVoiceEvent(event);
    inbound.onVoiceEvent(event);
    if (event.type === 'session-error') session.onSessionLost(event.reason === 'EXPIRED_TOKEN');
  }

  const actions: SoftphoneActions = {
    ...session.actions,
    ...inbound.actions,
    ...createOutboundActions(context),
    ...inCall.actions,
    ...hold.actions,
    ...createTransferActions(runtime),
    ...preferences.actions,
    ...createSummaryActions(runtime),
  };
  return Object.assign(state, { actions });
}
