import { describeMicrophoneError } from './microphone-check';

// Errors the browser raises for getUserMedia, should one reach us through the SDK.
const microphoneErrorNames = new Set(['NotAllowedError', 'SecurityError', 'NotFoundError', 'OverconstrainedError', 'NotReadableError']);

// SDK failures arrive as VonageError objects (type, code, message) or plain Errors; the agent gets a sentence.

function field(error: unknown, name: 'code' | 'message' | 'name' | 'type'): string {
  if (typeof error === 'object' && error !== null && name in error) {
    const value = (error as Record<string, unknown>)[name];
    if (typeof value === 'string') return value;
  }
  return '';
}

const knownCodes = new Map<string, string>(Object.entries({
  'session:error:invalid-token': 'The voice service did not accept your sign-in token.',
  'session:error:expired-token': 'Your sign-in token has expired.',
  'session:error:timeout': 'The voice service did not answer in time. Check your connection.',
  'session:error:max-open-sessions-permitted': 'You are signed in in too many places. Sign out of another tab or device.',
  'session:error:invalid-session': 'The voice service ended the session.',
  'system:error:permission': 'This agent is not allowed to use voice.',
  'session:error:no-active-session': 'You are not connected to the voice service.',
  'voice:error:invalid_call_action': 'The call is no longer available.',
  'voice:error:media_timeout': 'The call’s audio could not be connected.',
}));

/** The SDK gave up on createSession: no session:success within its 5 s (a slow moment, not a refusal). */
export function isSessionTimeout(error: unknown): boolean {
  return field(error, 'code') === 'session:error:timeout';
}

export function describeVoiceError(error: unknown): string {
  const code = field(error, 'code');
  const known = knownCodes.get(code);
  if (known) return known;
  if (microphoneErrorNames.has(field(error, 'name'))) return describeMicrophoneError(error);
  const message = field(error, 'message');
  return message ? `The voice service reported: ${message}` : 'The voice service reported an unexpected error.';
}
