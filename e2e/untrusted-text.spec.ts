import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { recordedNotifications } from './support/hidden-tab';

// Caller IDs, names and echoed input are written by someone else; whatever they hold, the page keeps its shape.

const longCallerId = '4'.repeat(5_000);
/** What the softphone shows of it: 63 characters and an ellipsis. */
const longCallerIdShown = `${'4'.repeat(63)}…`;

/** Nothing sticks out to the right: the page never needs a horizontal scroll bar. */
async function expectPageNotWiderThanWindow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
}

/** The visible characters of an element in the order the eye reads them on one line: left to right on screen. */
function charactersLeftToRight(element: Locator): Promise<string> {
  return element.evaluate((root) => {
    const glyphs: Array<{ text: string; x: number }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let offset = 0; offset < text.length; offset += 1) {
        if (/\s/.test(text[offset] ?? '')) continue;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) glyphs.push({ text: text[offset] ?? '', x: box.left });
      }
    }
    return glyphs
      .sort((a, b) => a.x - b.x)
      .map((glyph) => glyph.text)
      .join('');
  });
}

test.describe('Text from outside', () => {
  test('a caller ID of 5,000 characters is cut short on screen, and Jane can still read all of it', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: longCallerId });
    await expect(jane.incomingCall).toBeVisible();
    await expect(jane.incomingCall).toContainText(longCallerIdShown);
    await expectPageNotWiderThanWindow(jane.page);
    await expect(jane.announcement).toHaveText(`Incoming call from ${longCallerIdShown}`);

    // The mouse: the whole caller ID is the shown text's tooltip.
    await expect(jane.incomingCall.getByTitle(longCallerId)).toHaveText(longCallerIdShown);
    // The keyboard: a disclosure button shows all of it, wrapped inside the panel.
    const showAll = jane.incomingCall.getByRole('button', { name: 'Show full caller ID' });
    await expect(showAll).toHaveAttribute('aria-expanded', 'false');
    await showAll.focus();
    await jane.page.keyboard.press('Enter');
    await expect(showAll).toHaveAttribute('aria-expanded', 'true');
    const fullCallerId = jane.incomingCall.locator(`[id="${await showAll.getAttribute('aria-controls')}"]`);
    await expect(fullCallerId).toHaveText(longCallerId);
    await expect(fullCallerId).toBeVisible();
    await expectPageNotWiderThanWindow(jane.page);
    await jane.expectNoAccessibilityViolations();

    await jane.answerIncomingCall();
    await expect(jane.activeCall).toContainText(longCallerIdShown);
    await expectPageNotWiderThanWindow(jane.page);

    await farEnd.callerHangsUp(callId);
    await jane.expectLastCallSummary('The caller hung up.');
    await expect(jane.lastCall).toContainText(longCallerIdShown);
    await expect(jane.announcement).toHaveText(`Call with ${longCallerIdShown} ended. The caller hung up.`);
    await expectPageNotWiderThanWindow(jane.page);
  });

  test('a right-to-left override in an agent’s caller ID cannot reverse what Jane reads', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '\u202Eevil.exe', fromType: 'app' });
    await expect(jane.incomingCall).toContainText('evil.exe');
    await expect(jane.incomingCall).not.toContainText('\u202E');
    // What she sees, left to right: the name in its own order, then "(agent)" untouched.
    const party = jane.incomingCall.locator('p').filter({ hasText: '(agent)' });
    expect(await charactersLeftToRight(party)).toBe('evil.exe(agent)');
    await expect(jane.announcement).toHaveText('Incoming call from evil.exe');
    await expect(jane.page).toHaveTitle('Incoming call: evil.exe · Agent softphone');

    await farEnd.cancelInvite(callId, 'remote-cancel');
    await jane.expectLastCallSummary('The caller hung up before you answered.');
    expect(await charactersLeftToRight(jane.lastCall.locator('p').filter({ hasText: '(agent)' }))).toBe('evil.exe(agent)');
  });

  test('a call without a caller ID reads “Unknown caller” everywhere', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '' });
    await expect(jane.incomingCall).toContainText('Unknown caller');
    await expect(jane.announcement).toHaveText('Incoming call from Unknown caller');
    await expect(jane.page).toHaveTitle('Incoming call: Unknown caller · Agent softphone');

    await farEnd.cancelInvite(callId, 'remote-cancel');
    await jane.expectLastCallSummary('The caller hung up before you answered.');
    await expect(jane.lastCall).toContainText('Unknown caller');
    await expect(jane.announcement).toHaveText('Call with Unknown caller ended. The caller hung up before you answered.');
  });

  test.describe('with the tab hidden and notifications allowed', () => {
    test.use({ tab: 'hidden-with-notifications' });

    test('a 5,000-character caller ID keeps the tab title and the notification short', async ({ jane, farEnd }) => {
      const callId = await farEnd.ringAgent({ agent: 'Jane', from: longCallerId });
      await expect(jane.page).toHaveTitle(`Incoming call: ${longCallerIdShown} · Agent softphone`);
      await expect
        .poll(() => recordedNotifications(jane.page))
        .toEqual([{ title: 'Incoming call', body: longCallerIdShown, closed: false }]);
      await farEnd.cancelInvite(callId, 'remote-cancel');
      await expect(jane.page).toHaveTitle('Agent softphone');
    });

    test('an empty caller ID reads “Unknown caller” in the notification', async ({ jane, farEnd }) => {
      const callId = await farEnd.ringAgent({ agent: 'Jane', from: '' });
      await expect
        .poll(() => recordedNotifications(jane.page))
        .toEqual([{ title: 'Incoming call', body: 'Unknown caller', closed: false }]);
      await farEnd.cancelInvite(callId, 'remote-cancel');
    });
  });

  test('the dialer quotes a 10,000-character input back in a few words, and the page keeps its width', async ({ jane, farEnd }) => {
    await jane.dial('x'.repeat(10_000));
    await expect(jane.alerts).toContainText(`“${'x'.repeat(63)}…” is neither a phone number nor an agent’s name.`);
    await expect(jane.destination).toHaveAttribute('aria-invalid', 'true');
    await expectPageNotWiderThanWindow(jane.page);

    await jane.dial('1'.repeat(10_000));
    await expect(jane.alerts).toContainText(`“${'1'.repeat(63)}…” is not a phone number.`);
    await expectPageNotWiderThanWindow(jane.page);
    expect(await farEnd.calls()).toEqual([]);
  });

  test('a 10,000-character agent name at sign-in is quoted back in a few words', async ({ softphone, farEnd: _farEnd }) => {
    await softphone.signIn('J'.repeat(10_000));
    await expect(softphone.alerts).toContainText(`No agent named “${'J'.repeat(63)}…” is set up.`);
    await expect(softphone.connection).toHaveText('Not connected');
    await expectPageNotWiderThanWindow(softphone.page);
  });
});
