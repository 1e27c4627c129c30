import { FakeCloudDriver } from './support/fake-cloud-driver';
import { expect, test } from './support/fixtures';

// Two agents in two browsers on one emulator: the call really rings the other agent, and each hears the other.

test.describe('Jane and Joe call each other', () => {
  test('Jane calls Joe by name, Joe answers in his own browser, they hear each other, Joe hangs up', async ({ jane, joe, farEnd }) => {
    await jane.dial('Joe');
    await expect(joe.incomingCall).toBeVisible();
    await expect(joe.incomingCall).toContainText('Jane');
    await expect(joe.incomingCall).toContainText('(agent)');
    await joe.expectRingtone('playing');
    await expect(jane.outgoingCall).toContainText('Ringing…');

    await joe.answerIncomingCall();
    await expect(jane.activeCall).toBeVisible();
    const calls = await farEnd.calls();
    const janesLeg = calls.find((call) => call.agent === 'Jane');
    const joesLeg = calls.find((call) => call.agent === 'Joe');
    expect(janesLeg).toMatchObject({ direction: 'outbound', remote: 'Joe', state: 'answered' });
    expect(joesLeg).toMatchObject({ direction: 'inbound', remote: 'Jane', state: 'answered' });

    // Each agent's own side measured in their own page; what each says reaches the other.
    const joesSide = new FakeCloudDriver(joe.page);
    await farEnd.expectAudioBothWays(janesLeg!.callId);
    await joesSide.expectAudioBothWays(joesLeg!.callId);
    await farEnd.expectHeardByTheOtherAgent(janesLeg!.callId);
    await joesSide.expectHeardByTheOtherAgent(joesLeg!.callId);

    await joe.hangUp();
    await joe.expectLastCallSummary('You hung up.');
    await jane.expectLastCallSummary('The other party hung up.');
    expect(await farEnd.call(janesLeg!.callId)).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
  });

  test('Joe rejects Jane’s call: Jane hears that it was declined', async ({ jane, joe }) => {
    await jane.dial('Joe');
    await expect(joe.incomingCall).toBeVisible();
    await joe.rejectIncomingCall();
    await joe.expectLastCallSummary('You rejected the call.');
    await jane.expectLastCallSummary('The line was busy or the call was declined.');
  });

  test('Jane gives up while Joe’s phone rings: it stops ringing for Joe', async ({ jane, joe }) => {
    await jane.dial('Joe');
    await expect(joe.incomingCall).toBeVisible();
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect(joe.incomingCall).toBeHidden();
    await joe.expectLastCallSummary('The caller hung up before you answered.');
    await joe.expectRingtone('stopped');
  });
});
