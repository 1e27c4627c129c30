import { test, expect } from '@playwright/test';
import { expectNoCspViolations, installCspGuard } from './support/csp-guard';

// The guard every softphone test runs under (support/fixtures.ts), shown to catch what it must: a page with
// a strict policy that still runs inline code. No app is needed, so it uses its own bare context.
test('the CSP guard records a violation and fails the check on it', async ({ browser }) => {
  const context = await browser.newContext();
  const violations = await installCspGuard(context);
  const page = await context.newPage();
  await page.route('http://csp-guard.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'self'" },
      body: '<!doctype html><title>strict</title><p style="color: red">inline style</p><script>document.title = "ran"</script>',
    }),
  );
  await page.goto('http://csp-guard.test/');

  await expect.poll(() => violations.map((violation) => `${violation.directive} ${violation.blocked}`).sort()).toEqual([
    'script-src-elem inline',
    'style-src-attr inline',
  ]);
  await expect(page).toHaveTitle('strict');
  expect(() => expectNoCspViolations(violations)).toThrow(/the Content-Security-Policy was violated/);
  await context.close();
});
