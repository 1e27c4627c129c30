import { FakeCloudDriver } from './support/fake-cloud-driver';
import { expect, test } from './support/fixtures';
import { liveMediaCounts, noLiveMedia } from './support/media-leak-guard';
import { SoftphonePage } from './support/softphone-page';

// One agent in several tabs shares one cloud (the emulator): each tab is a session of its own.

test.describe('One agent in several tabs', () => {
  test('a tab beyond the open-session limit says so, and the tabs already open keep working', async ({ jane, farEnd }) => {
    await farEnd.setMaxSessions(1);
    const secondTab = new SoftphonePage(await jane.page.context().newPage());
    await secondTab.open();
    await secondTab.signIn('Jane');
    // As long as a sign-in may take (the new tab downloads and evaluates the SDK first).
    await expect(secondTab.alerts).toContainText('You are signed in in too many places. Sign out of another tab or device.', { timeout: 20_000 });
    await expect(secondTab.connection).toHaveText('Not connected');

    await expect(jane.connection).toHaveText('Ready');
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeHidden();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');

    // With room for two, the second tab signs in and both ring; answering in one stops the other.
    await farEnd.setMaxSessions(2);
    await secondTab.signInButton.click();
    await expect(secondTab.connection).toHaveText('Ready', { timeout: 20_000 });
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeVisible();
    await secondTab.answerIncomingCall();
    await jane.expectLastCallSummary('The call was answered on another device.');
    await secondTab.hangUp();
    await secondTab.expectLastCallSummary('You hung up.');

    // Rejecting in one tab ends the invite in the other, which says where it went.
    await farEnd.ringAgent({ agent: 'Jane', from: '447700900123' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeVisible();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');
    await secondTab.expectLastCallSummary('The call was rejected on another device.');
    await expect(secondTab.incomingCall).toBeHidden();
  });

  test('one tab rings aloud, the other shows the call silently and can answer it, and takes over when the ringing tab closes', async ({
    jane,
    janeSecondTab: secondTab,
    farEnd,
    emulatorServer,
  }) => {
    // The tab signed in first is the ringer; the other shows the same invite, silent, and says where it rings.
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeVisible();
    await expect.poll(() => jane.ringtoneIsAudible()).toBe(true);
    await expect(jane.otherTabRingingHint).toBeHidden();
    await expect(secondTab.otherTabRingingHint).toBeVisible();
    await secondTab.expectRingtone('other-tab');
    expect(await secondTab.ringtoneIsAudible()).toBe(false);
    await secondTab.expectNoAccessibilityViolations();

    // Answering in the silent tab stops the ringing one.
    await secondTab.answerIncomingCall();
    await jane.expectLastCallSummary('The call was answered on another device.');
    await jane.expectRingtone('stopped');
    expect(await jane.ringtoneIsAudible()).toBe(false);
    // The call's audio is the answering tab's alone: both ways there (its own SDK's media, read in that tab),
    // and in the first tab, during the call, no peer connection, no audio output and no microphone.
    const secondTabCloud = new FakeCloudDriver(secondTab.page, emulatorServer?.url);
    await secondTabCloud.expectAudioBothWays(callId);
    expect(await liveMediaCounts(secondTab.page), 'one audio output for the call, in the answering tab').toMatchObject({ playingStreamOutputs: 1 });
    expect(await liveMediaCounts(jane.page), 'the tab that did not answer holds no media for the call').toEqual(noLiveMedia);
    await secondTabCloud.expectAudioStillFlowing(callId);
    expect(await liveMediaCounts(jane.page), 'still none while the call goes on').toEqual(noLiveMedia);
    await secondTab.hangUp();
    await secondTab.expectLastCallSummary('You hung up.');

    // The ringing tab closes while a call rings: the other tab rings from then on.
    await farEnd.ringAgent({ agent: 'Jane', from: '447700900123' });
    await expect.poll(() => jane.ringtoneIsAudible()).toBe(true);
    await expect(secondTab.otherTabRingingHint).toBeVisible();
    expect(await secondTab.ringtoneIsAudible()).toBe(false);
    await jane.page.close();
    await expect.poll(() => secondTab.ringtoneIsAudible()).toBe(true);
    await secondTab.expectRingtone('playing');
    await expect(secondTab.otherTabRingingHint).toBeHidden();
    await secondTab.rejectIncomingCall();
    await secondTab.expectLastCallSummary('You rejected the call.');
    await secondTab.expectRingtone('stopped');
  });
});
