import { expect, test } from './support/fixtures';
import { expectNoLiveMedia } from './support/media-leak-guard';

// Races QA found under fault injection; each scenario reproduces the original timing through the fake cloud.

const caller = { agent: 'Jane', from: '447911123456' } as const;

test.describe('Races between the agent and the far end', () => {
  test('the caller gives up just as Jane answers: the call ends as theirs and her microphone is released', async ({ jane, farEnd }) => {
    // 0 ms: the cancel lands while the SDK still waits for the join reply; 25–90 ms: while it opens the
    // microphone and builds its peer connection (the window in which the microphone used to stay live). On a
    // fast machine the answer can win the later races: the caller then hangs up on an answered call.
    for (const delayMs of [0, 25, 45, 60, 90]) {
      const callId = await farEnd.ringAgent(caller);
      await farEnd.callerGivesUpAsAgentAnswers(callId, delayMs);
      await jane.answerButton.click();
      await jane.expectLastCallSummary(/The caller hung up( before you answered)?\./);
      await expect(jane.activeCall).toBeHidden();
      await expectNoLiveMedia(jane.page);
      expect(await farEnd.call(callId)).toMatchObject({ state: 'ended' });
      await jane.dismissButton.click();
    }

    // The next call works as usual, and signing out afterwards leaves nothing live either.
    const callId = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await jane.signOutButton.click();
    await expect(jane.connection).toHaveText('Signed out');
    await expectNoLiveMedia(jane.page);
  });

  test('Jane hangs up the instant the call connects: the summary says she hung up, as the cloud recorded', async ({ jane, farEnd }) => {
    for (let round = 1; round <= 4; round += 1) {
      const callId = await farEnd.ringAgent(caller);
      await jane.answerAndHangUpTheMomentItConnects();
      await jane.expectLastCallSummary('You hung up.');
      await expect(jane.announcement).toContainText('You hung up.');
      await expect.poll(async () => (await farEnd.call(callId))?.endReason).toBe('LOCAL_HANGUP');
      await jane.dismissButton.click();
    }
  });
});
