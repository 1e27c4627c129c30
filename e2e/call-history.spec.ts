import { expect, test } from './support/fixtures';
import type { FakeCloudDriver } from './support/fake-cloud-driver';
import { CallHistoryPanel } from './support/call-history-panel';
import type { SoftphonePage } from './support/softphone-page';

const answeredCaller = { agent: 'Jane', from: '447911123456' } as const;
const missedCaller = { agent: 'Jane', from: '447700900123' } as const;

/** A caller rings Jane and gives up before she answers. */
async function missACall(jane: SoftphonePage, farEnd: FakeCloudDriver, from: string = missedCaller.from) {
  const callId = await farEnd.ringAgent({ agent: 'Jane', from });
  await expect(jane.incomingCall).toBeVisible();
  await farEnd.cancelInvite(callId, 'remote-cancel');
  await jane.expectLastCallSummary('The caller hung up before you answered.');
}

async function answerAndLetTheCallerHangUp(jane: SoftphonePage, farEnd: FakeCloudDriver) {
  const callId = await farEnd.ringAgent(answeredCaller);
  await jane.answerIncomingCall();
  await farEnd.callerHangsUp(callId);
  await jane.expectLastCallSummary('The caller hung up.');
}

async function callAndHangUp(jane: SoftphonePage, farEnd: FakeCloudDriver, number: string) {
  await farEnd.setCallee({ behaviour: 'answer', afterMs: 200 });
  await jane.dial(number);
  await expect(jane.activeCall).toBeVisible();
  await jane.hangUp();
  await jane.expectLastCallSummary('You hung up.');
}

test.describe('Call history', () => {
  test('calls taken, missed and made are listed newest first with their outcome in words; filters, search and Export find them', async ({
    jane,
    farEnd,
  }) => {
    // Three real calls and five accessibility scans: a long scenario on a busy machine.
    test.setTimeout(120_000);
    const history = new CallHistoryPanel(jane.page);
    await expect(history.region).toBeVisible();
    await history.expectMissedCount(0);
    await history.open();
    await expect(history.summary).toHaveText('No calls yet. Calls you take and make are listed here.');
    await history.expectNoAccessibilityViolations();
    await history.close();

    await answerAndLetTheCallerHangUp(jane, farEnd);
    await missACall(jane, farEnd);
    // Not yet seen: the count stays on the button until Jane opens the history.
    await history.expectMissedCount(1);
    await callAndHangUp(jane, farEnd, '+44 20 7946 0018');
    await history.expectMissedCount(1);
    await history.expectNoAccessibilityViolations();

    await history.open();
    await history.expectMissedCount(0);
    await expect(history.summary).toHaveText('3 calls');
    await history.expectOutcomes(['You hung up.', 'The caller hung up before you answered.', 'The caller hung up.']);
    await expect(history.rows.nth(0)).toContainText('+44 20 7946 0018');
    await expect(history.rows.nth(0)).toContainText('Outgoing call');
    await expect(history.rows.nth(0)).toContainText(/Talk time \d+:\d{2}/);
    await expect(history.rows.nth(1)).toContainText('+44 7700 900123');
    await expect(history.rows.nth(1)).toContainText('Missed call');
    await expect(history.rows.nth(1)).toContainText('Not answered');
    await expect(history.rows.nth(2)).toContainText('+44 7911 123456');
    await expect(history.rows.nth(2)).toContainText('Incoming call');
    await expect(history.rows.first()).toHaveAttribute('aria-setsize', '3');
    await expect(history.rows.first()).toHaveAttribute('aria-posinset', '1');
    await expect(history.callBackButtons).toHaveCount(3);
    await history.expectNoAccessibilityViolations();

    await history.show('Missed');
    await history.expectOutcomes(['The caller hung up before you answered.']);
    await expect(history.summary).toContainText('1 call of 3');
    await history.show('Inbound');
    await history.expectOutcomes(['The caller hung up before you answered.', 'The caller hung up.']);
    await history.show('Outbound');
    await history.expectOutcomes(['You hung up.']);
    await history.show('All');
    await expect(history.rows).toHaveCount(3);

    // Digits match whatever spacing the agent types; words that match nobody say so.
    await history.search('7911 123 456');
    await history.expectOutcomes(['The caller hung up.']);
    await history.search('+44 (20) 7946-0018');
    await history.expectOutcomes(['You hung up.']);
    await history.search('Zed');
    await expect(history.rows).toHaveCount(0);
    await expect(history.summary).toHaveText('No calls match.');
    await expect(history.exportButton).toBeDisabled();
    await history.expectNoAccessibilityViolations();

    // Export saves the calls shown.
    await history.search('');
    await history.show('Inbound');
    const { fileName, records } = await history.exportCsv();
    expect(fileName).toMatch(/^call-history-Jane-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(records[0]).toEqual(['Direction', 'Other party', 'Started', 'Answered', 'Ended', 'Talk time (s)', 'Outcome', 'Missed']);
    expect(records.slice(1).map((record) => [record[0], record[1], record[6], record[7]])).toEqual([
      // The leading ' keeps a spreadsheet from reading +44… as a formula or a number.
      ['Inbound', "'+447700900123", 'The caller hung up before you answered.', 'Yes'],
      ['Inbound', "'+447911123456", 'The caller hung up.', 'No'],
    ]);
    expect(records[2]?.[3]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(records[1]?.[3]).toBe('');
  });

  test('the history survives a reload and a sign-out, and is per agent', async ({ jane, farEnd }) => {
    const history = new CallHistoryPanel(jane.page);
    await missACall(jane, farEnd);
    await history.expectMissedCount(1);

    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    // The count is of calls Jane has not looked at, so it survives the reload too.
    await history.expectMissedCount(1);
    await history.open();
    await history.expectOutcomes(['The caller hung up before you answered.']);

    await jane.signOutButton.click();
    await expect(jane.connection).toHaveText('Signed out');
    await expect(history.region).toBeHidden();
    await jane.signInAndWaitUntilReady('Joe');
    await history.expectMissedCount(0);
    await history.open();
    await expect(history.summary).toHaveText('No calls yet. Calls you take and make are listed here.');

    await jane.signOutButton.click();
    await expect(jane.connection).toHaveText('Signed out');
    await jane.signInAndWaitUntilReady('Jane');
    // Opened before the reload: seen, so no count; the call is still there.
    await history.expectMissedCount(0);
    await history.open();
    await history.expectOutcomes(['The caller hung up before you answered.']);
    await expect(history.row('+44 7700 900123')).toHaveCount(1);
  });

  test('Call back dials the other party, and waits while a call is in progress', async ({ jane, farEnd }) => {
    const history = new CallHistoryPanel(jane.page);
    // A number that can be dialled (the +44 7700 900xxx drama range is refused by the dialer as not valid).
    await missACall(jane, farEnd, '447911123456');
    await history.open();

    await farEnd.setCallee({ behaviour: 'answer', afterMs: 500 });
    await history.callBack('+44 7911 123456');
    await expect(jane.outgoingCall.or(jane.activeCall)).toContainText('+447911123456');
    await expect(jane.activeCall).toBeVisible();
    expect((await farEnd.calls()).filter((call) => call.direction === 'outbound')).toEqual([
      expect.objectContaining({ remote: '+447911123456', state: 'answered' }),
    ]);

    const callBack = history.row('The caller hung up before you answered.').getByRole('button', { name: 'Call back' });
    await expect(callBack).toBeDisabled();
    await expect(callBack).toHaveAccessibleDescription('Finish the current call to call back.');
    await history.expectNoAccessibilityViolations();

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
    await expect(callBack).toBeEnabled();
    await history.expectOutcomes(['You hung up.', 'The caller hung up before you answered.']);
    await expect(history.rows.first()).toContainText('Outgoing call');
  });

  const refusals = [
    {
      what: 'storage is full',
      // Every write fails as when the browser's quota for the site is used up.
      refuse: () => {
        IDBObjectStore.prototype.put = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      sentence:
        'Your call history cannot be saved: this browser has no storage space left for it. Calls work as usual, but they are not added to your history.',
    },
    {
      what: 'the browser refuses storage (a private window)',
      refuse: () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        };
      },
      sentence:
        // Found out at sign-in, when the softphone first reads the history: said then, and not again per call.
        'Your call history cannot be opened: this browser does not let the softphone keep it (a private window, or site storage turned off). Calls work as usual, but they are not added to your history.',
    },
  ];
  for (const { what, refuse, sentence } of refusals) {
    test(`a history that cannot be written (${what}) says so once, and calls still work`, async ({ softphone: jane, farEnd }) => {
      test.setTimeout(90_000);
      const history = new CallHistoryPanel(jane.page);
      // From the page's first script on, as in a browser that refuses storage.
      await jane.page.addInitScript(refuse);
      await jane.page.reload();
      await expect(jane.page.getByRole('region', { name: 'Demo simulator' })).toBeVisible();
      await jane.signInAndWaitUntilReady('Jane');

      await missACall(jane, farEnd);
      const said = jane.alerts.filter({ hasText: 'Your call history cannot' });
      await expect(said).toHaveCount(1);
      await expect(said).toHaveText(sentence);

      // The softphone goes on: the next call rings, is answered, and ends as usual; the sentence is not repeated.
      await answerAndLetTheCallerHangUp(jane, farEnd);
      await callAndHangUp(jane, farEnd, '+44 20 7946 0018');
      await expect(said).toHaveCount(1);
      await expect(said).toHaveText(sentence);
      await history.toggle.click();
      await expect(history.toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(said).toHaveCount(1);
      await history.expectNoAccessibilityViolations();
    });
  }
});
