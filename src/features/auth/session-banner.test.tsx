import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { SoftphoneStore } from '@/store/softphone-store';
import { SoftphoneProvider } from '@/store/softphone-provider';
import type { SoftphoneState } from '@/store/softphone-state';
import { componentRoot } from '@/testing/component-root';
import { idleStore } from '@/store/testing/idle-store';
import { reconnectingLine, SessionBanner } from './session-banner';

const page = componentRoot();

const storeWith = (state: Partial<SoftphoneState>) =>
  idleStore({ agent: { userName: 'Jane', userId: 'USR-Jane' }, lastAgentName: 'Jane', ...state });

async function render(store: SoftphoneStore) {
  await act(async () => {
    page.root.render(
      <SoftphoneProvider store={store}>
        <SessionBanner />
      </SoftphoneProvider>,
    );
  });
}

const liveRegion = () => page.container.querySelector<HTMLElement>('[aria-live="polite"]');
const alerts = () => page.container.querySelectorAll('[role="alert"]');

describe('SessionBanner', () => {
  it('says the connection was lost while the SDK reconnects by itself, politely and without an alert', async () => {
    await render(storeWith({ connection: 'reconnecting' }));
    expect(liveRegion()?.textContent).toBe(reconnectingLine);
    expect(reconnectingLine).toMatch(/^The connection to the voice service was lost\. /);
    expect(liveRegion()?.className).not.toContain('sr-only');
    expect(alerts()).toHaveLength(0);
    // Nothing to press: the SDK is already trying.
    expect(page.container.querySelector('button')).toBeNull();
  });

  it('empties the line, keeping the live region mounted, once the connection is Ready again', async () => {
    const store = storeWith({ connection: 'reconnecting' });
    await render(store);
    const region = liveRegion();
    await act(async () => store.setState({ connection: 'ready' }));
    expect(liveRegion()).toBe(region);
    expect(region?.textContent).toBe('');
    expect(region?.className).toContain('sr-only');
    expect(page.container.textContent).toBe('');
  });

  it('keeps the Offline alert and Reconnect button, without the reconnecting line, once the SDK gave up', async () => {
    await render(
      storeWith({ connection: 'offline', connectionError: 'The connection to the voice service was lost.', autoReconnect: { attempt: 1, nextAttemptAt: 5_000 } }),
    );
    expect(liveRegion()?.textContent).toBe('');
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]?.textContent).toBe('The connection to the voice service was lost.');
    expect(page.container.textContent).toContain('will try again by itself');
    expect(page.container.querySelector('button')?.textContent).toBe('Reconnect');
  });

  it('renders nothing without a signed-in agent', async () => {
    await render(storeWith({ connection: 'reconnecting', agent: undefined }));
    expect(page.container.innerHTML).toBe('');
  });
});
