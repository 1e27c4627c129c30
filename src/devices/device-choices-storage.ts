// The agent's audio device choices, kept per agent in localStorage (they outlive the tab and the shift, as
// a headset does). What is read back is checked: anything malformed reads as "the system default".

export type DeviceRole = 'microphone' | 'speaker' | 'ringer';

/** Device ids per role; '' is the system default. */
export type DeviceChoices = Record<DeviceRole, string>;

export const defaultChoices: DeviceChoices = { microphone: '', speaker: '', ringer: '' };

export const deviceRoles: readonly DeviceRole[] = ['microphone', 'speaker', 'ringer'];

const storageKey = (agent: string) => `softphone-audio-devices:${agent}`;
/** Device ids are hashes (Chromium: 64 hex digits); anything far longer is not one. */
const maxIdLength = 256;

export function parseDeviceChoices(raw: string | null): DeviceChoices {
  if (raw === null) return defaultChoices;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return defaultChoices;
  }
  if (typeof value !== 'object' || value === null) return defaultChoices;
  const record = value as Record<string, unknown>;
  const choices = { ...defaultChoices };
  for (const role of deviceRoles) {
    const id = record[role];
    if (typeof id === 'string' && id.length <= maxIdLength) choices[role] = id;
  }
  return choices;
}

/** Where the browser forbids storage (privacy settings), choices last for the page only. */
export function readDeviceChoices(storage: Storage | undefined, agent: string): DeviceChoices {
  try {
    return parseDeviceChoices(storage?.getItem(storageKey(agent)) ?? null);
  } catch {
    return defaultChoices;
  }
}

export function writeDeviceChoices(storage: Storage | undefined, agent: string, choices: DeviceChoices): void {
  try {
    storage?.setItem(storageKey(agent), JSON.stringify(choices));
  } catch {
    // Full or forbidden: the choice still applies for this page.
  }
}
