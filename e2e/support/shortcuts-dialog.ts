import { expect, type Locator, type Page } from '@playwright/test';

/** The Keyboard shortcuts button and dialog, and the keys an agent presses (README, QA contract). */
export class ShortcutsDialog {
  readonly page: Page;
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly closeButton: Locator;
  /** The dialog's table rows, one per shortcut (the header row excluded). */
  readonly shortcuts: Locator;

  constructor(page: Page) {
    this.page = page;
    this.openButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    this.dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
    this.shortcuts = this.dialog.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  }

  /** Presses a key or chord wherever focus is, e.g. `Alt+Shift+KeyP` (by physical key, as the table binds it). */
  async press(keys: string) {
    await this.page.keyboard.press(keys);
  }

  async openWithButton() {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** The shortcut listed for an action, e.g. `Answer` → `Alt+Shift+P`. */
  keysFor(action: string | RegExp): Locator {
    return this.shortcuts.filter({ hasText: action }).getByRole('cell').first();
  }
}
