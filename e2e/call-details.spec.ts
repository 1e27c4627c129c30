import { CallHistoryPanel } from './support/call-history-panel';
import AxeBuilder from '@axe-core/playwright';
import { CallDetailsPanel } from './support/call-details-panel';
import { expect, test } from './support/fixtures';

test.describe('Call details', () => {
  test('during a call Jane opens Call details: the members, and a timeline that grows as things happen', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();

    const details = new CallDetailsPanel(jane.activeCall);
    await expect(details.toggle).toHaveAttribute('aria-expanded', 'false');
    await details.open();
    await details.expectMember('Jane', 'Joined');
    await details.expectMember('+447911123456', 'Joined');
    // Read back from the cloud's event log (GET …/events), in order.
    await details.expectTimelineEntry('Jane was invited');
    await details.expectTimelineEntry('Jane joined');
    await expect(details.timeline.getByRole('listitem').first()).toContainText('Jane was invited');
    // Times read in the agent's own locale and time zone, as the browser formats them.
    const firstTime = details.timeline.getByRole('listitem').first().locator('time');
    const instant = await firstTime.getAttribute('datetime');
    const inLocale = await jane.page.evaluate((iso) => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(new Date(iso ?? '')), instant);
    await expect(firstTime).toHaveText(inLocale);
    await expect(details.timeline).toHaveAttribute('aria-live', 'polite');

    const entriesBefore = await details.timeline.getByRole('listitem').count();
    await jane.muteButton.click();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    await details.expectTimelineEntry('You muted the microphone');
    await jane.activeCall.getByRole('button', { name: 'Keypad' }).click();
    await jane.activeCall.getByRole('button', { name: 'Key 7' }).click();
    await details.expectTimelineEntry('You pressed 7');
    await farEnd.callerPresses(callId, '2');
    await details.expectTimelineEntry('The other party pressed 2');
    await jane.muteButton.click();
    await details.expectTimelineEntry('You unmuted the microphone');
    await expect(details.timeline.getByRole('listitem')).toHaveCount(entriesBefore + 4);
    await expect(details.timeline.getByRole('listitem').last()).toContainText('You unmuted the microphone');

    const scan = await new AxeBuilder({ page: jane.page }).include('[aria-label="Call details"]').analyze();
    expect(scan.violations).toEqual([]);

    await details.close();
    await details.open();
    await details.expectTimelineEntry('You pressed 7');

    await farEnd.callerHangsUp(callId);
    await jane.expectLastCallSummary('The caller hung up.');
  });

  test('an outbound call’s details follow the callee’s leg as it rings and is answered', async ({ jane, farEnd }) => {
    await farEnd.setCallee({ behaviour: 'answer', afterMs: 3000 });
    await jane.dial('+44 20 7946 0018');
    await expect(jane.activeCall).toBeVisible({ timeout: 15_000 });
    const details = new CallDetailsPanel(jane.activeCall);
    await details.open();
    await details.expectMember('Jane', 'Joined');
    await details.expectMember('+442079460018', 'Joined');
    // Both arrived before the call was connected (and Call details could be opened): the store kept them.
    await details.expectTimelineEntry('The other party’s leg is ringing');
    await details.expectTimelineEntry('The other party’s leg answered');
    await jane.hangUp();
  });
  test('after the call ends its details still load, from the cloud, on its call history row', async ({ jane, farEnd }) => {
    // Two sign-ins (before and after the reload) on a shared machine.
    test.setTimeout(90_000);
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await jane.activeCall.getByRole('button', { name: 'Keypad' }).click();
    await jane.activeCall.getByRole('button', { name: 'Key 3' }).click();
    await farEnd.callerHangsUp(callId);
    await jane.expectLastCallSummary('The caller hung up.');

    const history = new CallHistoryPanel(jane.page);
    await history.open();
    const details = new CallDetailsPanel(history.rows.first());
    await details.open();
    await details.expectMember('Jane', 'Left');
    await details.expectMember('+447911123456', 'Left');
    await details.expectTimelineEntry('Jane joined');
    await details.expectTimelineEntry('Jane left');
    // Seen live in this tab: the SDK lists only chat events, so the keys come from what the tab kept.
    await details.expectTimelineEntry('You pressed 3');
    const scan = await new AxeBuilder({ page: jane.page }).include('[aria-label="Call details"]').analyze();
    expect(scan.violations).toEqual([]);

    // A fresh page knows nothing of the call but its id: everything shown now comes from the cloud.
    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready');
    await history.open();
    await details.open();
    await details.expectMember('Jane', 'Left');
    await details.expectMember('+447911123456', 'Left');
    await details.expectTimelineEntry('Jane was invited');
    await details.expectTimelineEntry('Jane left');
    await expect(details.timelineEntry('You pressed 3')).toHaveCount(0);
  });
});
