import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SoftphoneStore } from '@/store/softphone-store';
import { SoftphoneProvider } from '@/store/softphone-provider';
import type { Call } from '@/store/softphone-state';
import { FakeLockManager } from '@/testing/fake-lock-manager';
import { idleStore } from '@/store/testing/idle-store';
import { BackgroundCallAlert } from './background-call-alert';
import { IncomingCallPanel } from './incoming-call-panel';
import { RingtonePlayer } from './ringtone-player';
import { ringerLockName } from './use-is-ringer-tab';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const hint = 'The ringtone plays in another of your softphone tabs. You can answer here too.';
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
// Two tasks: what the render's effects start in a task of its own (the ringtone, the title) has run too.
const settle = () =>
  act(async () => {
    await nextTask();
    await nextTask();
  });

let container: HTMLDivElement;
let root: Root;
let browser: FakeLockManager;
let notifications: Array<{ title: string; closed: boolean }>;
let play: ReturnType<typeof vi.fn<() => Promise<void>>>;
// Each test signs in a new agent: this page keeps one leadership per lock name for its lifetime.
let agentCount = 0;

const storeWithAgent = (userName: string): SoftphoneStore =>
  idleStore({ connection: 'ready', agent: { userName, userId: `USR-${userName}` }, lastAgentName: userName });

const invite: Call = {
  id: 'LEG-1',
  direction: 'inbound',
  state: 'ringing',
  remote: '447911123456',
  channelType: 'phone',
  startedAt: 1,
  muted: false,
  mutePending: false,
  hangupPending: false,
  rejectPending: false,
};

async function render(store: SoftphoneStore) {
  await act(async () => {
    root.render(
      <SoftphoneProvider store={store}>
        <RingtonePlayer />
        <BackgroundCallAlert />
        <IncomingCallPanel />
      </SoftphoneProvider>,
    );
  });
  await settle();
}

const ringtone = () => container.querySelector<HTMLAudioElement>('[data-testid="ringtone"]');
const answerButton = () => [...container.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Answer');

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  browser = new FakeLockManager();
  Object.defineProperty(navigator, 'locks', { configurable: true, value: browser.tab() });
  notifications = [];
  vi.stubGlobal(
    'Notification',
    class {
      static permission = 'granted';
      private readonly record: { title: string; closed: boolean };
      constructor(title: string) {
        this.record = { title, closed: false };
        notifications.push(this.record);
      }
      close() {
        this.record.closed = true;
      }
    },
  );
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  play = vi.fn<() => Promise<void>>(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play);
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  agentCount += 1;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'hidden');
  Reflect.deleteProperty(navigator, 'locks');
});

describe('one agent in several tabs: only the ringer tab rings', () => {
  it('a tab whose other tab holds the ringer lock shows the call silently, then rings when that tab closes', async () => {
    const agent = `Jane${agentCount}`;
    const otherTab = browser.tab();
    void otherTab.request(ringerLockName(agent), () => new Promise(() => undefined));
    const store = storeWithAgent(agent);
    await render(store);
    act(() => store.setState({ calls: { [invite.id]: invite } }));
    await settle();

    expect(ringtone()?.dataset.state).toBe('other-tab');
    expect(play).not.toHaveBeenCalled();
    expect(notifications).toEqual([]);
    expect(container.textContent).toContain(hint);
    const hintId = [...container.querySelectorAll('p')].find((p) => p.textContent === hint)?.id;
    expect(answerButton()?.getAttribute('aria-describedby')).toBe(hintId);
    expect(answerButton()?.disabled).toBe(false);

    otherTab.close();
    await settle();
    expect(ringtone()?.dataset.state).toBe('playing');
    expect(play).toHaveBeenCalled();
    expect(notifications).toEqual([{ title: 'Incoming call', closed: false }]);
    expect(container.textContent).not.toContain(hint);
    expect(answerButton()?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('the first tab rings and notifies, and hands the lock on when its session is lost', async () => {
    const agent = `Jane${agentCount}`;
    const store = storeWithAgent(agent);
    await render(store);
    act(() => store.setState({ calls: { [invite.id]: invite } }));
    await settle();
    expect(ringtone()?.dataset.state).toBe('playing');
    expect(notifications).toEqual([{ title: 'Incoming call', closed: false }]);
    expect(container.textContent).not.toContain(hint);
    expect(browser.holder(ringerLockName(agent))).toBe(0);

    // The lost session ended the invite; a tab that cannot take calls does not keep the ringer lock.
    act(() => store.setState({ connection: 'offline', calls: {} }));
    await settle();
    expect(browser.holder(ringerLockName(agent))).toBeUndefined();
    expect(notifications[0]?.closed).toBe(true);
  });

  it('the ring is made and loaded before the first call, so that call only starts it', async () => {
    const store = storeWithAgent(`Jane${agentCount}`);
    await render(store);
    await vi.waitFor(() => expect(ringtone()?.getAttribute('src')).toMatch(/^blob:/));
    const prepared = ringtone()?.getAttribute('src');
    expect(play).not.toHaveBeenCalled();

    act(() => store.setState({ calls: { [invite.id]: invite } }));
    await settle();
    expect(ringtone()?.dataset.state).toBe('playing');
    expect(play).toHaveBeenCalledTimes(1);
    expect(ringtone()?.getAttribute('src')).toBe(prepared);
  });

  it('signing out (the workspace goes) releases the lock for the next tab', async () => {
    const agent = `Jane${agentCount}`;
    await render(storeWithAgent(agent));
    expect(browser.holder(ringerLockName(agent))).toBe(0);
    act(() => root.render(null));
    await settle();
    expect(browser.holder(ringerLockName(agent))).toBeUndefined();
  });
});
