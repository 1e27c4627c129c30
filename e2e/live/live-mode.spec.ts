import { liveTokenLifetimeSeconds } from './support/live-stack';
import { liveUrls } from './support/live-ports';
import { expect, expectAgentReceivesAudio, test } from './support/live-fixtures';
import type { IdentityProviderPage } from './support/identity-provider-page';
import type { SoftphonePage } from '../support/softphone-page';

// One worker runs these in order: the production build has the servers' fixed ports compiled in.
test.describe.configure({ mode: 'default' });

const renewalAfterMs = (liveTokenLifetimeSeconds * 1000 * 3) / 4;

async function signInThroughTheIdentityProvider(softphone: SoftphonePage, identityProvider: IdentityProviderPage, account: string) {
  await softphone.signInButton.click();
  await identityProvider.signInAs(account);
  // Back on the softphone, which goes on to the voice service by itself.
  await expect(softphone.connection).toHaveText('Ready', { timeout: 30_000 });
}

test.describe('Live mode', () => {
  test('Jane signs in with her organisation, takes a call, and signing out ends both sessions', async ({ softphone, identityProvider, live, page }) => {
    // No agent name to type: one button, and the password goes to the identity provider only.
    await expect(softphone.agentName).toHaveCount(0);
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
    await expect(page.getByText('Jane', { exact: true })).toBeVisible();

    const callId = await live.cloud.ringAgent({ agent: 'Jane', from: '447911123456' });
    await softphone.answerIncomingCall();
    await expect.poll(async () => (await live.cloud.mediaStats(callId)).farEndPacketsReceived, { message: 'the caller hears Jane' }).toBeGreaterThan(0);
    await expectAgentReceivesAudio(page);
    await softphone.hangUp();
    await softphone.expectLastCallSummary('You hung up.');

    await softphone.signOutButton.click();
    await expect(softphone.connection).toHaveText('Signed out');
    await expect.poll(async () => (await live.cloud.sessions('Jane')).length, { message: 'the Vonage session is deleted' }).toBe(0);
    // The backend's session ended too: the browser cannot mint another token, and a reload stays signed out.
    const asked = await page.request.get(`${live.backend.url}/api/session`);
    expect(asked.status()).toBe(401);
    await page.reload();
    await expect(softphone.connection).toHaveText('Signed out');
    await expect(softphone.signInButton).toBeEnabled();
  });

  test('a cancelled sign-in and an account that is not an agent are each explained, and Jane can then sign in', async ({ softphone, identityProvider }) => {
    await softphone.signInButton.click();
    await identityProvider.cancel();
    await expect(softphone.alerts).toContainText('Sign-in was cancelled.');
    expect(new URL(softphone.page.url()).search, 'the outcome is taken off the address bar').toBe('');

    await softphone.signInButton.click();
    await identityProvider.signInAs('Mallory');
    await expect(softphone.alerts).toContainText('That account is not set up as an agent here.');
    await expect(softphone.connection).toHaveText('Not connected');

    // The identity provider still has Mallory signed in, but the backend asks it who signs in every time
    // (prompt=login): another account can be chosen, as the next agent at a shared desk would.
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
  });

  test('a signed-in agent who asks for another agent’s token is refused, and so is a browser with no sign-in', async ({ softphone, identityProvider, live, page, browser }) => {
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
    const askFor = (userName: string) =>
      page.evaluate(
        async ({ url, name }) => {
          const response = await fetch(url, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ user_name: name }),
          });
          return { status: response.status, body: (await response.json()) as { error?: string; user_name?: string } };
        },
        { url: `${live.backend.url}/api/jwt`, name: userName },
      );
    expect(await askFor('Joe')).toEqual({ status: 403, body: { error: 'You can ask only for your own token.' } });
    expect((await askFor('Jane')).body.user_name).toBe('Jane');

    const stranger = await browser.newContext();
    const refused = await stranger.request.post(`${live.backend.url}/api/jwt`, {
      headers: { 'Content-Type': 'application/json', Origin: liveUrls().app },
      data: { user_name: 'Jane' },
    });
    expect(refused.status()).toBe(401);
    await stranger.close();
  });

  test('the token is renewed at three quarters of its life and a call in progress is untouched', async ({ softphone, identityProvider, live, page }) => {
    test.setTimeout(120_000);
    const before = live.backend.tokensIssuedTo('Jane');
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
    const signedInAt = Date.now();
    const callId = await live.cloud.ringAgent({ agent: 'Jane', from: '447911123456' });
    await softphone.answerIncomingCall();

    await expect
      .poll(() => live.backend.tokensIssuedTo('Jane') - before, { message: 'the softphone asked for a new token', timeout: renewalAfterMs + 10_000 })
      .toBe(2);
    // Past the first token's expiry: the emulator ends a session whose token ran out, so this one was renewed.
    await expect.poll(() => Date.now() - signedInAt, { timeout: liveTokenLifetimeSeconds * 1000 }).toBeGreaterThan(liveTokenLifetimeSeconds * 1000 + 2_000);
    await expect(softphone.connection).toHaveText('Ready');
    await expect(softphone.activeCall).toBeVisible();
    const packets = (await live.cloud.mediaStats(callId)).farEndPacketsReceived;
    await expect.poll(async () => (await live.cloud.mediaStats(callId)).farEndPacketsReceived, { message: 'the caller still hears Jane' }).toBeGreaterThan(packets);
    await expectAgentReceivesAudio(page);
    await softphone.hangUp();
  });

  test('with the backend down at renewal time the softphone retries, says so before the session would end, and recovers', async ({ softphone, identityProvider, live }) => {
    test.setTimeout(120_000);
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
    await live.backend.goDown();
    const renewal = softphone.page.getByRole('status', { name: 'Session renewal' });
    await expect(renewal).toContainText('Your session could not be renewed', { timeout: renewalAfterMs + 10_000 });
    await expect(renewal).toContainText('The token service could not be reached.');
    await expect(renewal).toContainText('your session ends at');
    await expect(softphone.connection).toHaveText('Ready');

    await live.backend.comeBack();
    // The next try (5 s after the first) finds the backend and renews before the token runs out.
    await expect(renewal).toHaveText('', { timeout: 15_000 });
    await expect(softphone.connection).toHaveText('Ready');
  });

  test('a token nobody renews ends the session the way Vonage ends it, and the agent is told', async ({ softphone, identityProvider, live }) => {
    test.setTimeout(120_000);
    await signInThroughTheIdentityProvider(softphone, identityProvider, 'Jane');
    await live.backend.goDown();
    try {
      await expect(softphone.connection).toHaveText('Session expired', { timeout: liveTokenLifetimeSeconds * 1000 + 10_000 });
      await expect(softphone.alerts).toContainText('Your session has expired. Sign in again to keep taking calls.');
    } finally {
      await live.backend.comeBack();
    }
  });
});
