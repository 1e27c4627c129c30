import { describe, expect, it } from 'vitest';
import { describeVoiceError } from './describe-voice-error';
import { describeMicrophoneError } from './microphone-check';

const microphoneBlocked = describeMicrophoneError(new DOMException('x', 'NotAllowedError'));
const noMicrophone = describeMicrophoneError(new DOMException('x', 'NotFoundError'));
const unexpected = 'The voice service reported an unexpected error.';

describe('describeVoiceError', () => {
  it.each([
    ['session:error:invalid-token', 'The voice service did not accept your sign-in token.'],
    ['session:error:expired-token', 'Your sign-in token has expired.'],
    ['session:error:timeout', 'The voice service did not answer in time. Check your connection.'],
    ['session:error:max-open-sessions-permitted', 'You are signed in in too many places. Sign out of another tab or device.'],
    ['session:error:invalid-session', 'The voice service ended the session.'],
    ['system:error:permission', 'This agent is not allowed to use voice.'],
    ['session:error:no-active-session', 'You are not connected to the voice service.'],
    ['voice:error:invalid_call_action', 'The call is no longer available.'],
    ['voice:error:media_timeout', 'The call’s audio could not be connected.'],
  ])('explains the Vonage code %s, ignoring the SDK message', (code, sentence) => {
    expect(describeVoiceError({ type: 'SESSION_ERROR', code, message: 'raw SDK text' })).toBe(sentence);
  });

  it.each<[string, unknown, string]>([
    ['a NotAllowedError DOMException', new DOMException('Permission denied', 'NotAllowedError'), microphoneBlocked],
    ['an Error named NotAllowedError', Object.assign(new Error('blocked'), { name: 'NotAllowedError' }), microphoneBlocked],
    ['a NotFoundError DOMException', new DOMException('Requested device not found', 'NotFoundError'), noMicrophone],
  ])('recognises %s', (_case, error, sentence) => {
    expect(describeVoiceError(error)).toBe(sentence);
  });

  it.each<[string, unknown, string]>([
    ['an Error', new Error('socket closed'), 'The voice service reported: socket closed'],
    ['a VonageError with an unknown code', { type: 'CALL_ERROR', code: 'voice:error:new', message: 'Something new' }, 'The voice service reported: Something new'],
    ['an object whose code is not a string', { code: 42, message: 'odd' }, 'The voice service reported: odd'],
  ])('passes on the message of %s', (_case, error, sentence) => {
    expect(describeVoiceError(error)).toBe(sentence);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 500],
    ['a string', 'boom'],
    ['an empty object', {}],
    ['an Error without a message', new Error()],
    ['an object whose message is not a string', { message: { text: 'nested' } }],
  ])('falls back to a general sentence for %s', (_case, error) => {
    expect(describeVoiceError(error)).toBe(unexpected);
  });
});

describe('codes named like Object.prototype members', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('%s is not a known code', (code) => {
    expect(describeVoiceError({ code, message: 'odd' })).toBe('The voice service reported: odd');
  });
});
