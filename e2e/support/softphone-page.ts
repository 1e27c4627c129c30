import AxeBuilder from '@axe-core/playwright';
import { expect, type Dialog, type Locator, type Page } from '@playwright/test';

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
  /** On the active call: says *Reconnecting audio…* while the call's audio path is being repaired. */
  readonly callAudio: Locator;
  readonly muteButton: Locator;
  readonly hangUpButton: Locator;
  readonly destination: Locator;
  readonly callButton: Locator;
  readonly soundCheckButton: Locator;
  /** The sound check's meter (in Active call). */
  readonly microphoneLevel: Locator;
  readonly lastCall: Locator;
  readonly alerts: Locator;
  readonly ringtone: Locator;
  /** In the incoming call of a tab that stays silent because another tab of the same agent rings. */
  readonly otherTabRingingHint: Locator;
  /** The live region a screen reader announces: a call ringing, a call ending. */
  readonly announcement: Locator;
  readonly dismissButton: Locator;
  /** On the current call: a toggle (aria-pressed), pressed once the SDK confirmed both mute and earmuff. */
  readonly holdButton: Locator;
  /** With two calls, the one waiting on hold, with Resume and Hang up. */
  readonly heldCall: Locator;
  readonly resumeButton: Locator;
  /** The call on hold's own Hang up (in region On hold): ends that call, not the current one. */
  readonly heldCallHangUpButton: Locator;
  /** Call waiting, in Incoming call while Jane is on another call. */
  readonly holdAndAnswerButton: Locator;
  readonly endAndAnswerButton: Locator;
  readonly availability: Locator;
  readonly wrapUp: Locator;
  readonly readyForCallsButton: Locator;
  readonly shiftSettingsButton: Locator;
  readonly digitsFromCaller: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.agentName = page.getByRole('textbox', { name: 'Agent' });
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.connection = page.getByRole('status', { name: 'Connection' });
    this.incomingCall = page.getByRole('region', { name: 'Incoming call' });
    this.answerButton = this.incomingCall.getByRole('button', { name: 'Answer', exact: true });
    this.rejectButton = this.incomingCall.getByRole('button', { name: 'Reject' });
    this.outgoingCall = page.getByRole('region', { name: 'Outgoing call' });
    this.activeCall = page.getByRole('region', { name: 'Active call' });
    this.callTimer = this.activeCall.getByRole('timer');
    this.callAudio = this.activeCall.getByRole('status', { name: 'Call audio' });
    this.muteButton = this.activeCall.getByRole('button', { name: 'Mute' });
    // The current call's: the call on hold has its own Hang up, in its own region.
    this.hangUpButton = page.getByRole('region', { name: /^(Active call|Outgoing call)$/ }).getByRole('button', { name: 'Hang up' });
    this.destination = page.getByRole('textbox', { name: 'Number or agent' });
    this.callButton = page.getByRole('button', { name: 'Call', exact: true });
    this.soundCheckButton = page.getByRole('button', { name: 'Sound check' });
    this.microphoneLevel = this.activeCall.getByRole('meter', { name: 'Microphone level' });
    this.lastCall = page.getByRole('region', { name: 'Last call' });
    this.alerts = page.getByRole('alert');
    this.ringtone = page.getByTestId('ringtone');
    this.otherTabRingingHint = this.incomingCall.getByText('The ringtone plays in another of your softphone tabs. You can answer here too.');
    this.announcement = page.locator('[aria-live="assertive"]');
    this.dismissButton = this.lastCall.getByRole('button', { name: 'Dismiss' });
    this.holdButton = this.activeCall.getByRole('button', { name: 'Hold', exact: true });
    this.heldCall = page.getByRole('region', { name: 'On hold' });
    this.resumeButton = this.heldCall.getByRole('button', { name: 'Resume' });
    this.heldCallHangUpButton = this.heldCall.getByRole('button', { name: 'Hang up' });
    this.holdAndAnswerButton = this.incomingCall.getByRole('button', { name: 'Hold and answer' });
    this.endAndAnswerButton = this.incomingCall.getByRole('button', { name: 'End and answer' });
    this.availability = page.getByRole('radiogroup', { name: 'Availability' });
    this.wrapUp = page.getByRole('region', { name: 'Wrap-up' });
    this.readyForCallsButton = this.wrapUp.getByRole('button', { name: 'Ready for calls' });
    this.shiftSettingsButton = page.getByRole('button', { name: 'Shift settings' });
    this.digitsFromCaller = this.activeCall.getByRole('status', { name: 'Digits from the caller' });
  }

  async setAvailability(choice: 'Available' | 'Away' | 'Do not disturb') {
    await this.availability.getByRole('radio', { name: choice }).check();
    await expect(this.availability.getByRole('radio', { name: choice })).toBeChecked();
  }

  /** Opens Shift settings and sets the wrap-up length and auto-answer (undefined: off). */
  async setShiftSettings(settings: { wrapUpSeconds: number; autoAnswerSeconds?: number }) {
    if ((await this.shiftSettingsButton.getAttribute('aria-expanded')) !== 'true') await this.shiftSettingsButton.click();
    await this.page.getByRole('spinbutton', { name: 'Wrap-up seconds' }).fill(String(settings.wrapUpSeconds));
    const autoAnswer = this.page.getByRole('checkbox', { name: 'Auto-answer' });
    await autoAnswer.setChecked(settings.autoAnswerSeconds !== undefined);
    if (settings.autoAnswerSeconds !== undefined) {
      await this.page.getByRole('spinbutton', { name: 'Auto-answer delay in seconds' }).fill(String(settings.autoAnswerSeconds));
    }
  }

  /** Presses Hold and waits for the SDK's confirmations to show: the toggle pressed, the call reading On hold. */
  async hold() {
    await this.holdButton.click();
    await expect(this.holdButton).toHaveAttribute('aria-pressed', 'true');
    await expect(this.activeCall).toContainText('On hold');
  }

  async resumeFromHold() {
    await this.holdButton.click();
    await expect(this.holdButton).toHaveAttribute('aria-pressed', 'false');
  }

  /**
   * Moves focus to `target` with the keyboard alone: presses Tab (Shift+Tab when `backwards`) until it has
   * focus, as an agent who does not use the mouse would. Fails if it is not reached within `maxPresses`.
   */
  async tabTo(target: Locator, options: { backwards?: boolean; maxPresses?: number } = {}) {
    const key = options.backwards ? 'Shift+Tab' : 'Tab';
    const maxPresses = options.maxPresses ?? 40;
    await expect(target).toBeVisible();
    const hasFocus = () => target.evaluate((element) => element === document.activeElement, undefined, { timeout: 1_000 }).catch(() => false);
    for (let presses = 0; presses < maxPresses && !(await hasFocus()); presses += 1) await this.page.keyboard.press(key);
    await expect(target, `reached with ${key} within ${maxPresses} presses`).toBeFocused({ timeout: 1_000 });
  }

  async expectNoAccessibilityViolations() {
    const scan = await new AxeBuilder({ page: this.page }).analyze();
    expect(scan.violations).toEqual([]);
  }

  async open() {
    await this.page.goto('/');
    await expect(this.connection).toHaveText('Signed out');
  }

  /**
   * Reloads the page as an agent would (F5) and confirms the browser's "leave this page?" question, which the
   * softphone raises during a call. Resolves once the reloaded page has loaded.
   */
  async reload(options: { expectWarning: boolean }) {
    let warned = false;
    const confirm = (dialog: Dialog) => {
      if (dialog.type() !== 'beforeunload') return;
      warned = true;
      void dialog.accept();
    };
    this.page.on('dialog', confirm);
    try {
      await this.page.reload();
    } finally {
      this.page.off('dialog', confirm);
    }
    expect(warned, options.expectWarning ? 'the browser asked before leaving the call' : 'no warning without a call').toBe(options.expectWarning);
  }

  /** The seconds the call timer shows (it reads m:ss). */
  async callSeconds(): Promise<number> {
    const [minutes = '0', seconds = '0'] = ((await this.callTimer.textContent()) ?? '').trim().split(':');
    return Number(minutes) * 60 + Number(seconds);
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

  /** Hands the connected call to an agent (by name) or a number, through Transfer → Transfer to → Transfer call. */
  async transferTo(destination: string) {
    await this.activeCall.getByRole('button', { name: 'Transfer', exact: true }).click();
    await this.activeCall.getByRole('textbox', { name: 'Transfer to' }).fill(destination);
    await this.activeCall.getByRole('button', { name: 'Transfer call' }).click();
  }

  async hangUp() {
    await this.hangUpButton.click();
  }

  async expectLastCallSummary(reason: string | RegExp) {
    await expect(this.lastCall).toBeVisible();
    await expect(this.lastCall).toContainText(reason);
  }

  async expectRingtone(state: 'playing' | 'call-waiting' | 'stopped' | 'other-tab') {
    await expect(this.ringtone).toHaveAttribute('data-state', state);
  }

  /**
   * Whether this tab plays its ringtone out loud right now, read from the <audio> element itself rather than
   * from what the app says: playing, not muted, with volume, and its playback position moving.
   */
  ringtoneIsAudible(): Promise<boolean> {
    return this.ringtone.evaluate(async (element: HTMLAudioElement) => {
      const playing = () => !element.paused && !element.ended && !element.muted && element.volume > 0;
      if (!playing()) return false;
      const position = element.currentTime;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return playing() && element.currentTime !== position;
    });
  }
}
