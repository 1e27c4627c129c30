import type { MediaStats } from '../src/fake-cloud/control-api';
import { expect, test } from './support/fixtures';

const websocketFrames = (stats: MediaStats) => stats.websocket ?? { framesSent: 0, framesReceived: 0 };

test.describe('Sound check', () => {
  test('Jane hears herself through the backend’s echo: the audio she sends comes back', async ({ jane, farEnd }) => {
    await expect(jane.soundCheckButton).toBeEnabled();
    await jane.soundCheckButton.click();

    await expect(jane.activeCall).toBeVisible({ timeout: 15_000 });
    await expect(jane.activeCall).toContainText('Sound check');
    await expect(jane.activeCall.getByText('Speak: you should hear yourself in about a second.')).toBeVisible();
    await expect(jane.soundCheckButton).toBeDisabled();
    const call = (await farEnd.calls()).find((snapshot) => snapshot.agent === 'Jane' && snapshot.direction === 'outbound');
    expect(call).toBeDefined();
    const callId = call!.callId;
    await farEnd.expectAudioBothWays(callId);

    // The emulator's websocket connect streams Jane's audio to the backend's echo and plays what comes back.
    await expect
      .poll(async () => websocketFrames(await farEnd.mediaStats(callId)).framesReceived, { message: 'the echo sends audio back', timeout: 15_000 })
      .toBeGreaterThan(0);
    // 20 ms messages each way: 100 more take about 2 s (a slow machine may lag, never by half). No fixed wait:
    // the rate is what arrived over however long it took.
    const before = websocketFrames(await farEnd.mediaStats(callId));
    const startedAt = Date.now();
    await expect
      .poll(async () => websocketFrames(await farEnd.mediaStats(callId)).framesReceived - before.framesReceived, { message: 'the echo keeps sending audio back', timeout: 10_000 })
      .toBeGreaterThanOrEqual(100);
    const after = websocketFrames(await farEnd.mediaStats(callId));
    const realTimeFrames = (Date.now() - startedAt) / 20;
    expect(after.framesReceived - before.framesReceived).toBeGreaterThan(0.5 * realTimeFrames);
    expect(after.framesSent - before.framesSent).toBeGreaterThan(0.5 * realTimeFrames);
    // What goes out comes back: as many frames each way over the same stretch.
    expect(after.framesReceived - before.framesReceived).toBeGreaterThanOrEqual(0.8 * (after.framesSent - before.framesSent));
    // Jane hears herself about a second later: about 50 frames are on their way back, none lost for good.
    expect(after.framesSent - after.framesReceived).toBeGreaterThanOrEqual(25);
    expect(after.framesSent - after.framesReceived).toBeLessThanOrEqual(150);
    await farEnd.expectAudioStillFlowing(callId);

    // The fake microphone beeps: the meter moves.
    await expect
      .poll(async () => Number(await jane.microphoneLevel.getAttribute('aria-valuenow')), { message: 'the microphone level moves', timeout: 10_000 })
      .toBeGreaterThan(0);

    await jane.expectNoAccessibilityViolations();

    // A reload takes the call back with a new offer: the socket stays, the echo goes on, the meter is back.
    await jane.reload({ expectWarning: true });
    await expect(jane.microphoneLevel).toBeVisible({ timeout: 15_000 });
    await expect(jane.callAudio).toHaveText('', { timeout: 15_000 });
    const resumed = websocketFrames(await farEnd.mediaStats(callId));
    await expect
      .poll(async () => websocketFrames(await farEnd.mediaStats(callId)).framesReceived, { message: 'the echo goes on after the reload' })
      .toBeGreaterThan(resumed.framesReceived + 50);

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect(jane.activeCall).toBeHidden();
    await expect(jane.soundCheckButton).toBeEnabled();
    // The socket closed with the call: no more frames.
    const ended = websocketFrames(await farEnd.mediaStats(callId));
    await jane.page.waitForTimeout(500);
    expect(websocketFrames(await farEnd.mediaStats(callId))).toEqual(ended);
  });
});
