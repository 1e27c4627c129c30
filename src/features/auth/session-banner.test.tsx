import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSoftphoneStore, type SoftphoneStore } from '@/store/softphone-store';
import { SoftphoneProvider } from '@/store/softphone-provider';
import type { SoftphoneState } from '@/store/softphone-state';
import { reconnectingLine, SessionBanner } from './session-banner';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let container: HTMLDivElement;
let root: Root;

function storeWith(state: Partial<SoftphoneState>): SoftphoneStore {
  const unused = () => new Promise<never>(() => undefined);
  const store = createSoftphoneStore({
    loadAdapter: unused,
    requestToken: unused,
    parseDialInput: unused,
    checkMicrophone: unused,
    now: () => 0,
    random: () => 0,
    onNetworkOnline: () => () => undefined,
    setTimer: () => () => undefined,
  });
  store.setState({ agent: { userName: 'Jane', userId: 'USR-Jane' }, lastAgentName: 'Jane', ...state });
  return store;
}

async function render(store: SoftphoneStore) {
  await act(async () => {
    root.render(
      <SoftphoneProvider store={store}>
        <SessionBanner />
      </SoftphoneProvider>,
    );
  });
}

const liveRegion = () => container.querySelector<HTMLElement>('[aria-live="polite"]');
const alerts = () => container.querySelectorAll('[role="alert"]');

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('SessionBanner', () => {
  it('says the connection was lost while the SDK reconnects by itself, politely and without an alert', async () => {
    await render(storeWith({ connection: 'reconnecting' }));
    expect(liveRegion()?.textContent).toBe(reconnectingLine);
    expect(reconnectingLine).toMatch(/^The connection to the voice service was lost\. /);
    expect(liveRegion()?.className).not.toContain('sr-only');
    expect(alerts()).toHaveLength(0);
    // Nothing to press: the SDK is already trying.
    expect(container.querySelector('button')).toBeNull();
  });

  it('empties the line, keeping the live region mounted, once the connection is Ready again', async () => {
    const store = storeWith({ connection: 'reconnecting' });
    await render(store);
    const region = liveRegion();
    await act(async () => store.setState({ connection: 'ready' }));
    expect(liveRegion()).toBe(region);
    expect(region?.textContent).toBe('');
    expect(region?.className).toContain('sr-only');
    expect(container.textContent).toBe('');
  });

  it('keeps the Offline alert and Reconnect button, without the reconnecting line, once the SDK gave up', async () => {
    await render(
      storeWith({ connection: 'offline', connectionError: 'The connection to the voice service was lost.', autoReconnect: { attempt: 1, nextAttemptAt: 5_000 } }),
    );
    expect(liveRegion()?.textContent).toBe('');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]?.textContent).toBe('The connection to the voice service was lost.');
    expect(container.textContent).toContain('will try again by itself');
    expect(container.querySelector('button')?.textContent).toBe('Reconnect');
  });

  it('renders nothing without a signed-in agent', async () => {
    await render(storeWith({ connection: 'reconnecting', agent: undefined }));
    expect(container.innerHTML).toBe('');
  });
});
