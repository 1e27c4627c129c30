import { FakeCloudDriver } from './support/fake-cloud-driver';
import { expect, test } from './support/fixtures';

// Jane hands a caller to Joe: the app asks the backend (POST /api/calls/{id}/transfer with Jane's own token),
// the backend moves the caller with the Voice API (@vonage/voice against the emulator's /v1/calls), and
// Jane's leg leaves the call. Joe's tab rings with the caller's number, and they talk.

test.describe('Transferring a call', () => {
  test('Jane transfers a caller from the contact center to Joe; Joe answers and they talk', async ({ jane, joe, farEnd }) => {
    // Two agents signed in, the IVR's prompts and two connected calls: over a minute on a loaded 2-core machine.
    test.setTimeout(120_000);
    const caller = await farEnd.callContactCenter('+447700900555');
    await farEnd.expectContactCenterAction(caller, 'input');
    await farEnd.sendDigits(caller, '1');
    await jane.answerIncomingCall();
    const { agentCallId: janesLeg } = (await farEnd.contactCenterCall(caller))!;
    await farEnd.expectAudioBothWays(janesLeg!);

    await jane.transferTo('Joe');
    await jane.expectLastCallSummary('You transferred the call to Joe.');
    await expect(joe.incomingCall).toBeVisible();
    await expect(joe.incomingCall).toContainText('+44 7700 900555');
    await joe.answerIncomingCall();
    const transferred = (await farEnd.contactCenterCall(caller))!;
    expect(transferred).toMatchObject({ state: 'running', connectedTo: 'Joe', transfers: 1 });
    expect(await farEnd.call(janesLeg!)).toMatchObject({ state: 'ended' });
    // Joe's side of the call is measured in Joe's page.
    await new FakeCloudDriver(joe.page).expectAudioBothWays(transferred.agentCallId!);

    await joe.hangUp();
    await joe.expectLastCallSummary('You hung up.');
  });

  test('a caller rung straight at Jane can be transferred to a number; a bad destination is refused and the call stays', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await jane.transferTo('Jane');
    await expect(jane.activeCall.getByRole('alert')).toContainText('You are already on this call');
    await jane.activeCall.getByRole('textbox', { name: 'Transfer to' }).fill('+442079460777');
    await jane.activeCall.getByRole('button', { name: 'Transfer call' }).click();
    await jane.expectLastCallSummary('You transferred the call to +442079460777.');
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ended' });
    // The contact center took the caller over and dialled the number from its own number.
    await expect
      .poll(async () => (await farEnd.contactCenterCalls()).find((call) => call.from === '447911123456')?.connectedTo)
      .toBe('442079460777');
  });
});
