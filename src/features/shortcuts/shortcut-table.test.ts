// @vitest-environment happy-dom
import { createKeybindingsHandler } from 'tinykeys';
import { describe, expect, it, vi } from 'vitest';
import { initialSoftphoneState, type Call, type SoftphoneState } from '@/store/softphone-state';
import type { SoftphoneActions } from '@/store/softphone-store';
import { keyBindingMap, keyboardShortcuts, type KeyboardShortcut, type ShortcutContext } from './shortcut-table';

function call(id: string, direction: Call['direction'], state: Call['state'], extra: Partial<Call> = {}): Call {
  return { id, direction, state, remote: 'remote', channelType: 'phone', startedAt: 1, muted: false, mutePending: false, hangupPending: false, rejectPending: false, ...extra };
}

function stateWith(...calls: Call[]): SoftphoneState {
  return { ...initialSoftphoneState, connection: 'ready', calls: Object.fromEntries(calls.map((each) => [each.id, each])) };
}

/** Which shortcut a key press reaches, through tinykeys itself (the same matching as in the browser). */
function shortcutFor(init: KeyboardEventInit): KeyboardShortcut | undefined {
  let reached: KeyboardShortcut | undefined;
  const handler = createKeybindingsHandler(keyBindingMap(keyboardShortcuts, (shortcut) => (reached = shortcut)));
  handler(new KeyboardEvent('keydown', init));
  return reached;
}

function press(init: KeyboardEventInit, state: SoftphoneState, dialerFocusable = true) {
  const actions = { answer: vi.fn(), reject: vi.fn(), toggleMute: vi.fn(), toggleHold: vi.fn(), hangup: vi.fn(), sendDtmf: vi.fn() };
  const context: ShortcutContext = {
    state,
    actions: actions as unknown as SoftphoneActions,
    key: init.key ?? '',
    focusDialer: vi.fn(() => dialerFocusable),
    openHelp: vi.fn(),
  };
  const shortcut = shortcutFor(init);
  const handled = shortcut?.run(context) ?? false;
  return { shortcut, handled, actions, context };
}

const chord = (letter: string) => ({ key: letter.toLowerCase(), code: `Key${letter}`, altKey: true, shiftKey: true });

const ringing = call('IN-1', 'inbound', 'ringing');
const active = call('OUT-1', 'outbound', 'active');

describe('keyboard shortcuts: the table', () => {
  it('binds every key to one shortcut only, and lists each shortcut once', () => {
    expect(() => keyBindingMap(keyboardShortcuts, () => undefined)).not.toThrow();
    expect(new Set(keyboardShortcuts.map((shortcut) => shortcut.shown)).size).toBe(keyboardShortcuts.length);
    const [answer] = keyboardShortcuts;
    expect(answer).toBeDefined();
    expect(() => keyBindingMap([answer, answer].filter((each) => each !== undefined), () => undefined)).toThrow(/share the key binding/);
  });

  it('lets only the Alt+Shift chords fire in text fields', () => {
    for (const shortcut of keyboardShortcuts) {
      expect(shortcut.inTextFields, shortcut.shown).toBe(shortcut.shown.startsWith('Alt+Shift+'));
    }
  });

  it('matches chords by physical key, so Option on a Mac (which changes the character) still works', () => {
    expect(shortcutFor({ key: 'π', code: 'KeyP', altKey: true, shiftKey: true })?.does).toMatch(/^Answer/);
    expect(shortcutFor({ key: 'p', code: 'KeyP' })).toBeUndefined();
    expect(shortcutFor({ key: 'p', code: 'KeyP', altKey: true })).toBeUndefined();
    expect(shortcutFor({ key: 'p', code: 'KeyP', altKey: true, shiftKey: true, ctrlKey: true })).toBeUndefined();
  });

  it('takes keypad keys with or without Shift, and not with Control or Alt', () => {
    expect(shortcutFor({ key: '5', code: 'Digit5' })?.shown).toBe('0–9 * #');
    expect(shortcutFor({ key: '3', code: 'Numpad3' })?.shown).toBe('0–9 * #');
    expect(shortcutFor({ key: '#', code: 'Digit3', shiftKey: true })?.shown).toBe('0–9 * #');
    expect(shortcutFor({ key: '*', code: 'NumpadMultiply' })?.shown).toBe('0–9 * #');
    expect(shortcutFor({ key: '5', code: 'Digit5', ctrlKey: true })).toBeUndefined();
    expect(shortcutFor({ key: '5', code: 'Digit5', altKey: true })).toBeUndefined();
    expect(shortcutFor({ key: 'a', code: 'KeyA' })).toBeUndefined();
  });

  it('opens the list with ? whether or not the layout needs Shift for it', () => {
    expect(press({ key: '?', code: 'Slash', shiftKey: true }, stateWith()).context.openHelp).toHaveBeenCalledOnce();
    expect(press({ key: '?', code: 'Minus' }, stateWith()).context.openHelp).toHaveBeenCalledOnce();
  });
});

describe('keyboard shortcuts: what they do', () => {
  it('answers and rejects the ringing call', () => {
    const answered = press(chord('P'), stateWith(ringing));
    expect(answered.handled).toBe(true);
    expect(answered.actions.answer).toHaveBeenCalledWith('IN-1');
    const rejected = press(chord('R'), stateWith(ringing));
    expect(rejected.actions.reject).toHaveBeenCalledWith('IN-1');
  });

  it('does not answer while the agent talks on another call, or with a reject on its way', () => {
    expect(press(chord('P'), stateWith(ringing, active)).actions.answer).not.toHaveBeenCalled();
    expect(press(chord('P'), stateWith(ringing, { ...active, held: true })).actions.answer).toHaveBeenCalledWith('IN-1');
    expect(press(chord('P'), stateWith({ ...ringing, rejectPending: true })).handled).toBe(false);
    expect(press(chord('P'), stateWith()).handled).toBe(false);
    expect(press(chord('R'), stateWith(call('IN-1', 'inbound', 'answering'))).handled).toBe(false);
  });

  it('mutes, hangs up and sends keypad tones on the current call', () => {
    expect(press(chord('U'), stateWith(active)).actions.toggleMute).toHaveBeenCalledWith('OUT-1');
    expect(press(chord('E'), stateWith(active)).actions.hangup).toHaveBeenCalledWith('OUT-1');
    expect(press({ key: '7', code: 'Digit7' }, stateWith(active)).actions.sendDtmf).toHaveBeenCalledWith('OUT-1', '7');
    expect(press({ key: '#', code: 'Digit3', shiftKey: true }, stateWith(active)).actions.sendDtmf).toHaveBeenCalledWith('OUT-1', '#');
  });

  it('holds and resumes the current call, and leaves mute and keypad alone while it is held', () => {
    expect(press(chord('H'), stateWith(active)).actions.toggleHold).toHaveBeenCalledWith('OUT-1');
    const held = { ...active, held: true, muted: true };
    expect(press(chord('H'), stateWith(held)).actions.toggleHold).toHaveBeenCalledWith('OUT-1');
    expect(press(chord('H'), stateWith({ ...active, holdPending: 'hold' })).handled).toBe(false);
    expect(press(chord('U'), stateWith(held)).handled).toBe(false);
    expect(press({ key: '1', code: 'Digit1' }, stateWith(held)).handled).toBe(false);
  });

  it('hangs up a call still being dialed, but mutes and sends tones only once it is connected', () => {
    const dialing = call('OUT-2', 'outbound', 'dialing');
    expect(press(chord('E'), stateWith(dialing)).actions.hangup).toHaveBeenCalledWith('OUT-2');
    expect(press(chord('U'), stateWith(dialing)).handled).toBe(false);
    expect(press({ key: '1', code: 'Digit1' }, stateWith(dialing)).handled).toBe(false);
  });

  it('leaves keys alone with no call: digits and chords keep their usual meaning', () => {
    for (const init of [chord('U'), chord('H'), chord('E'), { key: '1', code: 'Digit1' }]) expect(press(init, stateWith()).handled).toBe(false);
    expect(press(chord('E'), stateWith({ ...active, hangupPending: true })).handled).toBe(false);
    expect(press(chord('U'), stateWith({ ...active, mutePending: true })).handled).toBe(false);
  });

  it('focuses the dialer, and says so only when focus got there', () => {
    const focused = press(chord('D'), stateWith());
    expect(focused.context.focusDialer).toHaveBeenCalledOnce();
    expect(focused.handled).toBe(true);
    expect(press(chord('D'), stateWith(), false).handled).toBe(false);
  });
});
