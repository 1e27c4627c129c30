import { expect, test } from './support/fixtures';
import { SoftphonePage } from './support/softphone-page';

// One agent in several tabs shares one cloud (the emulator): each tab is a session of its own.

test.describe('One agent in several tabs', () => {
  test('a tab beyond the open-session limit says so, and the tabs already open keep working', async ({ jane, farEnd }) => {
    await farEnd.setMaxSessions(1);
    const secondTab = new SoftphonePage(await jane.page.context().newPage());
    await secondTab.open();
    await secondTab.signIn('Jane');
    await expect(secondTab.alerts).toContainText('You are signed in in too many places. Sign out of another tab or device.');
    await expect(secondTab.connection).toHaveText('Not connected');

    await expect(jane.connection).toHaveText('Ready');
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeHidden();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');

    // With room for two, the second tab signs in and both ring; answering in one stops the other.
    await farEnd.setMaxSessions(2);
    await secondTab.signInButton.click();
    await expect(secondTab.connection).toHaveText('Ready', { timeout: 20_000 });
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await expect(secondTab.incomingCall).toBeVisible();
    await secondTab.answerIncomingCall();
    await jane.expectLastCallSummary('The call was answered on another device.');
    await secondTab.hangUp();
    await secondTab.expectLastCallSummary('You hung up.');
  });
});
