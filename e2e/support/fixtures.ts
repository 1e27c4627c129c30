import { test as base } from '@playwright/test';
import { blockMicrophone } from './blocked-microphone';
import { FakeCloudDriver } from './fake-cloud-driver';
import { simulateHiddenTabWithNotifications } from './hidden-tab';
import { SoftphonePage } from './softphone-page';

interface SoftphoneOptions {
  /** `blocked`: the browser refuses the microphone until `allowMicrophone(page)`. */
  microphone: 'allowed' | 'blocked';
  /** `hidden-with-notifications`: the tab reports itself hidden and notifications are allowed and recorded. */
  tab: 'visible' | 'hidden-with-notifications';
}

interface SoftphoneFixtures {
  /** The softphone, opened on the sign-in screen, with the demo backend running. */
  softphone: SoftphonePage;
  /** The far end: callers, callees and the token backend. */
  farEnd: FakeCloudDriver;
  /** The softphone with agent Jane signed in and Ready. */
  jane: SoftphonePage;
}

export const test = base.extend<SoftphoneOptions & SoftphoneFixtures>({
  microphone: ['allowed', { option: true }],
  tab: ['visible', { option: true }],
  softphone: async ({ page, microphone, tab }, use) => {
    if (microphone === 'blocked') await blockMicrophone(page);
    if (tab === 'hidden-with-notifications') await simulateHiddenTabWithNotifications(page);
    const softphone = new SoftphonePage(page);
    await softphone.open();
    await use(softphone);
  },
  farEnd: async ({ page, softphone: _opened }, use) => {
    const driver = new FakeCloudDriver(page);
    await driver.ready();
    await use(driver);
  },
  jane: async ({ softphone, farEnd: _ready }, use) => {
    await softphone.signInAndWaitUntilReady('Jane');
    await use(softphone);
  },
});

export { expect } from '@playwright/test';
