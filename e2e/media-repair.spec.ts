import { expect, test } from './support/fixtures';

// The call's audio path breaks mid-call (a network change, a lost media server): the softphone repairs it
// (the SDK's autoReconnectMedia) and says so, instead of hanging up; only a repair that fails ends the call.

test.describe('Audio that drops during a call', () => {
  test('is repaired: Reconnecting audio… then the audio flows again, and the call goes on', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);

    await farEnd.breakMedia(callId);
    // The browser notices within about 10 s; the SDK renegotiates 3 s later.
    await expect(jane.callAudio).toHaveText('Reconnecting audio…', { timeout: 20_000 });
    await expect(jane.activeCall).toBeVisible();
    await expect(jane.callAudio).toHaveText('', { timeout: 15_000 });
    await farEnd.expectAudioStillFlowing(callId);
    expect(await farEnd.call(callId)).toMatchObject({ state: 'answered' });

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('that cannot be repaired ends the call with the reason in words', async ({ jane, farEnd }) => {
    test.setTimeout(90_000);
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);

    await farEnd.breakMedia(callId, { repair: 'refuse' });
    await expect(jane.callAudio).toHaveText('Reconnecting audio…', { timeout: 20_000 });
    // The SDK tries five times, about 3 s apart, then gives up; the app hangs up so the caller is not left on a dead line.
    await expect(jane.lastCall).toContainText('The audio connection was lost.', { timeout: 30_000 });
    await expect(jane.activeCall).toBeHidden({ timeout: 1_000 });
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
  });
});
