import { expect, staticDemo, test } from './support/fixtures';

const caller = { agent: 'Jane', from: '447911123456' } as const;

test.describe('Incoming calls', () => {
  test('Jane answers, audio flows both ways, the caller hangs up, and the summary says so', staticDemo, async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await expect(jane.incomingCall).toContainText('+447911123456');
    await jane.expectRingtone('playing');
    await expect(jane.announcement).toHaveText('Incoming call from +44 7911 123456');
    await jane.expectNoAccessibilityViolations();

    await jane.answerIncomingCall();
    await jane.expectRingtone('stopped');
    await expect(jane.incomingCall).toBeHidden();
    await expect(jane.callTimer).toHaveText(/^0:0[0-9]$/);
    await farEnd.expectAudioBothWays(callId);
    await expect(jane.callTimer).not.toHaveText('0:00');
    await jane.expectNoAccessibilityViolations();

    // The summary's talk time is the timer's: what it showed just before the hangup, or a tick or two later
    // (the hangup crosses the emulator and the SDK before the call ends).
    const [minutes, seconds] = ((await jane.callTimer.textContent()) ?? '').split(':').map(Number);
    const talked = (minutes ?? 0) * 60 + (seconds ?? 0);
    const shownAs = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
    await farEnd.callerHangsUp(callId);
    await expect(jane.activeCall).toBeHidden();
    await jane.expectLastCallSummary('The caller hung up.');
    await expect(jane.announcement).toHaveText('Call with +44 7911 123456 ended. The caller hung up.');
    await expect(jane.lastCall).toContainText(new RegExp(`Talk time (${[0, 1, 2].map((tick) => shownAs(talked + tick)).join('|')})\\.`));
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
  });

  test('Jane rejects a call', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await jane.rejectIncomingCall();
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectRingtone('stopped');
    await jane.expectLastCallSummary('You rejected the call.');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
  });

  const withdrawnInvites = [
    { scenario: 'the caller gives up while it rings', reason: 'remote-cancel', summary: 'The caller hung up before you answered.' },
    { scenario: 'nobody answers in time', reason: 'remote-timeout', summary: 'The call stopped ringing: nobody answered in time.' },
    { scenario: 'the call is answered on another device', reason: 'answered-elsewhere', summary: 'The call was answered on another device.' },
    { scenario: 'the call is rejected on another device', reason: 'rejected-elsewhere', summary: 'The call was rejected on another device.' },
  ] as const;
  for (const { scenario, reason, summary } of withdrawnInvites) {
    test(scenario, async ({ jane, farEnd }) => {
      const callId = await farEnd.ringAgent(caller);
      await jane.expectRingtone('playing');
      await farEnd.cancelInvite(callId, reason);
      await expect(jane.incomingCall).toBeHidden();
      await jane.expectRingtone('stopped');
      await jane.expectLastCallSummary(summary);
    });
  }

  test('Jane answers and hangs up with the keyboard alone, and focus follows the call', async ({ jane, farEnd }) => {
    await jane.destination.click();
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: 'Joe', fromType: 'app' });
    await expect(jane.incomingCall).toContainText('Joe');
    // A ringing call never steals focus from what the agent is typing.
    await expect(jane.destination).toBeFocused();

    // The incoming call sits just before the dialer: two steps back reach Answer.
    await jane.page.keyboard.press('Shift+Tab');
    await jane.page.keyboard.press('Shift+Tab');
    await expect(jane.answerButton).toBeFocused();
    await jane.page.keyboard.press('Enter');
    await expect(jane.activeCall).toBeVisible();
    await expect(jane.hangUpButton).toBeFocused();
    await farEnd.expectAudioBothWays(callId);

    await jane.page.keyboard.press('Enter');
    await jane.expectLastCallSummary('You hung up.');
    await expect(jane.dismissButton).toBeFocused();
    await jane.page.keyboard.press('Enter');
    await expect(jane.lastCall).toBeHidden();
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ended' });
  });

  test('a second call while Jane is on a call: a quiet call-waiting beep, and Answer waits for her', async ({ jane, farEnd }) => {
    const first = await farEnd.ringAgent(caller);
    await jane.answerIncomingCall();
    const second = await farEnd.ringAgent({ agent: 'Jane', from: '447911654321' });

    await expect(jane.incomingCall).toContainText('+447911654321');
    await expect(jane.incomingCall).toContainText('You are on a call: hold it or end it to answer this one.');
    await expect(jane.answerButton).toBeHidden();
    await expect(jane.holdAndAnswerButton).toBeVisible();
    await expect(jane.endAndAnswerButton).toBeVisible();
    await jane.expectRingtone('call-waiting');
    await expect(jane.activeCall).toContainText('+447911123456');

    await jane.hangUp();
    await expect(jane.answerButton).toBeEnabled();
    await jane.expectRingtone('playing');
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(second);
    await farEnd.callerHangsUp(second);
    await jane.expectLastCallSummary('The caller hung up.');
    expect(await farEnd.call(first)).toMatchObject({ state: 'ended' });
  });

  test('several ended calls are dismissed in one click', async ({ jane, farEnd }) => {
    for (let round = 0; round < 3; round += 1) {
      const callId = await farEnd.ringAgent(caller);
      await expect(jane.incomingCall).toBeVisible();
      await farEnd.cancelInvite(callId, 'remote-cancel');
      await expect(jane.incomingCall).toBeHidden();
    }
    await expect(jane.lastCall).toContainText('2 earlier ended calls');
    await jane.lastCall.getByRole('button', { name: 'Dismiss all' }).click();
    await expect(jane.lastCall).toBeHidden();
  });
});
