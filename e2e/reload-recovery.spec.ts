import { expect, test } from './support/fixtures';

// A reload (F5, a crash-and-restore, an update) during a call: the same tab signs the agent back in and takes
// the call back, with the same caller, the timer going on, the mute state and the audio.

test.describe('Reloading the page during a call', () => {
  test('brings the call back: same caller, same timer, still muted, audio both ways', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await jane.muteButton.click();
    await expect(jane.activeCall).toContainText('Muted');
    await expect.poll(() => jane.callSeconds()).toBeGreaterThanOrEqual(2);
    const secondsBefore = await jane.callSeconds();
    const sessionBefore = await farEnd.sessions('Jane');

    await jane.reload({ expectWarning: true });

    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await expect(jane.activeCall).toBeVisible();
    await expect(jane.activeCall).toContainText('+44 7911 123456');
    expect(await jane.callSeconds(), 'the timer goes on from where it was').toBeGreaterThanOrEqual(secondsBefore);
    await expect(jane.activeCall).toContainText('Muted');
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    // Within 3 s of Ready the audio flows again both ways (the far end hears the agent, the agent hears it).
    await expect(jane.callAudio).toHaveText('', { timeout: 3_000 });
    await farEnd.expectAudioBothWays(callId);
    await farEnd.expectAudioStillFlowing(callId);
    expect(await farEnd.call(callId)).toMatchObject({ state: 'answered', agentMuted: true });
    // The reloaded page took over the same session at the cloud rather than opening a second one.
    expect((await farEnd.sessions('Jane')).map((session) => session.sessionId)).toEqual(sessionBefore.map((session) => session.sessionId));

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('a call that ended while the page was away is reported, and no microphone is left on', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    // The agent leaves the page (confirming the warning); the caller hangs up meanwhile; the agent comes back.
    jane.page.once('dialog', (dialog) => void dialog.accept());
    await jane.page.goto('about:blank');
    await farEnd.callerHangsUp(callId);
    await jane.page.goBack();

    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await jane.expectLastCallSummary('The call could not be resumed after the page reloaded.');
    await expect(jane.lastCall).toContainText('The call could not be taken back after the page reloaded.');
    await expect(jane.activeCall).toBeHidden();
  });

  test('reloading with no call asks nothing and signs the agent straight back in', async ({ jane, farEnd }) => {
    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');
  });

  test('closing the tab during a call asks first; staying keeps the call', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    const asked = jane.page.waitForEvent('dialog');
    await jane.page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioStillFlowing(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });
});
