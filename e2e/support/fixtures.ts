import { test as base } from '@playwright/test';
import { FakeCloudDriver } from './fake-cloud-driver';
import { SoftphonePage } from './softphone-page';

interface SoftphoneFixtures {
  /** The softphone, opened on the sign-in screen, with the demo backend running. */
  softphone: SoftphonePage;
  /** The far end: callers, callees and the token backend. */
  farEnd: FakeCloudDriver;
  /** The softphone with agent Jane signed in and Ready. */
  jane: SoftphonePage;
}

export const test = base.extend<SoftphoneFixtures>({
  softphone: async ({ page }, use) => {
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
