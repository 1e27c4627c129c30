import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

const caller = { agent: 'Jane', from: '447911123456' } as const;

test.describe('Incoming calls', () => {
  test('Jane answers, audio flows both ways, the caller hangs up, and the summary says so', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await expect(jane.incomingCall).toContainText('+447911123456');
    await jane.expectRingtone('playing');
    expect((await new AxeBuilder({ page: jane.page }).include('main').analyze()).violations).toEqual([]);

    await jane.answerIncomingCall();
    await jane.expectRingtone('stopped');
    await expect(jane.incomingCall).toBeHidden();
    await expect(jane.callTimer).toHaveText(/^0:0[0-9]$/);
    await farEnd.expectAudioBothWays(callId);
    await expect(jane.callTimer).not.toHaveText('0:00');
    expect((await new AxeBuilder({ page: jane.page }).include('main').analyze()).violations).toEqual([]);

    await farEnd.callerHangsUp(callId);
    await expect(jane.activeCall).toBeHidden();
    await jane.expectLastCallSummary('The caller hung up.');
    await expect(jane.lastCall).toContainText(/Talk time 0:0\d/);
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

  test('the caller gives up while it rings', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await jane.expectRingtone('playing');
    await farEnd.cancelInvite(callId, 'remote-cancel');
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectRingtone('stopped');
    await jane.expectLastCallSummary('The caller hung up before you answered.');
  });

  test('nobody answers in time', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await farEnd.cancelInvite(callId, 'remote-timeout');
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectLastCallSummary('The call stopped ringing: nobody answered in time.');
  });

  test('the call is answered on another device', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await farEnd.cancelInvite(callId, 'answered-elsewhere');
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectLastCallSummary('The call was answered on another device.');
  });

  test('the call is rejected on another device', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await farEnd.cancelInvite(callId, 'rejected-elsewhere');
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectLastCallSummary('The call was rejected on another device.');
  });

  test('Jane answers and hangs up herself, with the keyboard', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: 'Joe', fromType: 'app' });
    await expect(jane.incomingCall).toContainText('Joe');
    await expect(jane.answerButton).toBeFocused();
    await jane.page.keyboard.press('Enter');
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioBothWays(callId);

    await jane.hangUpButton.focus();
    await jane.page.keyboard.press('Enter');
    await jane.expectLastCallSummary('You hung up.');
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ended' });
  });
});
