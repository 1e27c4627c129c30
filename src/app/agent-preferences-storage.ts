// Each agent's availability, wrap-up and auto-answer settings in localStorage: they outlive the tab and the
// session, and belong to the agent (two agents sharing a browser keep their own). What is read back is
// checked, since anything (an older version, a user) may have written it; a bad record is ignored.
import { autoAnswerSecondsRange, wrapUpSecondsMax, type PreferencesStorage } from '@/store/preference-actions';
import type { AgentPreferences } from '@/store/softphone-state';

const keyFor = (agentName: string) => `softphone.preferences.v1.${agentName.toLowerCase()}`;
const availabilities = new Set(['available', 'away', 'do-not-disturb']);

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export function parseAgentPreferences(raw: string | null): AgentPreferences | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { availability, wrapUpSeconds, autoAnswerSeconds } = value as Record<string, unknown>;
  if (typeof availability !== 'string' || !availabilities.has(availability)) return undefined;
  if (!isWhole(wrapUpSeconds, 0, wrapUpSecondsMax)) return undefined;
  const preferences: AgentPreferences = { availability: availability as AgentPreferences['availability'], wrapUpSeconds };
  if (autoAnswerSeconds === undefined) return preferences;
  if (!isWhole(autoAnswerSeconds, autoAnswerSecondsRange.min, autoAnswerSecondsRange.max)) return undefined;
  return { ...preferences, autoAnswerSeconds };
}

/** Where the browser forbids storage (a locked-down profile), settings simply last until sign-out. */
export function agentPreferencesStorage(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): PreferencesStorage {
  return {
    read(agentName) {
      try {
        return parseAgentPreferences(storage?.getItem(keyFor(agentName)) ?? null);
      } catch {
        return undefined;
      }
    },
    write(agentName, preferences) {
      try {
        storage?.setItem(keyFor(agentName), JSON.stringify(preferences));
      } catch {
        // Quota or a forbidden storage: the settings still apply for this session.
      }
    },
  };
}
