import { selectCurrentCall, selectIncomingCall, selectIsTalking } from '@/store/selectors';
import type { SoftphoneState } from '@/store/softphone-state';
import type { SoftphoneActions } from '@/store/softphone-store';

/** What a shortcut may act on when its keys are pressed. */
export interface ShortcutContext {
  state: SoftphoneState;
  actions: SoftphoneActions;
  /** The key as the keyboard produced it (`KeyboardEvent.key`): the digit for the keypad. */
  key: string;
  /** Moves focus to the dialer's number field; false when it is not on screen or cannot take focus. */
  focusDialer(): boolean;
  openHelp(): void;
}

export interface KeyboardShortcut {
  /** The keys as the agent reads them in the Keyboard shortcuts dialog and the README. */
  shown: string;
  /** What the shortcut does, in the words of the button it stands for. */
  does: string;
  /** tinykeys key bindings (`Alt+Shift+KeyP`: the physical key, so Option on a Mac, which changes `key`, still matches). */
  bindings: readonly string[];
  /**
   * Also fires while focus is in a text field. Only the Alt+Shift chords do: nobody types them as text (on a
   * Mac they would type a rare symbol such as ∏), and an agent writing in a field must still be able to pick
   * up a call. Single keys never fire there, so typing a number or a question is never taken as a command.
   */
  inTextFields: boolean;
  /** Does the work through store actions; false when it does not apply now, so the key keeps its usual meaning. */
  run(context: ShortcutContext): boolean;
}

/*
 * Why these keys. Call controls are Alt+Shift+letter, by physical key: screen readers leave them alone (NVDA
 * and JAWS use Insert/Caps Lock, VoiceOver Control+Option, and their single-letter quick navigation takes
 * plain letters), the browsers bind no Alt+Shift chord on these letters (Chrome takes Alt+Shift+A, B, I and T;
 * ChromeOS Alt+Shift+M, N, S and L; Firefox's Alt+letter menus need no Shift), and no plain Alt+letter is
 * used because Windows browsers open their menus with those. Keypad digits, and `?` for this list, are single
 * keys as on a phone and on most web apps, so they only fire outside text fields.
 */
export const keyboardShortcuts: readonly KeyboardShortcut[] = [
  {
    shown: 'Alt+Shift+P',
    does: 'Answer (pick up) the ringing call',
    bindings: ['Alt+Shift+KeyP'],
    inTextFields: true,
    run({ state, actions }) {
      const call = selectIncomingCall(state);
      // As answer() itself: never two calls unheld, so with a call going on the agent holds or ends it first.
      if (call?.state !== 'ringing' || call.rejectPending || selectIsTalking(state)) return false;
      void actions.answer(call.id);
      return true;
    },
  },
  {
    shown: 'Alt+Shift+R',
    does: 'Reject the ringing call',
    bindings: ['Alt+Shift+KeyR'],
    inTextFields: true,
    run({ state, actions }) {
      const call = selectIncomingCall(state);
      if (call?.state !== 'ringing' || call.rejectPending) return false;
      void actions.reject(call.id);
      return true;
    },
  },
  {
    shown: 'Alt+Shift+U',
    does: 'Mute or unmute the call',
    bindings: ['Alt+Shift+KeyU'],
    inTextFields: true,
    run({ state, actions }) {
      const call = selectCurrentCall(state);
      // On hold the hold mutes the call: Resume is how it comes back.
      if (call?.state !== 'active' || call.mutePending || call.held || call.holdPending) return false;
      void actions.toggleMute(call.id);
      return true;
    },
  },
  {
    shown: 'Alt+Shift+H',
    does: 'Hold or resume the call',
    bindings: ['Alt+Shift+KeyH'],
    inTextFields: true,
    run({ state, actions }) {
      const call = selectCurrentCall(state);
      if (call?.state !== 'active' || call.holdPending || call.hangupPending) return false;
      void actions.toggleHold(call.id);
      return true;
    },
  },
  {
    shown: 'Alt+Shift+E',
    does: 'Hang up (end the call)',
    bindings: ['Alt+Shift+KeyE'],
    inTextFields: true,
    run({ state, actions }) {
      const call = selectCurrentCall(state);
      if (!call || call.hangupPending) return false;
      void actions.hangup(call.id);
      return true;
    },
  },
  {
    shown: 'Alt+Shift+D',
    does: 'Go to the dialer’s number field',
    bindings: ['Alt+Shift+KeyD'],
    inTextFields: true,
    run: ({ focusDialer }) => focusDialer(),
  },
  {
    shown: '0–9 * #',
    does: 'Send keypad tones during a call',
    // With or without Shift: * and # need it on many layouts, digits on some (French).
    bindings: ['([0-9*#])', 'Shift+([0-9*#])'],
    inTextFields: false,
    run({ state, actions, key }) {
      const call = selectCurrentCall(state);
      if (call?.state !== 'active' || call.held) return false;
      void actions.sendDtmf(call.id, key);
      return true;
    },
  },
  {
    shown: '?',
    does: 'Show these keyboard shortcuts',
    bindings: ['?', 'Shift+?'],
    inTextFields: false,
    run({ openHelp }) {
      openHelp();
      return true;
    },
  },
];

/** One tinykeys binding map for a table of shortcuts: every binding string calls `handle` with its shortcut. */
export function keyBindingMap(shortcuts: readonly KeyboardShortcut[], handle: (shortcut: KeyboardShortcut, event: KeyboardEvent) => void): Record<string, (event: KeyboardEvent) => void> {
  const map: Record<string, (event: KeyboardEvent) => void> = {};
  for (const shortcut of shortcuts) {
    for (const binding of shortcut.bindings) {
      if (binding in map) throw new Error(`Two shortcuts share the key binding ${binding}`);
      map[binding] = (event) => handle(shortcut, event);
    }
  }
  return map;
}
