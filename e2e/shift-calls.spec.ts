import { expect, test } from './support/fixtures';

// A shift at the softphone: hold, a second call, availability, wrap-up, auto-answer and the caller's keys,
// each through the real SDK and the emulator's records of what the SDK asked of the cloud.

const caller = { agent: 'Jane', from: '447911123456' } as const;
const secondCaller = { agent: 'Jane', from: '447911654321' } as const;

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

  test('Hold and answer, a swap with Resume, then each call hung up: never two calls unheld, the held one never forgotten', async ({ jane, farEnd }) => {
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

  test('End and answer hangs up the call in progress and answers the one waiting', async ({ jane, farEnd }) => {
    const first = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    const second = await farEnd.ringAgent(secondCaller);
    await jane.endAndAnswerButton.click();
    await expect(jane.activeCall).toContainText('+44 7911 654321');
    await expect(jane.heldCall).toBeHidden();
    await expect.poll(async () => (await farEnd.call(first))?.state).toBe('ended');
    await farEnd.expectAudioBothWays(second);
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
  test('Away declines a call at once and says it was missed; the choice survives a reload', async ({ jane, farEnd }) => {
    await jane.setAvailability('Away');
    const callId = await farEnd.ringAgent(caller);
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
    await jane.expectLastCallSummary('Missed: declined because you were Away.');
    await expect(jane.incomingCall).toBeHidden();

    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    await expect(jane.availability.getByRole('radio', { name: 'Away' })).toBeChecked();
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
