import { expect, type Page } from '@playwright/test';
import { test as base } from '../../support/fixtures';
import { SoftphonePage } from '../../support/softphone-page';
import { IdentityProviderPage } from './identity-provider-page';
import { serveLiveApp } from './live-build';
import { startLiveStack, type LiveStack } from './live-stack';

interface LiveWorkerFixtures {
  /** The identity provider, the backend and the emulator, with the production build served: once per worker. */
  live: LiveStack;
}

interface LiveFixtures {
  /** The identity provider's sign-in page, in the softphone's tab (the browser goes there and comes back). */
  identityProvider: IdentityProviderPage;
}

export const test = base.extend<LiveFixtures, LiveWorkerFixtures>({
  live: [
    async ({ demoCloud }, use) => {
      if (demoCloud !== 'live') throw new Error('Live-mode scenarios run in the live project (e2e/live/).');
      // Built by the global setup; serve what it built.
      const app = await serveLiveApp();
      const stack = await startLiveStack();
      await use(stack);
      await stack.close();
      await app.close();
    },
    // Three servers and the identity provider's discovery: more than a test's own minute on a loaded 2-core machine.
    { scope: 'worker', timeout: 120_000 },
  ],
  // Each scenario starts from an empty cloud; a new browser context has no backend session either.
  softphone: async ({ live, page }, use) => {
    await live.cloud.reset();
    await recordPeerConnections(page);
    const softphone = new SoftphonePage(page);
    await softphone.open();
    await use(softphone);
  },
  identityProvider: async ({ page }, use) => {
    await use(new IdentityProviderPage(page));
  },
});

/** Packets the agent's own peer connections received: the far end is heard in the SDK, not only sent. */
export async function expectAgentReceivesAudio(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          let received = 0;
          for (const peer of window.e2eLivePeers ?? []) {
            if (peer.signalingState === 'closed') continue;
            const stats = await peer.getStats();
            stats.forEach((report: { type: string; kind?: string; packetsReceived?: number }) => {
              if (report.type === 'inbound-rtp' && report.kind === 'audio') received += report.packetsReceived ?? 0;
            });
          }
          return received;
        }),
      { message: 'the agent’s SDK receives the far end’s audio', timeout: 15_000 },
    )
    .toBeGreaterThan(0);
}

declare global {
  interface Window {
    e2eLivePeers?: RTCPeerConnection[];
  }
}

/** Keeps every peer connection the page creates, so a scenario can read its stats from outside the app. */
export async function recordPeerConnections(page: Page) {
  await page.addInitScript(() => {
    const peers: RTCPeerConnection[] = [];
    window.e2eLivePeers = peers;
    window.RTCPeerConnection = new Proxy(window.RTCPeerConnection, {
      construct(target, args: ConstructorParameters<typeof RTCPeerConnection>, newTarget) {
        const peer = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
        peers.push(peer);
        return peer;
      },
    });
  });
}

export { expect };
