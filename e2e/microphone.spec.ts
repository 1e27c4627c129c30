import { allowMicrophone } from './support/blocked-microphone';
import { expect, test } from './support/fixtures';

test.describe('A blocked microphone', () => {
  test.use({ microphone: 'blocked' });

  test('Jane is told how to fix it, the call keeps ringing, and she answers once it is allowed', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerButton.click();
    await expect(jane.incomingCall.getByRole('alert')).toContainText('Your microphone is blocked for this site');
    await expect(jane.incomingCall).toContainText('Ringing');
    await jane.expectRingtone('playing');
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ringing' });

    await allowMicrophone(jane.page);
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('once the microphone works, the complaint that it was blocked goes away', async ({ jane, farEnd }) => {
    await jane.dial('+44 20 7946 0018');
    await expect(jane.alerts).toContainText('Your microphone is blocked for this site');
    await allowMicrophone(jane.page);
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);
    await expect(jane.page.getByText('Your microphone is blocked for this site')).toHaveCount(0);
    await jane.hangUp();
  });

  test('the dialer says why no call is placed', async ({ jane, farEnd }) => {
    await jane.dial('+44 20 7946 0018');
    await expect(jane.alerts).toContainText('Your microphone is blocked for this site');
    expect(await farEnd.calls()).toEqual([]);

    await allowMicrophone(jane.page);
    await farEnd.setCallee({ behaviour: 'answer', afterMs: 200 });
    await jane.dial('+44 20 7946 0018');
    await expect(jane.activeCall).toBeVisible();
  });
});
