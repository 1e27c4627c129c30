import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { initialSoftphoneState, type Call, type SoftphoneState } from '@/store/softphone-state';
import type { SoftphoneActions, SoftphoneStore } from '@/store/softphone-store';
import { SoftphoneStoreContext } from '@/store/softphone-store-context';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const active: Call = { id: 'CALL-1', direction: 'inbound', state: 'active', remote: 'remote', channelType: 'phone', startedAt: 1, muted: false, mutePending: false, hangupPending: false, rejectPending: false };
const ringing: Call = { ...active, id: 'CALL-2', state: 'ringing' };

let container: HTMLDivElement;
let root: Root;
let actions: { answer: ReturnType<typeof vi.fn>; sendDtmf: ReturnType<typeof vi.fn> };
const openHelp = vi.fn();

function Workspace() {
  useKeyboardShortcuts(openHelp);
  return (
    <>
      <input aria-label="Number or agent" />
      <button type="button">Hang up</button>
    </>
  );
}

function show(...calls: Call[]) {
  const state: SoftphoneState = { ...initialSoftphoneState, connection: 'ready', calls: Object.fromEntries(calls.map((call) => [call.id, call])) };
  const store = Object.assign(createStore<SoftphoneState>(() => state), { actions: actions as unknown as SoftphoneActions }) as SoftphoneStore;
  act(() =>
    root.render(
      <SoftphoneStoreContext value={store}>
        <Workspace />
      </SoftphoneStoreContext>,
    ),
  );
}

/** Presses a key on `target` as the browser does (bubbling to the window); returns whether it was taken. */
function press(target: Element, init: KeyboardEventInit): boolean {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

const field = () => container.querySelector('input') as HTMLInputElement;
const button = () => container.querySelector('button') as HTMLButtonElement;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  actions = { answer: vi.fn(), sendDtmf: vi.fn() };
  openHelp.mockClear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('useKeyboardShortcuts', () => {
  it('sends keypad digits from a button, but not while the agent types them in a field', () => {
    show(active);
    expect(press(field(), { key: '5', code: 'Digit5' })).toBe(false);
    expect(press(field(), { key: '?', code: 'Slash', shiftKey: true })).toBe(false);
    expect(actions.sendDtmf).not.toHaveBeenCalled();
    expect(openHelp).not.toHaveBeenCalled();

    expect(press(button(), { key: '5', code: 'Digit5' })).toBe(true);
    expect(actions.sendDtmf).toHaveBeenCalledWith('CALL-1', '5');
  });

  it('answers with the chord from inside a field too', () => {
    show(ringing);
    expect(press(field(), { key: 'P', code: 'KeyP', altKey: true, shiftKey: true })).toBe(true);
    expect(actions.answer).toHaveBeenCalledWith('CALL-2');
  });

  it('ignores a held key’s repeats and leaves keys that do nothing now to the browser', () => {
    show(active);
    expect(press(button(), { key: '5', code: 'Digit5', repeat: true })).toBe(false);
    expect(actions.sendDtmf).not.toHaveBeenCalled();
    expect(press(button(), { key: 'P', code: 'KeyP', altKey: true, shiftKey: true })).toBe(false);
    expect(actions.answer).not.toHaveBeenCalled();
  });

  it('opens the list with ? and unbinds when the workspace goes', () => {
    show();
    press(button(), { key: '?', code: 'Slash', shiftKey: true });
    expect(openHelp).toHaveBeenCalledOnce();
    act(() => root.render(null));
    press(document.body, { key: '?', code: 'Slash', shiftKey: true });
    expect(openHelp).toHaveBeenCalledOnce();
  });
});
