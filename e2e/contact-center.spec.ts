import { expect, test } from './support/fixtures';
import type { PhonePage } from './support/phone-page';

// The contact center's number, run by the emulator as Vonage runs it: every call asks the backend's real
// answer URL (server/contact-center, hosted on the emulator), and the emulator plays the NCCO it answers.
// Prompts are sped up four times in e2e (EMULATOR_SPEECH_RATE).

const contactCenter = '+44 20 7946 0000';

/** The Phone's number as the page shows it (and as a softphone shows a caller ID): +44 20 7946 0501. */
async function shownNumber(phone: PhonePage): Promise<string> {
  await phone.number();
  return ((await phone.phone.getByText(/^Your number:/).textContent()) ?? '').replace(/^Your number:\s*/, '').trim();
}

test.describe('callers reach the contact center', () => {
  test('IVR: the Phone presses 1, Jane’s tab rings with the Phone’s number, she answers and they hear each other', async ({ jane, phone, farEnd }) => {
    const number = await phone.number();
    await expect(phone.phone).toContainText(`Contact center: ${contactCenter}`);
    await phone.callContactCenter();
    await phone.expectStatus(`Connected to ${contactCenter}`);
    await phone.expectPrompt('Thank you for calling my contact center.');
    await phone.expectPrompt('To talk to Jane, please press 1, or, to talk to Joe, press 2.');
    const [ivrCall] = await farEnd.contactCenterCalls();
    expect(ivrCall).toMatchObject({ origin: 'phone', from: number.slice(1), to: '442079460000' });
    await farEnd.expectContactCenterAction(ivrCall!.id, 'input');
    await phone.press('1');

    await expect(jane.incomingCall).toBeVisible();
    await expect(jane.incomingCall).toContainText(await shownNumber(phone));
    await phone.expectPrompt('Please wait while we connect you to Jane');
    const { agentCallId } = (await farEnd.contactCenterCall(ivrCall!.id))!;
    expect(await farEnd.call(agentCallId!)).toMatchObject({ direction: 'inbound', agent: 'Jane', remote: number.slice(1), state: 'ringing' });
    await jane.answerIncomingCall();
    await phone.expectStatus('Connected to Jane');
    await farEnd.expectAudioBothWays(agentCallId!);
    await phone.expectAudioBothWays();
    await phone.expectNoAccessibilityViolations();

    await phone.hangUp();
    await phone.expectStatus('Call ended');
    await jane.expectLastCallSummary('The caller hung up.');
    const ended = await farEnd.contactCenterCall(ivrCall!.id);
    expect(ended).toMatchObject({ state: 'ended', outcome: 'caller-hung-up', digits: '1', connectedTo: 'Jane' });
    expect(ended!.events.filter((event) => event.uuid === ivrCall!.id).map((event) => event.status)).toEqual(['started', 'ringing', 'answered', 'completed']);
  });

  test('IVR: the Phone calls the contact center, hears the menu, presses 2 and Joe’s tab rings with its number', async ({ jane, joe, phone, farEnd }) => {
    const number = await phone.number();
    await phone.callContactCenter();
    await phone.expectStatus(`Connected to ${contactCenter}`);
    await phone.expectPrompt('To talk to Jane, please press 1, or, to talk to Joe, press 2.');
    const [ivrCall] = await farEnd.contactCenterCalls();
    await farEnd.expectContactCenterAction(ivrCall!.id, 'input');
    await phone.press('2');

    await expect(joe.incomingCall).toBeVisible();
    await expect(joe.incomingCall).toContainText(await shownNumber(phone));
    await phone.expectPrompt('Please wait while we connect you to Joe');
    await expect(jane.incomingCall).toBeHidden();
    const { agentCallId } = (await farEnd.contactCenterCall(ivrCall!.id))!;
    expect(await farEnd.call(agentCallId!)).toMatchObject({ agent: 'Joe', remote: number.slice(1) });
    await joe.answerIncomingCall();
    await phone.expectStatus('Connected to Joe');
    await phone.expectAudioBothWays();

    await joe.hangUp();
    await phone.expectStatus('Call ended');
    expect(await farEnd.contactCenterCall(ivrCall!.id)).toMatchObject({ state: 'ended', digits: '2', connectedTo: 'Joe' });
  });

  test('IVR: no key at all gets the menu again, then a goodbye, and the Phone shows the call ended', async ({ phone, farEnd }) => {
    await phone.callContactCenter();
    await phone.expectPrompt('To talk to Jane');
    await phone.expectPrompt('Sorry, we did not get a valid choice.', );
    await phone.expectPrompt('To talk to Jane, please press 1');
    await phone.expectPrompt(/Goodbye/);
    await phone.expectStatus('Call ended');
    const [call] = await farEnd.contactCenterCalls();
    expect(call).toMatchObject({ outcome: 'completed', digits: '' });
    expect(call!.prompts.filter((prompt) => prompt.startsWith('To talk to Jane'))).toHaveLength(2);
  });

  test('the Demo simulator’s Inbound flow “Jane” sends callers straight to Jane', async ({ jane, phone }) => {
    const flows = jane.page.getByRole('radiogroup', { name: 'Inbound flow' });
    await expect(flows.getByRole('radio', { name: 'IVR' })).toBeChecked();
    await expect(jane.page.getByText(`Contact center number: ${contactCenter}`)).toBeVisible();
    await flows.getByRole('radio', { name: 'Jane' }).check();
    await expect(flows).toContainText('Calls to the number now get: Jane');

    await phone.callContactCenter();
    await phone.expectPrompt('Thank you for calling Jane');
    await expect(jane.incomingCall).toBeVisible();
    await phone.hangUp();
    await expect(jane.incomingCall).toBeHidden();
  });

  test('a custom NCCO: an invalid one is refused and never applied; an unsupported action ends the call with a reported error', async ({ jane, phone, farEnd }) => {
    const flows = jane.page.getByRole('radiogroup', { name: 'Inbound flow' });
    await flows.getByRole('radio', { name: 'Custom NCCO' }).check();
    const editor = jane.page.getByRole('textbox', { name: 'Custom NCCO' });
    const apply = jane.page.getByRole('button', { name: 'Apply NCCO' });
    await editor.fill('[{ "action": "talk" }]');
    await apply.click();
    await expect(jane.page.getByRole('alert')).toContainText('text is required');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect((await farEnd.setInboundFlow({ kind: 'custom', ncco: [{ action: 'talk' }] })).ok).toBe(false);
    await expect(flows).toContainText('Calls to the number now get: IVR');

    await editor.fill('[{ "action": "talk", "text": "Recording this call" }, { "action": "record" }]');
    await apply.click();
    await expect(flows).toContainText('Calls to the number now get: Custom NCCO');
    await expect(jane.page.getByRole('alert')).toHaveCount(0);

    await phone.callContactCenter();
    await phone.expectStatus('Call ended: the contact center’s call flow failed');
    await expect(phone.alerts).toContainText('the NCCO action “record”');
    const [call] = await farEnd.contactCenterCalls();
    expect(call).toMatchObject({ outcome: 'failed', error: expect.stringContaining('“record”'), prompts: [] });
    expect(call!.events.map((event) => event.status)).toContain('error');
  });
});

test.describe('agents call out through the contact center', () => {
  test('Jane dials the Phone’s number: it shows the contact center’s number as the caller', async ({ jane, phone, farEnd }) => {
    await jane.dial(await phone.number());
    await phone.expectStatus(`Ringing: call from ${contactCenter}`);
    await expect(jane.outgoingCall).toContainText('Ringing…');
    const [call] = await farEnd.contactCenterCalls();
    expect(call).toMatchObject({ origin: 'agent', from: 'Jane', prompts: ['Please wait while we connect you.'] });
    await phone.answer();
    await expect(jane.activeCall).toBeVisible();
    await phone.expectAudioBothWays();
    await jane.hangUp();
    await phone.expectStatus('Call ended');
    expect(await farEnd.contactCenterCall(call!.id)).toMatchObject({ state: 'ended', outcome: 'caller-hung-up' });
  });
});
