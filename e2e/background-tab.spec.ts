import { expect, test } from './support/fixtures';
import { recordedNotifications } from './support/hidden-tab';

test.describe('Jane works in another tab', () => {
  test('a ringing call shows in the tab title', async ({ jane, farEnd }) => {
    await expect(jane.page).toHaveTitle('Agent softphone');
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.page).toHaveTitle('Incoming call: +44 7911 123456 · Agent softphone');
    await farEnd.cancelInvite(callId, 'remote-cancel');
    await expect(jane.page).toHaveTitle('Agent softphone');
  });

  test.describe('with notifications allowed and the tab hidden', () => {
    test.use({ tab: 'hidden-with-notifications' });

    test('a notification appears while the call rings and goes when it stops', async ({ jane, farEnd }) => {
      await expect(jane.page.getByRole('button', { name: 'Turn on call notifications' })).toBeHidden();
      const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
      await expect
        .poll(() => recordedNotifications(jane.page))
        .toEqual([{ title: 'Incoming call', body: '+44 7911 123456', closed: false }]);
      await farEnd.cancelInvite(callId, 'remote-cancel');
      await expect.poll(async () => (await recordedNotifications(jane.page))?.[0]?.closed).toBe(true);
    });
  });
});
