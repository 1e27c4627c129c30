import { expect, test } from './support/fixtures';

test.describe('Outgoing calls', () => {
  test('Jane calls a phone number, it is answered, she mutes and unmutes, and hangs up', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'answer', afterMs: 3000 });
    await jane.dial('+44 20 7946 0018');

    await expect(jane.outgoingCall).toBeVisible();
    await expect(jane.outgoingCall).toContainText('+442079460018');
    await expect(jane.outgoingCall).toContainText('Ringing…');
    await expect(jane.hangUpButton).toBeEnabled();

    await expect(jane.activeCall).toBeVisible();
    const call = await farEnd.onlyCall();
    expect(call).toMatchObject({ direction: 'outbound', remote: '+442079460018', state: 'answered' });
    await farEnd.expectAudioBothWays(call.callId);

    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    await jane.muteButton.click();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    expect(await farEnd.call(call.callId)).toMatchObject({ agentMuted: true });
    await jane.muteButton.click();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    expect(await farEnd.call(call.callId)).toMatchObject({ agentMuted: false });

    await jane.page.getByRole('button', { name: 'Keypad' }).click();
    await jane.page.getByRole('button', { name: 'Key 4' }).click();
    await jane.page.getByRole('button', { name: 'Key #' }).click();
    await expect.poll(async () => (await farEnd.call(call.callId))?.dtmf).toBe('4#');

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect(jane.activeCall).toBeHidden();
    expect(await farEnd.call(call.callId)).toMatchObject({ state: 'ended' });
  });

  test('the callee is busy', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'busy', afterMs: 500 });
    await jane.dial('+1 212 555 0143');
    await jane.expectLastCallSummary('The line was busy or the call was declined.');
    await expect(jane.outgoingCall).toBeHidden();
  });

  test('the callee does not answer', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'no-answer', afterMs: 3000 });
    await jane.dial('+33 1 42 68 53 00');
    await expect(jane.outgoingCall).toContainText('Ringing…');
    await jane.expectLastCallSummary('Nobody answered.');
  });

  test('Jane hangs up before the callee answers', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'answer', afterMs: 30_000 });
    await jane.dial('+44 20 7946 0018');
    await expect(jane.outgoingCall).toContainText('Ringing…');
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect.poll(async () => (await farEnd.onlyCall()).state).toBe('ended');
  });

  test('Jane calls another agent by name', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'answer', afterMs: 300 });
    await jane.dial('Joe');
    await expect(jane.activeCall).toBeVisible();
    await expect(jane.activeCall).toContainText('Joe');
    const call = await farEnd.onlyCall();
    expect(call).toMatchObject({ direction: 'outbound', remote: 'Joe' });
    await farEnd.expectAudioBothWays(call.callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('the dialer refuses numbers that cannot be called, and places no call', async ({ jane, farEnd }) => {
    for (const [input, message] of [
      ['', 'Enter a phone number or an agent’s name.'],
      ['+44 12', 'is not a valid number'],
      ['+1 123 456 7890', 'is not a valid number'],
      ['call me maybe!', 'is neither a phone number nor an agent’s name'],
    ] as const) {
      await jane.dial(input);
      await expect(jane.alerts).toContainText(message);
      await expect(jane.destination).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(jane.outgoingCall).toBeHidden();
    expect(await farEnd.calls()).toEqual([]);

    await farEnd.setCallee({ behaviour: 'busy', afterMs: 200 });
    await jane.dial('+44 20 7946 0018');
    await expect(jane.alerts).toHaveCount(0);
  });
});
