import { expect, test } from './support/fixtures';

test.describe('Keeping the session', () => {
  test('a dropped connection says Reconnecting at once, comes back by itself, and a call rung meanwhile arrives', async ({ jane, farEnd }) => {
    // The network stays down for 3 s: long enough to see the softphone say so, short of the SDK giving up.
    await farEnd.dropConnection('Jane', 3_000);
    // The SDK itself says nothing until its first retry (1.25–5 s later); the softphone must not read Ready meanwhile.
    await expect(jane.connection).toHaveText('Reconnecting…', { timeout: 1_500 });
    await expect(jane.callButton).toBeDisabled();
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await expect(jane.incomingCall).toBeVisible();
    await expect(jane.incomingCall).toContainText('+447911123456');
  });

  test('when the network stays down the softphone says Offline, keeps the call, and comes back by itself', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.expectAudioBothWays(callId);

    await farEnd.dropConnection('Jane', 120_000);
    await expect(jane.connection).toHaveText('Reconnecting…');
    // socket.io-client gives up after 5 refused attempts (about 12–25 s).
    await expect(jane.connection).toHaveText('Offline', { timeout: 40_000 });
    await expect(jane.alerts).toContainText('The connection to the voice service was lost');
    await expect(jane.page.getByText(/will try again by itself in \d+ s/)).toBeVisible();
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioStillFlowing(callId);

    // Nobody presses anything: the softphone's own retries find the network back.
    await farEnd.restoreNetwork('Jane');
    await expect(jane.connection).toHaveText('Ready', { timeout: 40_000 });
    await expect(jane.page.getByRole('button', { name: 'Reconnect' })).toBeHidden();
    await expect(jane.activeCall).toBeVisible();
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
  });

  test('Reconnect tries at once and says why it failed; the browser coming back online tries at once too', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    await farEnd.dropConnection('Jane', 120_000);
    await expect(jane.connection).toHaveText('Offline', { timeout: 40_000 });

    // Reconnecting while the token backend is down: the call stays on screen and can still be hung up.
    await farEnd.tokenBackendAnswers({ kind: 'status', status: 503 });
    await jane.page.getByRole('button', { name: 'Reconnect' }).click();
    await expect(jane.alerts).toContainText('The token service is having trouble (HTTP 503)');
    await expect(jane.activeCall).toBeVisible();
    await expect(jane.hangUpButton).toBeEnabled();

    await farEnd.tokenBackendAnswers({ kind: 'normal' });
    await farEnd.restoreNetwork('Jane');
    await jane.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(jane.connection).toHaveText('Ready');
    await expect(jane.activeCall).toBeVisible();
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
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
    await farEnd.expectAudioBothWays(callId);
    await jane.signOutButton.click();
    await expect(jane.connection).toHaveText('Signed out');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
  });
});
