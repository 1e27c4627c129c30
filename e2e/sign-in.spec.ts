import { expect, staticDemo, test } from './support/fixtures';

test.describe('Signing in and out', () => {
  test('Jane signs in, is Ready to take calls, and signs out', staticDemo, async ({ softphone, farEnd: _farEnd }) => {
    await softphone.expectNoAccessibilityViolations();

    await softphone.signInAndWaitUntilReady('Jane');
    await expect(softphone.destination).toBeVisible();
    // The signed-in agent's name, in the header (the Demo simulator has a radio named Jane too).
    await expect(softphone.page.getByRole('banner').getByText('Jane', { exact: true })).toBeVisible();
    await softphone.expectNoAccessibilityViolations();

    await softphone.signOutButton.click();
    await expect(softphone.connection).toHaveText('Signed out');
    await expect(softphone.agentName).toHaveValue('Jane');
  });

  test('an unknown agent is told the name is not set up, and can correct it', async ({ softphone, farEnd: _farEnd }) => {
    await softphone.signIn('Janet');
    await expect(softphone.alerts).toContainText('No agent named “Janet” is set up');
    await expect(softphone.connection).toHaveText('Not connected');

    await softphone.signInAndWaitUntilReady('Jane');
    await expect(softphone.alerts).toHaveCount(0);
  });

  test('a token backend failure (500) shows a clear error and sign-in works once it recovers', staticDemo, async ({ softphone, farEnd }) => {
    await farEnd.tokenBackendAnswers({ kind: 'status', status: 500 });
    await softphone.signIn('Jane');
    await expect(softphone.alerts).toContainText('The token service is having trouble (HTTP 500)');

    await farEnd.tokenBackendAnswers({ kind: 'normal' });
    await softphone.signInAndWaitUntilReady('Jane');
  });

  test('a token backend that does not answer times out with a clear error', async ({ softphone, farEnd }) => {
    await farEnd.tokenBackendAnswers({ kind: 'hang' });
    await softphone.signIn('Jane');
    await expect(softphone.connection).toHaveText('Signing in…');
    await expect(softphone.signInButton).toBeDisabled();
    // The product waits 10 s from the request, which starts after the token client's chunk has loaded: this
    // wait must outlast that, or a loaded machine fails a sign-in that is only slow to fail.
    await expect(softphone.alerts).toContainText('did not answer within 10 seconds', { timeout: 20_000 });
    await expect(softphone.signInButton).toBeEnabled();
  });

  test('a malformed token answer is reported, not crashed on', async ({ softphone, farEnd }) => {
    await farEnd.tokenBackendAnswers({ kind: 'malformed' });
    await softphone.signIn('Jane');
    await expect(softphone.alerts).toContainText('incomplete answer (user_id, jwt, expires_at)');
  });

  test('an empty agent name is refused before any request', async ({ softphone, farEnd: _farEnd }) => {
    await softphone.signInButton.click();
    await expect(softphone.alerts).toContainText('Enter your agent name');
    expect(await softphone.page.evaluate(() => window.fakeTokenBackend!.requests())).toEqual([]);
  });
});
