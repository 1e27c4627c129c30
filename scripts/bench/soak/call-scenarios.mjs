// The calls of the soak, each driven as an agent and a caller would: the agent through the documented accessible
// names (README, "QA contract"), the far end through the emulator's control API over HTTP. Every wait is for a
// state (a region shown or gone, a toggle pressed, the cloud's record, RTP counters), never a fixed sleep; a
// failure names the call, its kind and the step.

const uiTimeoutMs = 15_000;
const audioTimeoutMs = 15_000;
const pollMs = 50;

export const agent = 'Jane';

/** Polls `check` until it returns a truthy value (resolved to), or fails after `timeout` naming `what`. */
export async function waitUntil(check, { what, timeout = uiTimeoutMs }) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The softphone as the agent sees it: the QA contract's names only. */
export function softphoneOf(page) {
  const incomingCall = page.getByRole('region', { name: 'Incoming call' });
  const activeCall = page.getByRole('region', { name: 'Active call' });
  const lastCall = page.getByRole('region', { name: 'Last call' });
  const heldCall = page.getByRole('region', { name: 'On hold' });
  return {
    page,
    connection: page.getByRole('status', { name: 'Connection' }),
    incomingCall,
    answerButton: incomingCall.getByRole('button', { name: 'Answer', exact: true }),
    rejectButton: incomingCall.getByRole('button', { name: 'Reject' }),
    holdAndAnswerButton: incomingCall.getByRole('button', { name: 'Hold and answer' }),
    endAndAnswerButton: incomingCall.getByRole('button', { name: 'End and answer' }),
    outgoingCall: page.getByRole('region', { name: 'Outgoing call' }),
    activeCall,
    holdButton: activeCall.getByRole('button', { name: 'Hold', exact: true }),
    heldCall,
    hangUpButton: page.getByRole('region', { name: /^(Active call|Outgoing call)$/ }).getByRole('button', { name: 'Hang up' }),
    destination: page.getByRole('textbox', { name: 'Number or agent' }),
    callButton: page.getByRole('button', { name: 'Call', exact: true }),
    lastCall,
    dismissButton: lastCall.getByRole('button', { name: 'Dismiss', exact: true }),
    dismissAllButton: lastCall.getByRole('button', { name: 'Dismiss all' }),
  };
}

const shown = (locator) => locator.waitFor({ state: 'visible', timeout: uiTimeoutMs });
const gone = (locator) => locator.waitFor({ state: 'hidden', timeout: uiTimeoutMs });

async function pressedIs(locator, pressed) {
  await waitUntil(async () => (await locator.getAttribute('aria-pressed', { timeout: uiTimeoutMs })) === String(pressed), {
    what: `${pressed ? 'pressed' : 'released'} Hold (aria-pressed ${pressed})`,
  });
}

/**
 * One call of the soak: `step(name, fn)` runs a step and, when it fails, rethrows naming the call number, its
 * kind and the step. `phone`, `cloud` and `page` are what the steps act on.
 */
class CallRun {
  constructor({ label, number, kind, phone, cloud }) {
    this.label = label ?? `Call ${number}`;
    this.number = number;
    this.kind = kind;
    this.phone = phone;
    this.cloud = cloud;
  }

  async step(name, action) {
    try {
      return await action();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`${this.label} (${this.kind}), step "${name}": ${reason}`, { cause: error });
    }
  }

  async cloudCall(callId) {
    return (await this.cloud.call('calls')).find((call) => call.callId === callId);
  }

  mediaStats(callId) {
    return this.phone.page.evaluate((id) => window.fakeVonage.mediaStats(id), callId);
  }

  /** What fake-cloud-driver.ts's expectAudioBothWays checks: RTP both ways, and the agent's output playing the far end. */
  audioBothWays(callId) {
    let last;
    return this.step('audio both ways', () =>
      waitUntil(
        async () => {
          last = await this.mediaStats(callId);
          return last.farEndPacketsReceived > 0 && last.agentPacketsReceived > 0 && last.agentAudioPlaying;
        },
        { what: 'RTP both ways and the agent hearing the far end', timeout: audioTimeoutMs },
      ).catch((error) => {
        throw new Error(`${error.message}; last media stats: ${JSON.stringify(last)}`);
      }),
    );
  }

  /** Audio keeps flowing both ways after a hold is undone: both counters move on. */
  audioStillFlowing(callId) {
    return this.step('audio still flowing after Resume', async () => {
      const before = await this.mediaStats(callId);
      await waitUntil(
        async () => {
          const now = await this.mediaStats(callId);
          return now.farEndPacketsReceived > before.farEndPacketsReceived && now.agentPacketsReceived > before.agentPacketsReceived;
        },
        { what: 'RTP counters moving both ways', timeout: audioTimeoutMs },
      );
    });
  }

  cloudReads(callId, what, matches) {
    return this.step(`the cloud: ${what}`, () =>
      waitUntil(async () => {
        const call = await this.cloudCall(callId);
        return (call && matches(call)) || false;
      }, { what: `call ${callId}: ${what}` }),
    );
  }

  async ring(from) {
    const callId = await this.step('ring the agent', () => this.cloud.call('ringAgent', { agent, from }));
    await this.step('Incoming call shown', () => shown(this.phone.incomingCall));
    return callId;
  }

  async answer(callId) {
    await this.step('press Answer', () => this.phone.answerButton.click({ timeout: uiTimeoutMs }));
    await this.step('Active call shown', () => shown(this.phone.activeCall));
    await this.step('Incoming call gone', () => gone(this.phone.incomingCall));
    await this.cloudReads(callId, 'answered', (call) => call.state === 'answered');
    await this.audioBothWays(callId);
  }

  async hangUp(callId, by) {
    if (by === 'agent') await this.step('press Hang up', () => this.phone.hangUpButton.click({ timeout: uiTimeoutMs }));
    else await this.step('the caller hangs up', () => this.cloud.call('hangup', callId));
  }

  async holdAndResume(callId) {
    await this.step('press Hold', () => this.phone.holdButton.click({ timeout: uiTimeoutMs }));
    await this.step('Hold pressed', () => pressedIs(this.phone.holdButton, true));
    await this.cloudReads(callId, 'muted and earmuffed', (call) => call.agentMuted && call.agentEarmuffed);
    await this.step('press Hold again (resume)', () => this.phone.holdButton.click({ timeout: uiTimeoutMs }));
    await this.step('Hold released', () => pressedIs(this.phone.holdButton, false));
    await this.cloudReads(callId, 'neither muted nor earmuffed', (call) => !call.agentMuted && !call.agentEarmuffed);
    await this.audioStillFlowing(callId);
  }

  /** The call(s) over: no call region left, the summary read and dismissed (Dismiss all for two), Ready again. */
  async dismissSummary(endedCalls) {
    await this.step('no call left on screen', async () => {
      await gone(this.phone.incomingCall);
      await gone(this.phone.outgoingCall);
      await gone(this.phone.activeCall);
      await gone(this.phone.heldCall);
    });
    await this.step('Last call shown', () => shown(this.phone.lastCall));
    if (endedCalls > 1) await this.step('press Dismiss all', () => this.phone.dismissAllButton.click({ timeout: uiTimeoutMs }));
    else await this.step('press Dismiss', () => this.phone.dismissButton.click({ timeout: uiTimeoutMs }));
    await this.step('Last call gone', () => gone(this.phone.lastCall));
    await this.step('Connection reads Ready', () =>
      waitUntil(async () => (await this.phone.connection.textContent())?.trim() === 'Ready', { what: 'Connection to read Ready' }),
    );
  }
}

/**
 * Puts the number in the dialer's field as one change (the input's own value setter, then an `input` event: what
 * React's onChange reads), not with Playwright's fill or keystrokes. Each fill or typed sequence leaves a step in
 * Chromium's undo history that keeps the replaced text node alive: measured on this build, 40 fills +50 DOM
 * nodes, 40 cleared-and-typed numbers +40, 40 setter changes +1. That history is the browser's (bounded by its
 * undo depth), not the app's, and would read as a DOM leak of about 0.3 node per call in this mix.
 */
function enterNumber(field, number) {
  return field.evaluate((input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, number, { timeout: uiTimeoutMs });
}

const callerNumber = (number, offset = 0) => `447700900${String((number * 2 + offset) % 1000).padStart(3, '0')}`;

/** The kinds of call, each `(run) => Promise<number>` resolving to how many calls it took (a second call counts). */
const scenarios = {
  /** Inbound, answered, audio checked, hung up by the agent or the caller (in turn). */
  async answered(run) {
    const callId = await run.ring(callerNumber(run.number));
    await run.answer(callId);
    await run.hangUp(callId, run.number % 2 === 0 ? 'agent' : 'caller');
    await run.cloudReads(callId, 'ended', (call) => call.state === 'ended');
    await run.dismissSummary(1);
    return 1;
  },

  /** The same with a hold and resume in the middle. */
  async 'answered, hold and resume'(run) {
    const callId = await run.ring(callerNumber(run.number));
    await run.answer(callId);
    await run.holdAndResume(callId);
    await run.hangUp(callId, 'agent');
    await run.cloudReads(callId, 'ended', (call) => call.state === 'ended');
    await run.dismissSummary(1);
    return 1;
  },

  /** Outbound to a number; the emulator's callee answers after a short ring (setCallee). */
  async outbound(run) {
    const before = new Set((await run.step('read the cloud', () => run.cloud.call('calls'))).map((call) => call.callId));
    await run.step('set the callee to answer', () => run.cloud.call('setCallee', { behaviour: 'answer', afterMs: 300 }));
    await run.step('dial', async () => {
      await enterNumber(run.phone.destination, `+44 20 7946 0${String(run.number % 1000).padStart(3, '0')}`);
      await run.phone.callButton.click({ timeout: uiTimeoutMs });
    });
    await run.step('Active call shown (callee answered)', () => shown(run.phone.activeCall));
    const { callId } = await run.step('find the call in the cloud', () =>
      waitUntil(async () => (await run.cloud.call('calls')).find((call) => !before.has(call.callId) && call.direction === 'outbound' && call.state === 'answered'), {
        what: 'a new answered outbound call in the cloud',
      }),
    );
    await run.audioBothWays(callId);
    await run.hangUp(callId, 'agent');
    await run.cloudReads(callId, 'ended', (call) => call.state === 'ended');
    await run.dismissSummary(1);
    return 1;
  },

  /** Inbound, rejected by the agent. */
  async rejected(run) {
    const callId = await run.ring(callerNumber(run.number));
    await run.step('press Reject', () => run.phone.rejectButton.click({ timeout: uiTimeoutMs }));
    await run.cloudReads(callId, 'ended', (call) => call.state === 'ended');
    await run.dismissSummary(1);
    return 1;
  },

  /** Inbound; the caller gives up while it rings. */
  async 'cancelled by the caller'(run) {
    const callId = await run.ring(callerNumber(run.number));
    await run.step('the caller gives up', () => run.cloud.call('cancelInvite', callId, 'remote-cancel'));
    await run.cloudReads(callId, 'ended', (call) => call.state === 'ended');
    await run.dismissSummary(1);
    return 1;
  },

  /**
   * Call waiting, Hold and answer: the second caller is answered, the first held; the second hangs up, the first
   * (still held, in Active call) is resumed, heard again, and hung up.
   */
  async 'call waiting, Hold and answer'(run) {
    const first = await run.ring(callerNumber(run.number));
    await run.answer(first);
    const second = await run.step('ring the agent again', () => run.cloud.call('ringAgent', { agent, from: callerNumber(run.number, 1) }));
    await run.step('Hold and answer shown', () => shown(run.phone.holdAndAnswerButton));
    await run.step('press Hold and answer', () => run.phone.holdAndAnswerButton.click({ timeout: uiTimeoutMs }));
    await run.step('On hold shown', () => shown(run.phone.heldCall));
    await run.cloudReads(first, 'the first call held', (call) => call.agentMuted && call.agentEarmuffed);
    await run.cloudReads(second, 'the second call answered', (call) => call.state === 'answered');
    await run.audioBothWays(second);
    await run.hangUp(second, 'caller');
    await run.cloudReads(second, 'the second call ended', (call) => call.state === 'ended');
    await run.step('On hold gone (the held call back in Active call)', () => gone(run.phone.heldCall));
    await run.step('the held call shows as held', () => pressedIs(run.phone.holdButton, true));
    await run.step('press Hold again (resume)', () => run.phone.holdButton.click({ timeout: uiTimeoutMs }));
    await run.step('Hold released', () => pressedIs(run.phone.holdButton, false));
    await run.audioStillFlowing(first);
    await run.hangUp(first, 'agent');
    await run.cloudReads(first, 'the first call ended', (call) => call.state === 'ended');
    await run.dismissSummary(2);
    return 2;
  },

  /** Call waiting, End and answer: the first call is hung up, the second answered, heard, and hung up by its caller. */
  async 'call waiting, End and answer'(run) {
    const first = await run.ring(callerNumber(run.number));
    await run.answer(first);
    const second = await run.step('ring the agent again', () => run.cloud.call('ringAgent', { agent, from: callerNumber(run.number, 1) }));
    await run.step('End and answer shown', () => shown(run.phone.endAndAnswerButton));
    await run.step('press End and answer', () => run.phone.endAndAnswerButton.click({ timeout: uiTimeoutMs }));
    await run.cloudReads(first, 'the first call ended', (call) => call.state === 'ended');
    await run.cloudReads(second, 'the second call answered', (call) => call.state === 'answered');
    await run.step('Incoming call gone', () => gone(run.phone.incomingCall));
    await run.audioBothWays(second);
    await run.hangUp(second, 'caller');
    await run.cloudReads(second, 'the second call ended', (call) => call.state === 'ended');
    await run.dismissSummary(2);
    return 2;
  },
};

/**
 * The shift's mix, a block of 20 repeated: 9 inbound answered (one with hold and resume), 4 outbound, 2 rejected,
 * 2 cancelled while ringing, and 2 call-waiting steps (one of each button), each of which takes a second call.
 */
const block = [
  'answered', 'outbound', 'answered', 'rejected', 'answered',
  'cancelled by the caller', 'answered, hold and resume', 'answered', 'outbound', 'call waiting, Hold and answer',
  'answered', 'outbound', 'answered', 'rejected', 'answered',
  'cancelled by the caller', 'answered', 'outbound', 'answered', 'call waiting, End and answer',
];

/** The kind of call number `number` (1-based). */
export const kindOf = (number) => block[(number - 1) % block.length];

/** Every kind once: the warm-up before call 0 (lazy chunks loaded, code compiled, caches filled). */
export const everyKind = Object.keys(scenarios);

/** Runs one call of `kind` (`label` names it in errors, `Call <number>` by default); resolves to how many calls it took. */
export function runCall({ label, number, kind, phone, cloud }) {
  return scenarios[kind](new CallRun({ label, number, kind, phone, cloud }));
}
