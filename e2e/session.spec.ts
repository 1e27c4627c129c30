import { expect, test } from './support/fixtures';

test.describe('Keeping the session', () => {
  test('a dropped connection comes back by itself, and calls still arrive', async ({ jane, farEnd }) => {
    await farEnd.dropConnection('Jane');
    await expect(jane.connection).toHaveText('Reconnecting…');
    await expect(jane.connection).toHaveText('Ready', { timeout: 15_000 });

    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
  });

  test('an expired session says so, and one click signs Jane back in', async ({ jane, farEnd }) => {
    await farEnd.expireSession('Jane');
    await expect(jane.connection).toHaveText('Session expired');
    await expect(jane.alerts).toContainText('Your session has expired');

    await jane.page.getByRole('button', { name: 'Sign in again' }).click();
    await expect(jane.connection).toHaveText('Ready');
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
  });

  test('signing out during a call hangs it up first', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await jane.signOutButton.click();
    await expect(jane.connection).toHaveText('Signed out');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
  });
});
