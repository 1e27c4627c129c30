// The Phone page (a simulated PSTN phone, demo and test builds only) and the emulator speak JSON over one
// WebSocket (/emulator/phone): the emulator pushes the phone's whole state on every change; the page sends
// what its user does. Types only, so the page imports nothing of the cloud itself.

/** Where the phone is: `ended` keeps the last call's outcome on screen until the next call. */
export type PhoneStatus = 'idle' | 'calling' | 'ringing' | 'connected' | 'ended';

/**
 * How the phone's last call ended, from the phone's side:
 * `hung-up` the phone hung up; `remote-hung-up` the agent did; `busy` the agent rejected; `no-answer` the
 * agent's invite rang out; `rejected` the phone rejected an agent's call; `missed` an agent's call stopped
 * ringing (the agent gave up, or it rang out); `unreachable` nothing answers at what was dialled (no call was
 * placed); `unavailable` the agent is not signed in (no call was placed); `failed` the cloud could not place it.
 */
export type PhoneOutcome =
  | 'hung-up'
  | 'remote-hung-up'
  | 'busy'
  | 'no-answer'
  | 'rejected'
  | 'missed'
  | 'unreachable'
  | 'unavailable'
  | 'failed';

export interface PhoneSnapshot {
  /** The phone's own number: E.164 digits without '+', as Vonage sends caller IDs. */
  number: string;
  status: PhoneStatus;
  /** Who the phone called or who calls it: what it dialled, or the agent's user name. */
  remote?: string;
  direction?: 'outgoing' | 'incoming';
  /** The cloud's leg of the current or last call: the agent's (the id `calls()` and `mediaStats()` know), or a caller's connect leg when the contact center rang this phone. */
  callId?: string;
  /** Keypad digits the phone sent during its current or last call, in order. */
  digits: string;
  /** Once ended. */
  outcome?: PhoneOutcome;
  /** Audio frames the emulator passed on each way during the current or last call (0 without media). */
  media: { framesToAgent: number; framesFromAgent: number };
  /** A call to the contact center: the `talk` text it is saying now. */
  prompt?: string;
  /** A call to the contact center: every `talk` it said during the current or last call, in order. */
  said?: string[];
  /** A call to the contact center: its `input` is collecting keys now (keys pressed while it talks are not heard). */
  listening?: boolean;
  /** A call to the contact center whose NCCO failed: why (the error Vonage reports to the event URL). */
  problem?: string;
  /** The contact center's number (E.164 digits), where the emulator hosts one. */
  contactCenterNumber?: string;
}

export type PhoneKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

export const phoneKeys: readonly PhoneKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function isPhoneKey(value: unknown): value is PhoneKey {
  return typeof value === 'string' && (phoneKeys as readonly string[]).includes(value);
}

/** Page → emulator. `offer` is a complete (non-trickle) SDP offer; its answer comes back as `answer`. */
export type PhoneRequest =
  | { type: 'dial'; to: string }
  | { type: 'call-contact-center' }
  | { type: 'answer' }
  | { type: 'reject' }
  | { type: 'hangup' }
  | { type: 'key'; key: PhoneKey }
  | { type: 'offer'; callId: string; sdp: string };

/** Emulator → page. `error` explains a request the emulator refused. */
export type PhoneMessage =
  | { type: 'state'; phone: PhoneSnapshot }
  | { type: 'answer'; callId: string; sdp: string }
  | { type: 'error'; message: string };

export const phoneSocketPath = '/emulator/phone';

declare global {
  interface Window {
    /** The Phone page only, for e2e: RTP packets its own peer connection received during the current call. */
    fakePhone?: { packetsReceived(): Promise<number> };
  }
}

/** A message from a page, checked field by field (it is outside input); undefined when it is none of the requests. */
export function readPhoneRequest(text: string): PhoneRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) return undefined;
  const message = value as Record<string, unknown>;
  const string = (field: string) => (typeof message[field] === 'string' ? (message[field] as string) : undefined);
  switch (message.type) {
    case 'dial': {
      const to = string('to');
      return to === undefined ? undefined : { type: 'dial', to };
    }
    case 'answer':
    case 'reject':
    case 'hangup':
    case 'call-contact-center':
      return { type: message.type };
    case 'key':
      return isPhoneKey(message.key) ? { type: 'key', key: message.key } : undefined;
    case 'offer': {
      const callId = string('callId');
      const sdp = string('sdp');
      return callId === undefined || sdp === undefined ? undefined : { type: 'offer', callId, sdp };
    }
    default:
      return undefined;
  }
}
