import type { Page } from '@playwright/test';

declare global {
  interface Window {
    e2eAllowMicrophone?: () => void;
  }
}

/**
 * Makes the browser refuse the microphone, as when an agent has blocked it for the site, until
 * `allowMicrophone` is called. The SDK itself is untouched: only the browser's answer changes.
 */
export async function blockMicrophone(page: Page) {
  await page.addInitScript(() => {
    let blocked = true;
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) =>
      blocked ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : original(constraints);
    window.e2eAllowMicrophone = () => {
      blocked = false;
    };
  });
}

export async function allowMicrophone(page: Page) {
  await page.evaluate(() => window.e2eAllowMicrophone?.());
}
