import { CallHistoryPanel } from './support/call-history-panel';
import { expect, test } from './support/fixtures';

// A shift at the softphone: hold, a second call, availability, wrap-up, auto-answer and the caller's keys,
// each through the real SDK and the emulator's records of what the SDK asked of the cloud.

const caller = { agent: 'Jane', from: '447911123456' } as const;
const secondCaller = { agent: 'Jane', from: '447911654321' } as const;
const thirdCaller = { agent: 'Jane', from: '447911777888' } as const;

test.describe('Hold and a second call', () => {
  test('Hold mutes and earmuffs the call, shown only once the cloud confirmed both; Resume brings the audio back', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);

    await jane.hold();
    await expect(jane.activeCall.getByRole('timer', { name: 'Time on hold' })).toBeVisible();
    await expect(jane.muteButton).toBeDisabled();
    // The far end hears nothing from Jane, and Jane hears nothing from the far end.
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: true, agentEarmuffed: true });
    await jane.expectNoAccessibilityViolations();

    await jane.resumeFromHold();
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: false, agentEarmuffed: false });
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    await farEnd.expectAudioStillFlowing(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('Hold and answer, a swap with Resume, a third call rejected, then each call hung up: never two calls unheld, the held one never forgotten', async ({ jane, farEnd }) => {
    const first = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    const second = await farEnd.ringAgent(secondCaller);
    await jane.holdAndAnswerButton.click();

    await expect(jane.activeCall).toContainText('+44 7911 654321');
    await expect(jane.heldCall).toContainText('+44 7911 123456');
    await expect(jane.heldCall.getByRole('timer', { name: 'Time on hold' })).toBeVisible();
    await farEnd.expectAudioBothWays(second);
    expect(await farEnd.call(first)).toMatchObject({ state: 'answered', agentMuted: true, agentEarmuffed: true });
    await jane.expectNoAccessibilityViolations();

    // The swap: the second caller goes on hold before the first comes back.
    await jane.resumeButton.click();
    await expect(jane.activeCall).toContainText('+44 7911 123456');
    await expect(jane.heldCall).toContainText('+44 7911 654321');
    await expect.poll(async () => (await farEnd.call(first))?.agentEarmuffed).toBe(false);
    expect(await farEnd.call(second)).toMatchObject({ agentMuted: true, agentEarmuffed: true });

    // A third call rings while Jane has one call on and one on hold: Reject ends that invite alone.
    const third = await farEnd.ringAgent(thirdCaller);
    await expect(jane.incomingCall).toContainText('+44 7911 777888');
    await expect(jane.incomingCall).toContainText('You already have a call on hold: end the current call to answer this one.');
    await jane.rejectIncomingCall();
    await expect(jane.incomingCall).toBeHidden();
    await expect.poll(async () => (await farEnd.call(third))?.state).toBe('ended');
    expect(await farEnd.call(third)).toMatchObject({ endReason: 'REMOTE_REJECT' });
    await jane.expectLastCallSummary('You rejected the call.');
    await expect(jane.activeCall).toContainText('+44 7911 123456');
    await expect(jane.holdButton).toHaveAttribute('aria-pressed', 'false');
    await expect(jane.heldCall).toContainText('+44 7911 654321');
    expect(await farEnd.call(first)).toMatchObject({ state: 'answered', agentMuted: false, agentEarmuffed: false });
    expect(await farEnd.call(second)).toMatchObject({ state: 'answered', agentMuted: true, agentEarmuffed: true });
    await farEnd.expectAudioStillFlowing(first);

    // The call in progress ends: the one on hold stays on screen, still held, and Jane is told.
    await jane.hangUp();
    await expect(jane.activeCall).toContainText('+44 7911 654321');
    await expect(jane.activeCall).toContainText('This call is on hold');
    await expect(jane.holdButton).toHaveAttribute('aria-pressed', 'true');
    expect(await farEnd.call(second)).toMatchObject({ state: 'answered' });

    await jane.resumeFromHold();
    await farEnd.expectAudioStillFlowing(second);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    expect(await farEnd.call(second)).toMatchObject({ state: 'ended' });
  });

  test('after Hold and answer, the held caller is heard again once the second call ends, and that call’s audio is silenced', async ({ jane, farEnd }) => {
    const first = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    const second = await farEnd.ringAgent(secondCaller);
    await jane.holdAndAnswerButton.click();
    await farEnd.expectAudioBothWays(second);

    await farEnd.callerHangsUp(second);
    await expect(jane.activeCall).toContainText('This call is on hold');
    await jane.resumeFromHold();
    // The SDK keeps only its newest output element: the held call's own must be the one found playing again.
    await expect.poll(async () => (await farEnd.mediaStats(first)).agentAudioPlaying, { message: 'Jane hears the first caller again' }).toBe(true);
    await farEnd.expectAudioStillFlowing(first);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('End and answer hangs up the call in progress and answers the one waiting; the call on hold has its own Hang up', async ({ jane, farEnd }) => {
    const first = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    const second = await farEnd.ringAgent(secondCaller);
    await jane.endAndAnswerButton.click();
    await expect(jane.activeCall).toContainText('+44 7911 654321');
    await expect(jane.heldCall).toBeHidden();
    await expect.poll(async () => (await farEnd.call(first))?.state).toBe('ended');
    await farEnd.expectAudioBothWays(second);

    // Hold and answer a third caller, then hang up the call on hold from its own region: only that call ends.
    const third = await farEnd.ringAgent(thirdCaller);
    await jane.holdAndAnswerButton.click();
    await expect(jane.activeCall).toContainText('+44 7911 777888');
    await expect(jane.heldCall).toContainText('+44 7911 654321');
    await farEnd.expectAudioBothWays(third);
    await jane.heldCallHangUpButton.click();
    await expect(jane.heldCall).toBeHidden();
    await expect.poll(async () => (await farEnd.call(second))?.state).toBe('ended');
    expect(await farEnd.call(second)).toMatchObject({ endReason: 'LOCAL_HANGUP' });
    await expect(jane.activeCall).toContainText('+44 7911 777888');
    await expect(jane.holdButton).toHaveAttribute('aria-pressed', 'false');
    expect(await farEnd.call(third)).toMatchObject({ state: 'answered', agentMuted: false, agentEarmuffed: false });
    await farEnd.expectAudioStillFlowing(third);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('the caller’s keypad digits show on the call', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    await farEnd.callerPresses(callId, '42');
    await farEnd.callerPresses(callId, '#');
    await expect(jane.digitsFromCaller).toHaveText('The caller pressed 42#');
  });
});

test.describe('Availability and wrap-up', () => {
  test('Away and Do not disturb decline a call at once and list it as missed, with the reason; the choice survives a reload', async ({ jane, farEnd }) => {
    const history = new CallHistoryPanel(jane.page);
    await jane.setAvailability('Away');
    const callId = await farEnd.ringAgent(caller);
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
    await jane.expectLastCallSummary('Missed: declined because you were Away.');
    await expect(jane.incomingCall).toBeHidden();
    await history.expectMissedCount(1);

    await jane.setAvailability('Do not disturb');
    const declined = await farEnd.ringAgent(secondCaller);
    await expect.poll(async () => (await farEnd.call(declined))?.state).toBe('ended');
    await jane.expectLastCallSummary('Missed: declined because you were on Do not disturb.');
    await expect(jane.incomingCall).toBeHidden();
    await history.expectMissedCount(2);

    // Call history lists both, newest first, as missed calls that were never answered, with the reason in words.
    await history.open();
    await history.expectOutcomes(['Missed: declined because you were on Do not disturb.', 'Missed: declined because you were Away.']);
    await expect(history.row('+44 7911 654321')).toContainText('Missed call');
    await expect(history.row('+44 7911 654321')).toContainText('Not answered');
    await expect(history.row('+44 7911 123456')).toContainText('Missed call');
    await expect(history.row('+44 7911 123456')).toContainText('Not answered');
    await history.expectMissedCount(0);

    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    await expect(jane.availability.getByRole('radio', { name: 'Do not disturb' })).toBeChecked();
    await jane.setAvailability('Available');
    await farEnd.ringAgent(secondCaller);
    await expect(jane.answerButton).toBeVisible();
  });

  test('after a call, a wrap-up counts down and declines calls until Ready for calls', async ({ jane, farEnd }) => {
    await jane.setShiftSettings({ wrapUpSeconds: 120 });
    const callId = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    await farEnd.callerHangsUp(callId);

    await expect(jane.wrapUp).toBeVisible();
    const left = jane.wrapUp.getByRole('timer', { name: 'Wrap-up time left' });
    await expect(left).toHaveText(/^1:5\d$/);
    await jane.expectNoAccessibilityViolations();
    const declined = await farEnd.ringAgent(secondCaller);
    await expect.poll(async () => (await farEnd.call(declined))?.state).toBe('ended');
    await jane.expectLastCallSummary('Missed: declined during your wrap-up.');

    await jane.readyForCallsButton.click();
    await expect(jane.wrapUp).toBeHidden();
    await farEnd.ringAgent(caller);
    await expect(jane.answerButton).toBeVisible();
  });

  test('auto-answer picks the call up after its delay, and the call has audio', async ({ jane, farEnd }) => {
    await jane.setShiftSettings({ wrapUpSeconds: 0, autoAnswerSeconds: 2 });
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toContainText(/Auto-answer in \d s/);
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioBothWays(callId);
  });
});
