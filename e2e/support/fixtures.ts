import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { blockMicrophone } from './blocked-microphone';
import { expectNoCspViolations, installCspGuard } from './csp-guard';
import { startEmulatorServer, type EmulatorServer } from './emulator-server';
import { FakeCloudDriver } from './fake-cloud-driver';
import { simulateHiddenTabWithNotifications } from './hidden-tab';
import { expectNoLiveMedia, installMediaLeakGuard, isGuarded } from './media-leak-guard';
import { PhonePage } from './phone-page';
import { SoftphonePage } from './softphone-page';

interface SoftphoneOptions {
  /** `blocked`: the browser refuses the microphone until `allowMicrophone(page)`. */
  microphone: 'allowed' | 'blocked';
  /** `hidden-with-notifications`: the tab reports itself hidden and notifications are allowed and recorded. */
  tab: 'visible' | 'hidden-with-notifications';
}

export interface CloudOptions {
  /**
   * Set per project: the shared local emulator (a real server), the whole cloud in the page (static demo), or
   * live mode's production build against the real backend and the emulator checking tokens (e2e/live/).
   */
  demoCloud: 'emulator' | 'in-page' | 'live';
}

interface CloudFixtures {
  /** This worker's emulator, serving the app on its origin; undefined for the static demo. */
  emulatorServer: EmulatorServer | undefined;
}

/** Emulator workers listen from here up (one port per parallel worker); the static demo uses E2E_PORT. */
const emulatorBasePort = Number(process.env.E2E_EMULATOR_PORT ?? 5840);

interface SoftphoneFixtures {
  /** The softphone, opened on the sign-in screen, with the demo backend running. */
  softphone: SoftphonePage;
  /** The far end: callers, callees and the token backend. */
  farEnd: FakeCloudDriver;
  /** The softphone with agent Jane signed in and Ready. */
  jane: SoftphonePage;
  /** Agent Joe in his own browser context (another device), signed in and Ready: emulator project only. */
  joe: SoftphonePage;
  /** A second tab of Jane (same browser profile), signed in after `jane` and Ready: emulator project only. */
  janeSecondTab: SoftphonePage;
  /** The Phone page (a simulated PSTN phone) in its own browser context, Ready: emulator project only. */
  phone: PhonePage;
}

/**
 * After the test: once the softphone shows no call, no microphone, peer connection or stream audio may be
 * left live. A call still on screen is ended by signing out, which rejects or hangs up every call (the
 * product's own path for that), and its clean-up is then checked like any other.
 */
async function expectNoLiveMediaWithoutCalls(page: Page, testInfo: TestInfo) {
  if (page.isClosed() || !(await isGuarded(page))) return;
  const softphone = new SoftphonePage(page);
  const callsOnScreen = softphone.incomingCall.or(softphone.outgoingCall).or(softphone.activeCall);
  if ((await callsOnScreen.count()) > 0) {
    testInfo.annotations.push({
      type: 'media leak guard',
      description: 'A call was still on screen when the test ended: signed out to end it, then checked media.',
    });
    await softphone.signOutButton.click();
    await expect(softphone.connection, 'signing out ends every call').toHaveText('Signed out');
    await expect(callsOnScreen, 'no call is on screen after signing out').toHaveCount(0);
  }
  await expectNoLiveMedia(page);
}

export const test = base.extend<SoftphoneOptions & SoftphoneFixtures, CloudOptions & CloudFixtures>({
  demoCloud: ['emulator', { option: true, scope: 'worker' }],
  emulatorServer: [
    async ({ demoCloud }, use, workerInfo) => {
      if (demoCloud !== 'emulator') {
        await use(undefined);
        return;
      }
      const server = await startEmulatorServer(emulatorBasePort + workerInfo.parallelIndex);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ baseURL, emulatorServer }, use) => {
    await use(emulatorServer?.url ?? baseURL);
  },
  // Every page of every test is watched (see media-leak-guard.ts); there is no option to turn this off.
  page: async ({ page }, use, testInfo) => {
    await installMediaLeakGuard(page.context());
    // Every page of the context fails the test on a Content-Security-Policy violation (see csp-guard.ts).
    const cspViolations = await installCspGuard(page.context());
    await use(page);
    // A scenario that already failed reports its own error; its half-finished call is not a second one.
    if (testInfo.status !== 'passed') return;
    expectNoCspViolations(cspViolations);
    for (const open of page.context().pages()) await expectNoLiveMediaWithoutCalls(open, testInfo);
  },
  microphone: ['allowed', { option: true }],
  tab: ['visible', { option: true }],
  softphone: async ({ page, microphone, tab, emulatorServer }, use) => {
    // Each scenario starts from an empty cloud: no calls or sessions left by the one before in this worker.
    await emulatorServer?.reset();
    if (microphone === 'blocked') await blockMicrophone(page);
    if (tab === 'hidden-with-notifications') await simulateHiddenTabWithNotifications(page);
    const softphone = new SoftphonePage(page);
    await softphone.open();
    await use(softphone);
  },
  farEnd: async ({ page, emulatorServer, softphone: _opened }, use) => {
    const driver = new FakeCloudDriver(page, emulatorServer?.url);
    await driver.ready();
    await use(driver);
  },
  jane: async ({ softphone, farEnd: _ready }, use) => {
    await softphone.signInAndWaitUntilReady('Jane');
    await use(softphone);
  },
  joe: async ({ browser, emulatorServer, jane: _signedInFirst }, use, testInfo) => {
    if (!emulatorServer) throw new Error('Two agents need one shared cloud: run this scenario in the emulator project.');
    const context = await browser.newContext({ baseURL: emulatorServer.url, permissions: ['microphone'] });
    await installMediaLeakGuard(context);
    const cspViolations = await installCspGuard(context);
    const joe = new SoftphonePage(await context.newPage());
    await joe.open();
    await new FakeCloudDriver(joe.page).ready();
    await joe.signInAndWaitUntilReady('Joe');
    await use(joe);
    // The same guard as every page: Joe's microphone is released once he shows no call.
    if (testInfo.status === 'passed') await expectNoLiveMediaWithoutCalls(joe.page, testInfo);
    if (testInfo.status === 'passed') expectNoCspViolations(cspViolations);
    await context.close();
  },
  janeSecondTab: async ({ jane, emulatorServer }, use) => {
    if (!emulatorServer) throw new Error('Two tabs of one agent share one cloud: run this scenario in the emulator project.');
    const tab = new SoftphonePage(await jane.page.context().newPage());
    await tab.open();
    await tab.signInAndWaitUntilReady('Jane');
    // Checked with every other page of Jane's context by the `page` fixture's media-leak guard.
    await use(tab);
  },
  phone: async ({ browser, emulatorServer, softphone: _cloudResetFirst }, use, testInfo) => {
    if (!emulatorServer) throw new Error('The Phone page talks to the emulator: run this scenario in the emulator project.');
    const context = await browser.newContext({ baseURL: emulatorServer.url, permissions: ['microphone'] });
    await installMediaLeakGuard(context);
    const cspViolations = await installCspGuard(context);
    const phone = new PhonePage(await context.newPage());
    await phone.open();
    await use(phone);
    // The same guard as every page: once the Phone shows no call, its microphone and peer are released.
    if (testInfo.status === 'passed') {
      if (await phone.endAnyCall()) testInfo.annotations.push({ type: 'media leak guard', description: 'The Phone was still in a call: ended it, then checked media.' });
      await expectNoLiveMedia(phone.page);
      expectNoCspViolations(cspViolations);
    }
    await context.close();
  },
});

export { expect } from '@playwright/test';

/**
 * Scenarios that also run against the static demo build (the whole cloud inside the page, project
 * `static-demo`): enough to prove that build signs in, takes a call with audio both ways, handles a token
 * backend failure and keeps the microphone private. Everything else about the UI does not depend on where
 * the cloud runs, and runs once, against the emulator.
 */
export const staticDemo = { tag: '@static-demo' };
