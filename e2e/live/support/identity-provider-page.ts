import { expect, type Locator, type Page } from '@playwright/test';

/** The local identity provider's sign-in page (server/testing/local-identity-provider.ts), as an agent sees it. */
export class IdentityProviderPage {
  readonly username: Locator;
  readonly signInButton: Locator;
  readonly cancelButton: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.username = page.getByRole('textbox', { name: 'Username' });
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
  }

  async expectShown() {
    await expect(this.page).toHaveTitle('Sign in to Example Org');
  }

  async signInAs(account: string) {
    await this.expectShown();
    await this.username.fill(account);
    await this.signInButton.click();
  }

  async cancel() {
    await this.expectShown();
    await this.cancelButton.click();
  }
}
