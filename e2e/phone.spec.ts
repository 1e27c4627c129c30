import { expect, test } from './support/fixtures';

// The Phone page: a simulated PSTN phone in its own browser, with its own number, on the same emulator as
// the agents. It calls an agent by name and is called by its number; real audio flows both ways.

test.describe('the Phone and an agent call each other', () => {
  test('the Phone calls Jane by name, Jane answers, they hear each other, keys are recorded, the Phone hangs up', async ({ jane, phone, farEnd }) => {
    const number = await phone.number();
    expect(number).toMatch(/^\+44\d{10}$/);

    await phone.dial('jane');
    await phone.expectStatus('Calling Jane…');
    await expect(jane.incomingCall).toBeVisible();
    // The caller ID is the Phone's number, as Vonage sends a PSTN caller's.
    expect(await farEnd.onlyCall()).toMatchObject({ direction: 'inbound', agent: 'Jane', remote: number.slice(1), state: 'ringing' });

    await jane.answerIncomingCall();
    await phone.expectStatus('Connected to Jane');
    const { callId } = await farEnd.onlyCall();
    await phone.expectAudioBothWays();
    await farEnd.expectAudioBothWays(callId);
    // What Jane says reaches the Phone (her far end passes it on instead of a tone).
    await farEnd.expectHeardByTheOtherAgent(callId);

    for (const key of ['1', '2', '#'] as const) await phone.press(key);
    await expect(phone.phone).toContainText('Keys sent: 12#');
    expect(await phone.snapshot()).toMatchObject({ status: 'connected', callId, remote: 'Jane', digits: '12#' });
    await phone.expectNoAccessibilityViolations();

    await phone.hangUp();
    await phone.expectStatus('Call ended');
    await jane.expectLastCallSummary('The caller hung up.');
    expect(await farEnd.call(callId)).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
  });

  test('Jane dials the Phone’s number: it rings, answers, they hear each other, Jane hangs up', async ({ jane, phone, farEnd }) => {
    await jane.dial(await phone.number());
    // The Phone sees the contact center's number, the `from` of the backend's connect (as a PSTN callee would).
    await phone.expectStatus('Ringing: call from +44 20 7946 0000');
    await expect(jane.outgoingCall).toContainText('Ringing…');
    await phone.expectNoAccessibilityViolations();

    await phone.answer();
    await phone.expectStatus('Connected to +44 20 7946 0000');
    await expect(jane.activeCall).toBeVisible();
    const { callId } = await farEnd.onlyCall();
    await phone.expectAudioBothWays();
    await farEnd.expectAudioBothWays(callId);
    await farEnd.expectHeardByTheOtherAgent(callId);

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await phone.expectStatus('Call ended');
  });

  test('the Phone rejects Jane’s call: Jane hears that it was declined', async ({ jane, phone, farEnd }) => {
    await jane.dial(await phone.number());
    // The Phone sees the contact center's number, the `from` of the backend's connect (as a PSTN callee would).
    await phone.expectStatus('Ringing: call from +44 20 7946 0000');
    await phone.reject();
    await phone.expectStatus('Call rejected');
    await jane.expectLastCallSummary('The line was busy or the call was declined.');
    expect(await farEnd.onlyCall()).toMatchObject({ direction: 'outbound', state: 'ended', endReason: 'REMOTE_BUSY' });
  });

  test('the Phone dials a number no one has: a clear message and no call; Jane rejects it: busy', async ({ jane, phone, farEnd }) => {
    await phone.dial('+44 7911 123456');
    await phone.expectStatus('No one answers at +44 7911 123456');
    expect(await farEnd.calls()).toEqual([]);
    await phone.expectNoAccessibilityViolations();

    await phone.dial('Jane');
    await expect(jane.incomingCall).toBeVisible();
    await jane.rejectIncomingCall();
    await phone.expectStatus('Busy');
    await jane.expectLastCallSummary('You rejected the call.');
  });
});
