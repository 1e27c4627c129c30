import { expect, test } from './support/fixtures';

// The emulator (the whole local Vonage cloud) stops under a signed-in agent and comes back empty: the
// softphone says the connection is lost, keeps trying by itself, and is Ready again once the cloud is back.

test.describe('The emulator restarts under a signed-in agent', () => {
  test('the softphone shows the lost connection and is Ready again when the cloud is back', async ({ jane, farEnd, emulatorServer }) => {
    if (!emulatorServer) throw new Error('Only the emulator project can restart the cloud under the page.');
    // A polite line under the header, not an alert: the SDK is already finding its way back by itself.
    const connectionLost = jane.page.getByText('The connection to the voice service was lost. The softphone is reconnecting by itself');
    await expect(connectionLost).toBeHidden();
    try {
      await emulatorServer.stop();
      await expect(jane.connection).toHaveText('Reconnecting…', { timeout: 15_000 });
      await expect(connectionLost).toBeVisible();
      await expect(connectionLost).toHaveAttribute('aria-live', 'polite');
      await expect(connectionLost).not.toHaveAttribute('role', 'alert');
    } finally {
      await emulatorServer.start();
    }
    await expect(jane.connection).toHaveText('Ready', { timeout: 40_000 });
    await expect(connectionLost).toBeHidden();

    // The new, empty cloud knows the agent's session again: a call reaches her.
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');
  });
});
