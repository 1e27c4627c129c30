// Runs a contact center's NCCO on one caller leg, action by action, as Vonage does: talk and stream take
// their time, input collects DTMF and replaces the rest with what its eventUrl answers, connect rings the
// endpoint and moves on when nobody answers, notify posts and continues, and the end of the NCCO hangs up.
// An NCCO that fails Vonage's checks, or uses what the emulator does not run, ends the call with an error
// event. Transport-free: the leg (who the caller is, how a connect rings) and the webhooks are injected.
import type { CloudTiming } from '../cloud-context.ts';
import type { CallEventPoster, LegIdentity } from './call-event-posting.ts';
import type { ContactCenterWebhooks, NccoValidator } from './contact-center-port.ts';
import type { ContactCenterCallSnapshot } from './contact-center-record.ts';
import { DtmfCollector, type DtmfResult, type InputAction } from './dtmf-input.ts';
import { readNcco, type NccoAction } from './ncco-actions.ts';
import { streamDurationMs, talkDurationMs } from './prompt-timing.ts';

export type ConnectAction = Extract<NccoAction, { action: 'connect' }>;

/** How a connect ended: answered (then `ended` settles when that conversation is over) or one of Vonage's failures. */
export type ConnectResult =
  | { status: 'answered'; ended: Promise<void> }
  | { status: 'busy' | 'timeout' | 'rejected' | 'failed' | 'unanswered' | 'cancelled' };

export type ConnectStatus = ConnectResult['status'];

export type NccoEnding = { kind: 'completed'; lastConnect?: ConnectStatus } | { kind: 'failed'; problem: string };

/** The caller's side of the run: the Phone page, a scripted caller, or an agent's outbound leg. */
export interface NccoLeg {
  readonly identity: LegIdentity;
  /** A talk begins: the caller hears `text`. */
  say(text: string, language?: string): void;
  /** An input starts (true) or stops (false) collecting keys: keys pressed at other times are not heard. */
  listening?(on: boolean): void;
  connect(action: ConnectAction, events: CallEventPoster): Promise<ConnectResult>;
  /** The NCCO is over: the leg hangs up (its own events and wire messages). */
  hangUp(ending: NccoEnding): void;
}

export interface NccoRunDeps {
  webhooks: ContactCenterWebhooks;
  validate: NccoValidator;
  timing: CloudTiming;
  events: CallEventPoster;
  record: ContactCenterCallSnapshot;
}

class NccoFailure extends Error {}

export class NccoRun {
  private readonly leg: NccoLeg;
  private readonly deps: NccoRunDeps;
  private stopped = false;
  private wake: (() => void) | undefined;
  private collector: DtmfCollector | undefined;
  /** Keys that barged in on a prompt, kept for the next input. */
  private bargedIn = '';
  private promptWithBargeIn = false;
  private lastConnect: ConnectStatus | undefined;

  constructor(leg: NccoLeg, deps: NccoRunDeps) {
    this.leg = leg;
    this.deps = deps;
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** Runs the answer URL's NCCO (the JSON it answered) to its end; never rejects. */
  async run(answered: unknown): Promise<void> {
    try {
      let actions = this.accept(answered, 'the answer URL');
      this.deps.record.state = 'running';
      while (actions.length > 0 && !this.stopped) {
        const action = actions.shift() as NccoAction;
        this.deps.record.currentAction = action.action;
        const replacement = await this.perform(action);
        if (replacement) actions = replacement;
      }
      this.end({ kind: 'completed', ...(this.lastConnect === undefined ? {} : { lastConnect: this.lastConnect }) });
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** The answer URL could not be used at all (unreachable, an HTTP error): the call fails as on Vonage. */
  fail(problem: string): void {
    if (this.stopped) return;
    this.deps.record.error = problem;
    this.deps.events.error(problem);
    this.end({ kind: 'failed', problem });
  }

  /** Keys the caller pressed (a Phone's keypad, the control API). */
  press(digits: string): void {
    for (const key of digits) {
      if (this.collector) this.collector.press(key);
      else if (this.promptWithBargeIn) {
        this.bargedIn += key;
        this.wake?.();
      }
    }
  }

  /** The caller hung up, or the call was ended from outside: nothing more runs and nothing is posted. */
  stop(): void {
    this.stopped = true;
    this.collector?.cancel();
    this.collector = undefined;
    this.wake?.();
  }

  private end(ending: NccoEnding) {
    if (this.stopped) return;
    this.stop();
    this.deps.record.currentAction = undefined;
    this.leg.hangUp(ending);
  }

  private accept(json: unknown, source: string): NccoAction[] {
    const checked = this.deps.validate(json);
    if (!checked.ok) throw new NccoFailure(`Invalid NCCO from ${source}: ${checked.problems.join('; ')}`);
    const read = readNcco(checked.ncco);
    if (!read.ok) throw new NccoFailure(`Unsupported NCCO from ${source}: ${read.problem}`);
    return read.actions;
  }

  /** Resolves after `ms`, or earlier when the call stops (or a barge-in wakes it). */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => {
        clearTimeout(timer);
        done();
      };
      this.wake = wake;
      function done() {
        resolve();
      }
      if (this.stopped) wake();
    }).then(() => {
      this.wake = undefined;
    });
  }

  private async prompt(ms: number, bargeIn: boolean) {
    this.promptWithBargeIn = bargeIn;
    this.bargedIn = '';
    await this.pause(ms);
    this.promptWithBargeIn = false;
  }

  /** Returns the NCCO that replaces the rest, if the action brought one. */
  private async perform(action: NccoAction): Promise<NccoAction[] | undefined> {
    const { timing, record } = this.deps;
    switch (action.action) {
      case 'talk':
        record.prompts.push(action.text);
        this.leg.say(action.text, action.language);
        await this.prompt(talkDurationMs(action.text, action.loop, timing), action.bargeIn);
        return undefined;
      case 'stream':
        await this.prompt(streamDurationMs(action.loop, timing), action.bargeIn);
        return undefined;
      case 'input':
        return this.input(action);
      case 'connect':
        return this.connect(action);
      case 'notify':
        await this.deps.webhooks.notify(action.eventUrl, action.payload).catch((error: unknown) => {
          console.warn('[emulator] a notify eventUrl failed', error instanceof Error ? error.message : error);
        });
        return undefined;
    }
  }

  private async input(action: InputAction): Promise<NccoAction[] | undefined> {
    const early = this.bargedIn;
    this.bargedIn = '';
    this.leg.listening?.(true);
    const result = await new Promise<DtmfResult | undefined>((resolve) => {
      this.collector = new DtmfCollector(action, early, resolve);
      this.wake = () => resolve(undefined);
      if (this.stopped) resolve(undefined);
    });
    this.collector = undefined;
    this.wake = undefined;
    this.leg.listening?.(false);
    if (!result || this.stopped) return undefined;
    const { identity, record } = { identity: this.leg.identity, record: this.deps.record };
    record.digits += result.digits;
    let answer: unknown;
    try {
      answer = await this.deps.webhooks.input(action.eventUrl, {
        uuid: identity.uuid,
        conversation_uuid: identity.conversation_uuid,
        from: identity.from,
        to: identity.to,
        dtmf: { digits: result.digits, timed_out: result.timedOut },
      });
    } catch (error) {
      throw new NccoFailure(`The input eventUrl failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // No NCCO in the answer: the current NCCO goes on.
    if (answer === undefined || answer === null || answer === '') return undefined;
    return this.accept(answer, 'the input eventUrl');
  }

  private async connect(action: ConnectAction): Promise<undefined> {
    const result = await this.leg.connect(action, this.deps.events);
    this.lastConnect = result.status;
    if (result.status === 'answered') {
      await Promise.race([result.ended, new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = undefined;
    }
    return undefined;
  }
}
