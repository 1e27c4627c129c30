import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

// During a call the softphone estimates its quality from the call's own WebRTC stats (loss, jitter, round
// trip through the ITU E-model) and reads Good, Fair or Poor; the emulator degrades the far end's audio on
// demand, as a bad network would, so the reading genuinely drops and recovers.

test.describe('Call quality', () => {
  test('reads Good on a clean call, Poor while the audio is degraded, Good again after, and the summary gives the MOS', async ({ jane, farEnd }) => {
    test.setTimeout(90_000);
    const quality = jane.activeCall.getByRole('status', { name: 'Call quality' });
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await expect(quality).toHaveText('Good', { timeout: 15_000 });

    const scan = await new AxeBuilder({ page: jane.page }).include('section[aria-label="Active call"]').analyze();
    expect(scan.violations).toEqual([]);

    await farEnd.degradeCall(callId, { lossPercent: 30, jitterMs: 100 });
    await expect(quality).toHaveText('Poor', { timeout: 20_000 });
    await expect(jane.activeCall, 'a poor line does not end the call').toBeVisible();

    await farEnd.restoreCall(callId);
    await expect(quality).toHaveText('Good', { timeout: 20_000 });
    await farEnd.expectAudioStillFlowing(callId);

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect(jane.lastCall).toContainText(/Call quality: \d\.\d \((Good|Fair|Poor)\)/);
  });

  test('warns the agent who talks while muted, and stops once they unmute', async ({ jane, farEnd }) => {
    const warning = jane.activeCall.getByRole('status', { name: 'Microphone warning' });
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await expect(warning, 'no warning on an ordinary call').toHaveText('');

    // Chromium's fake microphone beeps without pause: to the softphone, the agent keeps talking.
    await jane.muteButton.click();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    await expect(warning).toHaveText('You are talking while muted.', { timeout: 15_000 });

    await jane.muteButton.click();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    await expect(warning).toHaveText('');
    await jane.hangUp();
  });

  test('refuses to degrade a call that is not connected, in words', async ({ farEnd }) => {
    await expect(farEnd.degradeCall('LEG-nowhere', { lossPercent: 10, jitterMs: 0 })).rejects.toThrow('Unknown call LEG-nowhere');
  });
});
