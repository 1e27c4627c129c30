// Availability, wrap-up and auto-answer: changed by the agent, remembered per agent, and the wrap-up
// countdown's end. The reducer decides what they mean for invites (availability.ts); this does the I/O.
import type { AgentPreferences, Availability, SoftphoneState } from './softphone-state';
import type { StoreRuntime } from './store-runtime';

export interface PreferenceActions {
  setAvailability(availability: Availability): void;
  /** `autoAnswerSeconds` undefined turns auto-answer off. */
  setShiftSettings(settings: { wrapUpSeconds: number; autoAnswerSeconds: number | undefined }): void;
  /** Ends the wrap-up early: invites ring again. */
  readyForCalls(): void;
}

/** Where an agent's settings are kept between sessions; absent, they last until sign-out. */
export interface PreferencesStorage {
  read(agentName: string): AgentPreferences | undefined;
  write(agentName: string, preferences: AgentPreferences): void;
}

/** Limits that keep a typo from blocking calls for a day or answering before the agent can react. */
export const wrapUpSecondsMax = 600;
export const autoAnswerSecondsRange = { min: 1, max: 30 } as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

export function createPreferenceActions(runtime: StoreRuntime) {
  const { deps, state, dispatch } = runtime;
  let cancelWrapUpTimer: (() => void) | undefined;

  const actions: PreferenceActions = {
    setAvailability(availability) {
      if (state().preferences.availability !== availability) dispatch({ type: 'availability-changed', availability });
    },
    setShiftSettings({ wrapUpSeconds, autoAnswerSeconds }) {
      dispatch({
        type: 'preferences-changed',
        wrapUpSeconds: Number.isFinite(wrapUpSeconds) ? clamp(wrapUpSeconds, 0, wrapUpSecondsMax) : 0,
        autoAnswerSeconds:
          autoAnswerSeconds === undefined || !Number.isFinite(autoAnswerSeconds)
            ? undefined
            : clamp(autoAnswerSeconds, autoAnswerSecondsRange.min, autoAnswerSecondsRange.max),
      });
    },
    readyForCalls() {
      if (state().wrapUp) dispatch({ type: 'wrap-up-ended' });
    },
  };

  /** After every state change: load settings at sign-in, keep them, and end the wrap-up on time. */
  function afterChange(before: SoftphoneState, after: SoftphoneState) {
    const agentName = after.agent?.userName;
    if (agentName && before.agent?.userName !== agentName) {
      const stored = deps.preferencesStorage?.read(agentName);
      if (stored) dispatch({ type: 'preferences-loaded', preferences: stored });
      return;
    }
    if (agentName && before.preferences !== after.preferences) deps.preferencesStorage?.write(agentName, after.preferences);
    if (before.wrapUp !== after.wrapUp) {
      cancelWrapUpTimer?.();
      cancelWrapUpTimer = undefined;
      const wrapUp = after.wrapUp;
      if (wrapUp) {
        cancelWrapUpTimer = runtime.sessionTimer(() => {
          if (state().wrapUp === wrapUp) dispatch({ type: 'wrap-up-ended' });
        }, Math.max(0, wrapUp.endsAt - deps.now()));
      }
    }
  }

  return { actions, afterChange };
}
