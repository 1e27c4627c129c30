import { expect, test } from './support/fixtures';
import { AudioSettingsDialog } from './support/audio-settings-dialog';

// Audio settings: the microphone, the speaker calls play on, and the ringer, each on its own device.
// Chromium's fake devices (--use-fake-device-for-media-stream) list three inputs and three outputs
// ("Fake Default Audio …", "Fake Audio Input 1/2", "Fake Audio Output 1/2") and honour setSinkId, so the
// routing is checked for real: the ringtone element's and the SDK audio output's sinkId, and the label of
// the microphone track the call sends.

test.describe('Audio devices', () => {
  test('ringer and speaker on different devices, the microphone switched mid-call, choices remembered', async ({ jane, farEnd }) => {
    test.setTimeout(90_000);
    const settings = new AudioSettingsDialog(jane.page);
    await settings.open();
    await settings.expectNoAccessibilityViolations();
    await settings.choose('microphone', 'Fake Audio Input 1');
    await settings.choose('speaker', 'Fake Audio Output 1');
    await settings.choose('ringer', 'Fake Audio Output 2');
    await settings.expectMicrophoneMoves();
    const speakerId = await settings.deviceId('audiooutput', 'Fake Audio Output 1');
    const ringerId = await settings.deviceId('audiooutput', 'Fake Audio Output 2');

    await settings.testSpeakerButton.click();
    await expect(settings.testTone).toHaveAttribute('data-state', 'playing');
    expect(await settings.testTone.evaluate((element: HTMLAudioElement) => element.sinkId)).toBe(speakerId);
    await expect(settings.testTone).toHaveAttribute('data-state', 'stopped');
    await settings.close();

    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.expectRingtone('playing');
    await expect.poll(() => jane.ringtone.evaluate((element: HTMLAudioElement) => element.sinkId), { message: 'the ringtone plays on the Ringer' }).toBe(ringerId);
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentAudioOutputDevice, { message: 'the call plays on the Speaker' }).toBe(speakerId);
    expect((await farEnd.mediaStats(callId)).agentMicrophone, 'a new call opens the chosen microphone').toBe('Fake Audio Input 1');

    await settings.open();
    await settings.choose('microphone', 'Fake Audio Input 2');
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentMicrophone, { message: 'the call now sends the other microphone' }).toBe('Fake Audio Input 2');
    await settings.expectMicrophoneMoves();
    await settings.close();
    await farEnd.expectAudioStillFlowing(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');

    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    await settings.open();
    await settings.expectChosen('microphone', 'Fake Audio Input 2');
    await settings.expectChosen('speaker', 'Fake Audio Output 1');
    await settings.expectChosen('ringer', 'Fake Audio Output 2');
    await settings.close();
  });

  test('a headset unplugged mid-call leaves the call on the default devices and says so; plugged back, it is used again', async ({ jane, farEnd }) => {
    test.setTimeout(90_000);
    // Fake devices cannot be unplugged: the page is told "Fake Audio Input 1" and "Fake Audio Output 1" are
    // gone (enumerateDevices stops listing them, devicechange fires), as the browser does for a real headset.
    await jane.page.addInitScript(() => {
      const unplugged = new Set<string>();
      const enumerate = navigator.mediaDevices.enumerateDevices.bind(navigator.mediaDevices);
      navigator.mediaDevices.enumerateDevices = async () => (await enumerate()).filter((device) => !unplugged.has(device.label));
      (window as unknown as { setHeadset(plugged: boolean): void }).setHeadset = (plugged) => {
        for (const label of ['Fake Audio Input 1', 'Fake Audio Output 1']) {
          if (plugged) unplugged.delete(label);
          else unplugged.add(label);
        }
        navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      };
    });
    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    const settings = new AudioSettingsDialog(jane.page);
    await settings.open();
    await settings.choose('microphone', 'Fake Audio Input 1');
    await settings.choose('speaker', 'Fake Audio Output 1');
    const headsetId = await settings.deviceId('audiooutput', 'Fake Audio Output 1');
    await settings.close();

    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentAudioOutputDevice).toBe(headsetId);

    await jane.page.evaluate(() => (window as unknown as { setHeadset(plugged: boolean): void }).setHeadset(false));
    await expect(settings.devicesNotice).toContainText('Fake Audio Input 1 was disconnected: calls now use the default microphone.');
    await expect(settings.devicesNotice).toContainText('Fake Audio Output 1 was disconnected: calls now use the default speaker.');
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentAudioOutputDevice).toBe('');
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentMicrophone).toBe('Fake Default Audio Input');
    await farEnd.expectAudioStillFlowing(callId);
    await expect(jane.activeCall).toBeVisible();

    await jane.page.evaluate(() => (window as unknown as { setHeadset(plugged: boolean): void }).setHeadset(true));
    await expect(settings.devicesNotice).toContainText('Fake Audio Input 1 is connected again: calls use it again.');
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentMicrophone).toBe('Fake Audio Input 1');
    await expect.poll(async () => (await farEnd.mediaStats(callId)).agentAudioOutputDevice).toBe(headsetId);
    await farEnd.expectAudioStillFlowing(callId);
    await jane.hangUp();
  });

  test('where the browser cannot choose an output, Speaker and Ringer say so and calls still play', async ({ jane, farEnd }) => {
    // Safari and older Firefox have no setSinkId: the same page without it.
    await jane.page.addInitScript(() => {
      delete (HTMLMediaElement.prototype as Partial<HTMLMediaElement>).setSinkId;
    });
    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    const settings = new AudioSettingsDialog(jane.page);
    await settings.open();
    for (const select of [settings.speaker, settings.ringer]) {
      await expect(select).toBeDisabled();
      await expect(select).toHaveAccessibleDescription(/This browser cannot choose where audio plays/);
    }
    await expect(settings.microphone).toBeEnabled();
    await settings.expectNoAccessibilityViolations();
    await settings.close();

    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    expect((await farEnd.mediaStats(callId)).agentAudioOutputDevice).toBeUndefined();
    await jane.hangUp();
  });
});
