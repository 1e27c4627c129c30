// A caller who dialled the contact center's number (a Phone page, or a scripted caller with a tone): the NCCO
// speaks to them, reads their keys, and a `connect` rings an agent (every session), a number (a Phone page with
// that number, else the scripted callee) or a websocket. Once an agent or a Phone answers, the caller's audio
// is joined to theirs.
import { endCall } from '../call-events.ts';
import { remoteHangup } from '../call-hangups.ts';
import type { CloudContext } from '../cloud-context.ts';
import type { CallRecord } from '../cloud-state.ts';
import { inviteCancelPlan } from '../ending-plans.ts';
import { ringAgent } from '../inbound-calls.ts';
import { outcomeDelay } from '../outbound-calls.ts';
import type { CallEventPoster, LegIdentity } from './call-event-posting.ts';
import type { ContactCenterCallSnapshot } from './contact-center-record.ts';
import type { ConnectAction, ConnectResult, NccoEnding, NccoLeg } from './ncco-runner.ts';

/** What the caller's phone is told (the Phone page implements it; a scripted caller needs none). */
export interface CallerLine {
  /** The contact center answered: the NCCO runs and the caller hears it. */
  answered(legId: string): void;
  says(text: string): void;
  /** The NCCO's input is collecting keys (true) or not (false). */
  listening(on: boolean): void;
  /** An agent answered a connect: the caller now talks to that agent's leg. */
  connectedToAgent(agentCallId: string, agent: string): void;
  ended(outcome: 'completed' | 'failed', problem?: string): void;
}

interface RingingAgent {
  call: CallRecord;
  settle(result: ConnectResult): void;
  /** Resolves once the answered agent's leg ends. */
  over?: () => void;
}

export class CallerLeg implements NccoLeg {
  readonly identity: LegIdentity;
  private readonly ctx: CloudContext;
  private readonly record: ContactCenterCallSnapshot;
  private readonly line: CallerLine | undefined;
  /** The caller's audio on the emulator's media (the Phone page's peer), for a websocket connect. */
  private readonly mediaKey: string;
  private agent: RingingAgent | undefined;
  private closeOther: (() => void) | undefined;
  private ended = false;

  constructor(ctx: CloudContext, record: ContactCenterCallSnapshot, line: CallerLine | undefined, mediaKey: string) {
    this.ctx = ctx;
    this.record = record;
    this.line = line;
    this.mediaKey = mediaKey;
    this.identity = { uuid: record.id, conversation_uuid: record.conversationId, direction: 'inbound', from: record.from, to: record.to };
  }

  say(text: string): void {
    this.line?.says(text);
  }

  listening(on: boolean): void {
    this.line?.listening(on);
  }

  connect(action: ConnectAction, events: CallEventPoster): Promise<ConnectResult> {
    switch (action.endpoint.type) {
      case 'app':
        return this.connectAgent(action.endpoint.user, action, events);
      case 'phone':
        return this.connectNumber(action.endpoint.number, action, events);
      case 'websocket':
        return this.connectWebsocket(action.endpoint, action, events);
    }
  }

  hangUp(ending: NccoEnding): void {
    this.finish();
    if (ending.kind === 'failed') this.line?.ended('failed', ending.problem);
    else this.line?.ended('completed');
  }

  /**
   * A Voice API transfer takes the caller elsewhere: the agent it talked to is let go without hanging up
   * (their app leaves the call itself), and a number or websocket it was connected to is closed.
   */
  releaseForTransfer(): void {
    const ringing = this.agent;
    this.agent = undefined;
    if (ringing?.call.state === 'ringing') endCall(this.ctx, ringing.call, inviteCancelPlan('remote-cancel'));
    this.closeOther?.();
    this.closeOther = undefined;
  }

  /** The caller hung up: whatever the connect rang is withdrawn or hung up. */
  callerHungUp(): void {
    this.finish();
  }

  // What the call flows report about the agent this leg rang.

  agentAnswered(call: CallRecord): boolean {
    const ringing = this.agent;
    if (!ringing || ringing.call.callId !== call.callId) return false;
    this.record.connectedTo = call.agent.userName;
    this.line?.connectedToAgent(call.callId, call.agent.userName);
    ringing.settle({ status: 'answered', ended: new Promise((resolve) => (ringing.over = resolve)) });
    return true;
  }

  agentCallEnded(call: CallRecord): boolean {
    const ringing = this.agent;
    if (!ringing || ringing.call.callId !== call.callId) return false;
    this.agent = undefined;
    if (ringing.over) ringing.over();
    else ringing.settle({ status: endStatus(call.endReason) });
    return true;
  }

  private finish() {
    if (this.ended) return;
    this.ended = true;
    const ringing = this.agent;
    if (ringing) {
      const { call } = ringing;
      if (call.state === 'ringing') endCall(this.ctx, call, inviteCancelPlan('remote-cancel'));
      else if (call.state === 'answered') remoteHangup(this.ctx, call.callId);
    }
    this.closeOther?.();
    this.closeOther = undefined;
  }

  private async connectAgent(user: string, action: ConnectAction, events: CallEventPoster): Promise<ConnectResult> {
    const agent = this.ctx.state.findAgent(user);
    const target: LegIdentity = { uuid: this.ctx.ids.next('LEG'), conversation_uuid: this.record.conversationId, direction: 'outbound', from: action.from ?? this.record.from, to: user };
    if (!agent || this.ctx.state.sessionsOf(agent.userName).length === 0) {
      // Nobody is signed in as that user: Vonage reports the leg failed and the NCCO goes on.
      events.leg('failed', target, action.eventUrl, { reason: agent ? 'The user has no registered session' : 'No such user' });
      return { status: 'failed' };
    }
    let callId: string;
    try {
      callId = await ringAgent(this.ctx, { agent: agent.userName, from: target.from, fromType: 'phone' });
    } catch {
      events.leg('failed', target, action.eventUrl);
      return { status: 'failed' };
    }
    const call = this.ctx.state.call(callId);
    if (!call) return { status: 'failed' };
    if (this.ended) {
      endCall(this.ctx, call, inviteCancelPlan('remote-cancel'));
      return { status: 'cancelled' };
    }
    this.record.agentCallId = callId;
    const leg = { ...target, uuid: callId };
    events.leg('started', leg, action.eventUrl);
    events.leg('ringing', leg, action.eventUrl);
    // Nobody answers within the connect's timeout: the invite is withdrawn (RemoteTimeout) and the NCCO goes on.
    this.ctx.timers.schedule(callId, action.timeoutMs, () => endCall(this.ctx, call, inviteCancelPlan('remote-timeout')));
    const result = await new Promise<ConnectResult>((settle) => {
      this.agent = { call, settle };
    });
    events.leg(result.status, leg, action.eventUrl);
    if (result.status === 'answered') void result.ended.then(() => events.leg('completed', leg, action.eventUrl));
    return result;
  }

  /**
   * A number: a Phone page with that number rings (phone-lines.ts), showing the connect's `from`; any other
   * number is the scripted callee (setCallee), which answers with a tone, is busy, or does not answer.
   */
  private async connectNumber(number: string, action: ConnectAction, events: CallEventPoster): Promise<ConnectResult> {
    const leg: LegIdentity = { uuid: this.ctx.ids.next('LEG'), conversation_uuid: this.record.conversationId, direction: 'outbound', from: action.from ?? this.record.from, to: number };
    events.leg('started', leg, action.eventUrl);
    events.leg('ringing', leg, action.eventUrl);
    const result = (await this.ringPhone(number, leg, action)) ?? (await this.ringScriptedCallee(action));
    if (result.status === 'answered') this.record.connectedTo = number;
    events.leg(result.status, leg, action.eventUrl);
    if (result.status === 'answered') void result.ended.then(() => events.leg('completed', leg, action.eventUrl));
    return result;
  }

  /**
   * A Phone page has the number: it rings until it answers, rejects (busy), goes away or the connect's timeout
   * passes (timeout); a phone already in a call is busy. Undefined when no phone has the number.
   */
  private ringPhone(number: string, leg: LegIdentity, action: ConnectAction): Promise<ConnectResult> | undefined {
    const phones = this.ctx.phones;
    if (!phones) return undefined;
    let settle: (result: ConnectResult) => void = () => undefined;
    const settled = new Promise<ConnectResult>((resolve) => (settle = resolve));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let over: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (over = resolve));
    const ringing = phones.ringForCaller(number, {
      legId: leg.uuid,
      caller: leg.from,
      callerLegId: this.record.id,
      callerMediaKey: this.mediaKey,
      settle: (outcome) => {
        clearTimeout(timer);
        settle(outcome === 'answer' ? { status: 'answered', ended } : { status: outcome === 'busy' ? 'busy' : 'timeout' });
      },
      over: () => over(),
    });
    if (ringing === undefined) return undefined;
    if (ringing === 'busy') {
      // As a PSTN line in a call answers: busy at once, after the ringing event.
      timer = setTimeout(() => settle({ status: 'busy' }), this.ctx.timing.pushDelayMs);
    } else {
      timer = setTimeout(() => {
        ringing.end();
        settle({ status: 'timeout' });
      }, action.timeoutMs);
    }
    this.closeOther = () => {
      clearTimeout(timer);
      if (ringing !== 'busy') ringing.end();
      settle({ status: 'cancelled' });
      over();
    };
    return settled;
  }

  /** The scripted callee (setCallee) answers with a tone, is busy, or does not answer. */
  private async ringScriptedCallee(action: ConnectAction): Promise<ConnectResult> {
    const callee = { ...this.ctx.callee };
    const behaviour = outcomeDelay(this.ctx, callee) > action.timeoutMs ? 'no-answer' : callee.behaviour;
    const wait = Math.min(outcomeDelay(this.ctx, callee), action.timeoutMs);
    return new Promise<ConnectResult>((settle) => {
      const timer = setTimeout(() => {
        if (behaviour === 'answer') settle({ status: 'answered', ended: new Promise((over) => (this.closeOther = over)) });
        else settle({ status: behaviour === 'busy' ? 'busy' : 'timeout' });
      }, wait);
      this.closeOther = () => {
        clearTimeout(timer);
        settle({ status: 'cancelled' });
      };
    });
  }

  private async connectWebsocket(endpoint: Extract<ConnectAction['endpoint'], { type: 'websocket' }>, action: ConnectAction, events: CallEventPoster) {
    return connectWebsocketLeg(this.ctx, this.mediaKey, endpoint, action, events, this.record, (close) => (this.closeOther = close));
  }
}

/** `connect` to a websocket: the host opens it and pipes the call's audio; without one (in-page) it fails as an unreachable websocket. */
export async function connectWebsocketLeg(
  ctx: CloudContext,
  mediaKey: string,
  endpoint: Extract<ConnectAction['endpoint'], { type: 'websocket' }>,
  action: ConnectAction,
  events: CallEventPoster,
  record: ContactCenterCallSnapshot,
  onClose: (close: () => void) => void,
): Promise<ConnectResult> {
  const leg: LegIdentity = { uuid: ctx.ids.next('LEG'), conversation_uuid: record.conversationId, direction: 'outbound', from: action.from ?? record.from, to: endpoint.uri };
  events.leg('started', leg, action.eventUrl);
  if (!ctx.media.connectWebsocket) {
    events.leg('failed', leg, action.eventUrl, { reason: 'The websocket could not be reached' });
    return { status: 'failed' };
  }
  try {
    const socket = await ctx.media.connectWebsocket(mediaKey, endpoint.uri, { contentType: endpoint.contentType, headers: endpoint.headers });
    record.connectedTo = endpoint.uri;
    events.leg('answered', leg, action.eventUrl);
    const ended = new Promise<void>((resolve) => {
      onClose(() => {
        socket.close();
        events.leg('completed', leg, action.eventUrl);
        resolve();
      });
    });
    return { status: 'answered', ended };
  } catch (error) {
    events.leg('failed', leg, action.eventUrl, { reason: error instanceof Error ? error.message : String(error) });
    return { status: 'failed' };
  }
}

/** An agent's invite that ended unanswered, as Vonage's connect leg status. */
function endStatus(endReason: string | undefined): Exclude<ConnectResult['status'], 'answered'> {
  switch (endReason) {
    case 'REMOTE_REJECT':
      return 'rejected';
    case 'RING_TIMER':
      return 'timeout';
    case 'REMOTE_CANCEL':
      return 'cancelled';
    default:
      return 'failed';
  }
}
