import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// A reload (F5, a crash-and-restore, an update) during a call: the same tab signs the agent back in and takes
// the call back, with the same caller, the timer going on, the mute state and the audio.

/** The limit: audio flows again both ways within 3 s of the reloaded page reading Ready. */
const audioBackWithinMs = 3_000;

declare global {
  interface Window {
    /** Set by `recordWhenReady`: the page's clock (Date.now) when Connection first read Ready. */
    e2eReadyAt?: number;
  }
}

/** Init script, self-contained: notes the instant the Connection status first reads Ready in this document. */
function recordWhenReady() {
  const check = () => {
    if (window.e2eReadyAt !== undefined) return true;
    const status = document.querySelector('[role="status"][aria-label="Connection"]');
    if (status?.textContent?.trim() !== 'Ready') return false;
    window.e2eReadyAt = Date.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Polls the call's media stats from inside the page (no round trip through the test runner per poll) until
 * packets the far end received and packets this page's SDK received both grew since the reading before, and the
 * SDK's output plays the far end. Growth is counted from the previous reading, never from the first: taking the
 * call back replaces the far end's peer connection, whose count then starts again from 0. Resolves to the
 * page's clock at that moment (undefined on timeout).
 */
function whenAudioFlowsBothWays(page: Page, callId: string, timeoutMs = 15_000) {
  return page.evaluate(
    async ({ id, timeout }) => {
      const cloud = window.fakeVonage!;
      const first = await cloud.mediaStats(id);
      const deadline = Date.now() + timeout;
      let last = first;
      while (Date.now() < deadline) {
        const askedAt = Date.now();
        const before = last;
        last = await cloud.mediaStats(id);
        const farEndHears = last.farEndPacketsReceived > before.farEndPacketsReceived;
        const agentHears = last.agentPacketsReceived > before.agentPacketsReceived && last.agentAudioPlaying;
        // `at` bounds the moment from above (the stats answered then); `askedAt` is when they were asked for.
        if (farEndHears && agentHears) return { at: Date.now(), askedAt, first, last };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { at: undefined, askedAt: undefined, first, last };
    },
    { id: callId, timeout: timeoutMs },
  );
}

test.describe('Reloading the page during a call', () => {
  test('brings the call back: same caller, same timer, still muted, audio both ways', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    // The test's clock once the call shows as answered: no earlier than the answer the timer counts from.
    const answeredAt = Date.now();
    await jane.muteButton.click();
    await expect(jane.activeCall).toContainText('Muted');
    await expect.poll(() => jane.callSeconds()).toBeGreaterThanOrEqual(2);
    const sessionBefore = await farEnd.sessions('Jane');

    // The reloaded document notes, itself, the instant its Connection status reads Ready.
    await jane.page.addInitScript(recordWhenReady);
    await jane.reload({ expectWarning: true });

    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    const readyAt = await jane.page.evaluate(() => window.e2eReadyAt);
    expect(readyAt, 'the reloaded page recorded when it read Ready').toBeDefined();
    // Within 3 s of Ready the audio flows again both ways on the reloaded page's own media: the far end hears
    // the agent and this page's SDK receives and plays the far end (counters growing after the reload).
    const flow = await whenAudioFlowsBothWays(jane.page, callId);
    expect(flow.at, `RTP flows both ways again after the reload (last stats ${JSON.stringify(flow.last)})`).toBeDefined();
    const audioBackAfterMs = flow.at! - readyAt!;
    test.info().annotations.push({
      type: 'audio back after Ready',
      description: `${audioBackAfterMs} ms (stats asked for ${flow.askedAt! - readyAt!} ms after Ready)`,
    });
    expect(audioBackAfterMs, 'audio flows both ways within 3 s of Ready').toBeLessThanOrEqual(audioBackWithinMs);

    await expect(jane.activeCall).toBeVisible();
    await expect(jane.activeCall).toContainText('+44 7911 123456');
    // The timer did not restart: it shows at least the whole seconds since the answer, less one for its tick.
    const timerAheadOfAnswer = async () => {
      const wholeSecondsSinceAnswer = Math.floor((Date.now() - answeredAt) / 1000);
      return (await jane.callSeconds()) - (wholeSecondsSinceAnswer - 1);
    };
    await expect.poll(timerAheadOfAnswer, { message: 'the timer counts from the answer, not from the reload', timeout: 3_000 }).toBeGreaterThanOrEqual(0);
    await expect(jane.activeCall).toContainText('Muted');
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    await expect(jane.callAudio).toHaveText('');
    await farEnd.expectAudioBothWays(callId);
    await farEnd.expectAudioStillFlowing(callId);
    expect(await farEnd.call(callId)).toMatchObject({ state: 'answered', agentMuted: true });
    // The reloaded page took over the same session at the cloud rather than opening a second one.
    expect((await farEnd.sessions('Jane')).map((session) => session.sessionId)).toEqual(sessionBefore.map((session) => session.sessionId));

    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });

  test('a call that ended while the page was away is reported, and no microphone is left on', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    // The agent leaves the page (confirming the warning); the caller hangs up meanwhile; the agent comes back.
    jane.page.once('dialog', (dialog) => void dialog.accept());
    await jane.page.goto('about:blank');
    await farEnd.callerHangsUp(callId);
    await jane.page.goBack();

    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await jane.expectLastCallSummary('The call could not be resumed after the page reloaded.');
    await expect(jane.lastCall).toContainText('The call could not be taken back after the page reloaded.');
    await expect(jane.activeCall).toBeHidden();
  });

  test('reloading with no call asks nothing and signs the agent straight back in', async ({ jane, farEnd }) => {
    await jane.reload({ expectWarning: false });
    await expect(jane.connection).toHaveText('Ready', { timeout: 20_000 });
    await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await expect(jane.incomingCall).toBeVisible();
    await jane.rejectIncomingCall();
    await jane.expectLastCallSummary('You rejected the call.');
  });

  test('closing the tab during a call asks first; staying keeps the call', async ({ jane, farEnd }) => {
    const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
    await jane.answerIncomingCall();
    const asked = jane.page.waitForEvent('dialog');
    await jane.page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioStillFlowing(callId);
    await jane.hangUp();
    await jane.expectLastCallSummary('You hung up.');
  });
});
