import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

type Role = 'microphone' | 'speaker' | 'ringer';

/** The Audio settings dialog and its opening button, located through the documented accessible names. */
export class AudioSettingsDialog {
  readonly page: Page;
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly microphone: Locator;
  readonly speaker: Locator;
  readonly ringer: Locator;
  readonly microphoneLevel: Locator;
  readonly testSpeakerButton: Locator;
  readonly testTone: Locator;
  readonly closeButton: Locator;
  /** The status that says a device in use was unplugged or came back. */
  readonly devicesNotice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.openButton = page.getByRole('button', { name: 'Audio settings' });
    this.dialog = page.getByRole('dialog', { name: 'Audio settings' });
    this.microphone = this.dialog.getByRole('combobox', { name: 'Microphone' });
    this.speaker = this.dialog.getByRole('combobox', { name: 'Speaker' });
    this.ringer = this.dialog.getByRole('combobox', { name: 'Ringer' });
    this.microphoneLevel = this.dialog.getByRole('meter', { name: 'Microphone level' });
    this.testSpeakerButton = this.dialog.getByRole('button', { name: 'Test speaker' });
    this.testTone = this.dialog.getByTestId('test-tone');
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
    this.devicesNotice = page.getByRole('status', { name: 'Audio devices' });
  }

  async open() {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Closes with Escape, as a keyboard user would; focus goes back to the button. */
  async close() {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
    await expect(this.openButton).toBeFocused();
  }

  selectFor(role: Role): Locator {
    return { microphone: this.microphone, speaker: this.speaker, ringer: this.ringer }[role];
  }

  /** Picks a device by the label the browser gives it (Chromium's fake devices: "Fake Audio Output 1"). */
  async choose(role: Role, label: string) {
    await this.selectFor(role).selectOption({ label });
    await expect(this.selectFor(role).locator('option:checked')).toHaveText(label);
  }

  async expectChosen(role: Role, label: string) {
    await expect(this.selectFor(role).locator('option:checked')).toHaveText(label);
  }

  /** The id the browser gives the device with this label (what setSinkId and sinkId use). */
  async deviceId(kind: 'audioinput' | 'audiooutput', label: string): Promise<string> {
    const id = await this.page.evaluate(
      async ([wantedKind, wantedLabel]) =>
        (await navigator.mediaDevices.enumerateDevices()).find((device) => device.kind === wantedKind && device.label === wantedLabel)?.deviceId,
      [kind, label] as const,
    );
    expect(id, `the browser lists ${label}`).toBeTruthy();
    return id!;
  }

  async expectMicrophoneMoves() {
    await expect
      .poll(async () => Number(await this.microphoneLevel.getAttribute('aria-valuenow')), { message: 'the Microphone level meter moves' })
      .toBeGreaterThan(0);
  }

  async expectNoAccessibilityViolations() {
    const scan = await new AxeBuilder({ page: this.page }).include('dialog').analyze();
    expect(scan.violations).toEqual([]);
  }
}
