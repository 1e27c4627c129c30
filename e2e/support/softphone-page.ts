import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The softphone as the agent sees it, located only through the documented accessible names. */
export class SoftphonePage {
  readonly agentName: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  readonly connection: Locator;
  readonly incomingCall: Locator;
  readonly answerButton: Locator;
  readonly rejectButton: Locator;
  readonly outgoingCall: Locator;
  readonly activeCall: Locator;
  readonly callTimer: Locator;
  readonly muteButton: Locator;
  readonly hangUpButton: Locator;
  readonly destination: Locator;
  readonly callButton: Locator;
  readonly lastCall: Locator;
  readonly alerts: Locator;
  readonly ringtone: Locator;
  /** The live region a screen reader announces: a call ringing, a call ending. */
  readonly announcement: Locator;
  readonly dismissButton: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.agentName = page.getByRole('textbox', { name: 'Agent' });
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.connection = page.getByRole('status', { name: 'Connection' });
    this.incomingCall = page.getByRole('region', { name: 'Incoming call' });
    this.answerButton = this.incomingCall.getByRole('button', { name: 'Answer' });
    this.rejectButton = this.incomingCall.getByRole('button', { name: 'Reject' });
    this.outgoingCall = page.getByRole('region', { name: 'Outgoing call' });
    this.activeCall = page.getByRole('region', { name: 'Active call' });
    this.callTimer = this.activeCall.getByRole('timer');
    this.muteButton = this.activeCall.getByRole('button', { name: 'Mute' });
    this.hangUpButton = page.getByRole('button', { name: 'Hang up' });
    this.destination = page.getByRole('textbox', { name: 'Number or agent' });
    this.callButton = page.getByRole('button', { name: 'Call', exact: true });
    this.lastCall = page.getByRole('region', { name: 'Last call' });
    this.alerts = page.getByRole('alert');
    this.ringtone = page.getByTestId('ringtone');
    this.announcement = page.locator('[aria-live="assertive"]');
    this.dismissButton = this.lastCall.getByRole('button', { name: 'Dismiss' });
  }

  async expectNoAccessibilityViolations() {
    const scan = await new AxeBuilder({ page: this.page }).analyze();
    expect(scan.violations).toEqual([]);
  }

  async open() {
    await this.page.goto('/');
    await expect(this.connection).toHaveText('Signed out');
  }

  async signIn(agent: string) {
    await this.agentName.fill(agent);
    await this.signInButton.click();
  }

  async signInAndWaitUntilReady(agent: string) {
    await this.signIn(agent);
    // The first sign-in of a page downloads and evaluates the SDK (1.3 MB); on a loaded 2-core machine that
    // alone can take several seconds.
    await expect(this.connection).toHaveText('Ready', { timeout: 20_000 });
  }

  async answerIncomingCall() {
    await this.answerButton.click();
    await expect(this.activeCall).toBeVisible();
  }

  /**
   * Presses Answer, then Hang up in the same instant the call shows as connected: no human is that fast,
   * but it is the race in which the SDK loses track of who hung up. Resolves once Hang up was pressed.
   */
  async answerAndHangUpTheMomentItConnects() {
    const pressed = this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const hangUpWhenConnected = () => {
            const button = [...document.querySelectorAll('section[aria-label="Active call"] button')].find(
              (candidate) => candidate.textContent?.trim() === 'Hang up',
            );
            if (!(button instanceof HTMLButtonElement)) return false;
            button.click();
            return true;
          };
          const observer = new MutationObserver(() => {
            if (hangUpWhenConnected()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await this.answerButton.click();
    await pressed;
  }

  async rejectIncomingCall() {
    await this.rejectButton.click();
  }

  async dial(destination: string) {
    await this.destination.fill(destination);
    await this.callButton.click();
  }

  async hangUp() {
    await this.hangUpButton.click();
  }

  async expectLastCallSummary(reason: string | RegExp) {
    await expect(this.lastCall).toBeVisible();
    await expect(this.lastCall).toContainText(reason);
  }

  async expectRingtone(state: 'playing' | 'call-waiting' | 'stopped') {
    await expect(this.ringtone).toHaveAttribute('data-state', state);
  }
}
