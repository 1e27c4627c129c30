import type { Page } from '@playwright/test';

export interface RecordedNotification {
  title: string;
  body: string;
  closed: boolean;
}

declare global {
  interface Window {
    e2eNotifications?: RecordedNotification[];
  }
}

/**
 * The browser's side of "Jane works in another tab": the page reports itself hidden, notifications are
 * allowed, and each one is recorded instead of shown, so a scenario can read them.
 */
export async function simulateHiddenTabWithNotifications(page: Page) {
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    const shown: RecordedNotification[] = [];
    window.e2eNotifications = shown;
    class RecordingNotification extends EventTarget {
      static readonly permission = 'granted';
      static requestPermission = async () => 'granted' as const;
      onclick: (() => void) | null = null;
      private readonly record: RecordedNotification;
      constructor(title: string, options?: NotificationOptions) {
        super();
        this.record = { title, body: options?.body ?? '', closed: false };
        shown.push(this.record);
      }
      close() {
        this.record.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: RecordingNotification });
  });
}

export function recordedNotifications(page: Page): Promise<RecordedNotification[] | undefined> {
  return page.evaluate(() => window.e2eNotifications);
}
