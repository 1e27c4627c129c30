import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { PhoneSnapshot } from '../../src/fake-cloud/phone-protocol';

type Key = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#';

/** The Phone page (phone.html): a simulated PSTN phone, located only through its documented accessible names. */
export class PhonePage {
  readonly page: Page;
  readonly phone: Locator;
  readonly status: Locator;
  readonly numberToCall: Locator;
  readonly callButton: Locator;
  readonly answerButton: Locator;
  readonly rejectButton: Locator;
  readonly hangUpButton: Locator;
  readonly callContactCenterButton: Locator;
  /** What the contact center is saying now (its NCCO's talk). */
  readonly alerts: Locator;

  constructor(page: Page) {
    this.page = page;
    this.phone = page.getByRole('region', { name: 'Phone' });
    this.status = this.phone.getByRole('status', { name: 'Phone status' });
    this.numberToCall = this.phone.getByRole('textbox', { name: 'Number to call' });
    this.callButton = this.phone.getByRole('button', { name: 'Call', exact: true });
    this.answerButton = this.phone.getByRole('button', { name: 'Answer' });
    this.rejectButton = this.phone.getByRole('button', { name: 'Reject' });
    this.hangUpButton = this.phone.getByRole('button', { name: 'Hang up' });
    this.callContactCenterButton = this.phone.getByRole('button', { name: 'Call the contact center' });
    this.alerts = page.getByRole('alert');
  }

  key(key: Key): Locator {
    return this.phone.getByRole('button', { name: `Key ${key}`, exact: true });
  }

  async open() {
    await this.page.goto('/phone.html');
    await this.expectStatus('Ready');
  }

  async dial(nameOrNumber: string) {
    await this.numberToCall.fill(nameOrNumber);
    await this.callButton.click();
  }

  async callContactCenter() {
    await this.callContactCenterButton.click();
  }

  /**
   * The contact center said `text` during this call: read from the Phone's list of everything said, so a short
   * talk that is over before the test looks (a busy machine) is still found.
   */
  async expectPrompt(text: string | RegExp) {
    await expect(this.phone.getByRole('list', { name: 'What the contact center said' }).getByRole('listitem').filter({ hasText: text }).first()).toBeVisible();
  }

  async answer() {
    await this.answerButton.click();
  }

  async reject() {
    await this.rejectButton.click();
  }

  async hangUp() {
    await this.hangUpButton.click();
  }

  async press(key: Key) {
    await this.key(key).click();
  }

  /** The phone's own number as the page shows it, in E.164 (+442079460501). */
  async number(): Promise<string> {
    await expect(this.phone).toContainText(/Your number: \+\d/);
    const text = (await this.phone.getByText(/^Your number:/).textContent()) ?? '';
    return `+${text.replace(/\D/g, '')}`;
  }

  async expectStatus(text: string | RegExp) {
    await expect(this.status).toHaveText(text);
  }

  /** RTP packets the Phone's own peer connection received during its current call. */
  packetsReceived(): Promise<number> {
    return this.page.evaluate(() => window.fakePhone?.packetsReceived() ?? 0);
  }

  /** The emulator's view of this phone (control API `phones()`, over HTTP on the page's origin). */
  async snapshot(): Promise<PhoneSnapshot> {
    const own = (await this.number()).slice(1);
    const response = await this.page.request.post('/emulator/control/phones', { data: { args: [] } });
    const { result } = (await response.json()) as { result: PhoneSnapshot[] };
    const phone = result.find((candidate) => candidate.number === own);
    if (!phone) throw new Error(`The emulator has no phone ${own}`);
    return phone;
  }

  /**
   * Audio both ways, measured at the Phone: its peer connection receives RTP, and the emulator passed audio
   * frames on each way between the Phone and the agent's far end (so the agent's voice, not a tone, reaches it).
   */
  async expectAudioBothWays() {
    await expect.poll(() => this.packetsReceived(), { message: 'the Phone receives RTP', timeout: 15_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const { media } = await this.snapshot();
        return Math.min(media.framesToAgent, media.framesFromAgent);
      }, { message: 'audio frames pass both ways between the Phone and the agent', timeout: 15_000 })
      .toBeGreaterThan(0);
  }

  /** Hangs up (or rejects) whatever call the Phone shows; true if there was one. */
  async endAnyCall(): Promise<boolean> {
    const button = this.hangUpButton.or(this.rejectButton);
    if ((await button.count()) === 0) return false;
    await button.first().click();
    await expect(this.hangUpButton.or(this.answerButton)).toHaveCount(0);
    return true;
  }

  async expectNoAccessibilityViolations() {
    const scan = await new AxeBuilder({ page: this.page }).analyze();
    expect(scan.violations).toEqual([]);
  }
}
