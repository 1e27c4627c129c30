// An agent's outbound call (SDK serverCall) run through the answer URL, as Vonage runs it: the agent's leg is
// the NCCO's caller, so its member joins at once (PROTOCOL.md §16: within 10 s of the /legs reply), the agent
// hears the talk, and a `connect` rings the callee: a Phone page with that number (it shows the connect's
// `from`, the contact center's number), another signed-in agent, the scripted callee, or a websocket. The
// callee leg's statuses reach the SDK as leg:status:update, with the same wire events as before.
import { endCall } from '../call-events.ts';
import type { CloudContext } from '../cloud-context.ts';
import type { CallRecord } from '../cloud-state.ts';
import type { CalleeBehaviour } from '../control-api.ts';
import { calleeBusyPlan, calleeNoAnswerPlan, remoteHangupPlan, type EndingPlan } from '../ending-plans.ts';
import { pushLegStatus } from '../callee-leg.ts';
import { outcomeDelay, ringAgentFromAgent, settleCallee } from '../outbound-calls.ts';
import type { CallEventPoster, LegIdentity } from './call-event-posting.ts';
import { connectWebsocketLeg } from './caller-leg.ts';
import type { ContactCenterCallSnapshot } from './contact-center-record.ts';
import type { ConnectAction, ConnectResult, NccoEnding, NccoLeg } from './ncco-runner.ts';

export class AgentLeg implements NccoLeg {
  readonly identity: LegIdentity;
  private readonly ctx: CloudContext;
  private readonly call: CallRecord;
  private readonly record: ContactCenterCallSnapshot;
  private readonly contactCenterNumber: string;
  /** Settles the connect in progress when the agent's own leg ends. */
  private abandon: (() => void) | undefined;
  private over: (() => void) | undefined;
  private closeOther: (() => void) | undefined;

  constructor(ctx: CloudContext, call: CallRecord, record: ContactCenterCallSnapshot, contactCenterNumber: string) {
    this.ctx = ctx;
    this.call = call;
    this.record = record;
    this.contactCenterNumber = contactCenterNumber;
    this.identity = { uuid: call.callId, conversation_uuid: call.conversationId, direction: 'inbound', from: record.from, to: record.to };
  }

  say(): void {
    // The agent hears the far end's tone; the text is in the snapshot's prompts.
  }

  async connect(action: ConnectAction, events: CallEventPoster): Promise<ConnectResult> {
    if (this.call.state === 'ended') return { status: 'cancelled' };
    const { endpoint } = action;
    if (endpoint.type === 'websocket') {
      this.pushRinging();
      const result = await connectWebsocketLeg(this.ctx, this.call.callId, endpoint, action, events, this.record, (close) => (this.closeOther = close));
      if (result.status === 'answered' && this.ctx.state.markAnswered(this.call)) pushLegStatus(this.ctx, this.call, 'answered');
      return result;
    }
    const to = endpoint.type === 'app' ? endpoint.user : endpoint.number;
    const leg: LegIdentity = { uuid: this.call.remoteLegId, conversation_uuid: this.call.conversationId, direction: 'outbound', from: action.from ?? this.contactCenterNumber, to };
    events.leg('started', leg, action.eventUrl);
    const outcome = new Promise<CalleeBehaviour | 'cancelled'>((resolve) => {
      this.call.calleeSettled = resolve;
      this.abandon = () => resolve('cancelled');
    });
    this.ring(endpoint, action);
    events.leg('ringing', leg, action.eventUrl);
    const settled = await outcome;
    this.abandon = undefined;
    const result: ConnectResult =
      settled === 'answer'
        ? { status: 'answered', ended: new Promise((resolve) => (this.over = resolve)) }
        : { status: settled === 'busy' ? 'busy' : settled === 'no-answer' ? 'timeout' : 'cancelled' };
    if (result.status === 'answered') this.record.connectedTo = to;
    else if (result.status !== 'cancelled') this.ctx.phones?.calleeLegOver(this.call, result.status === 'busy' ? 'rejected' : 'missed');
    events.leg(result.status, leg, action.eventUrl);
    if (result.status === 'answered') void result.ended.then(() => events.leg('completed', leg, action.eventUrl));
    return result;
  }

  hangUp(ending: NccoEnding): void {
    if (this.call.state === 'ended') return;
    endCall(this.ctx, this.call, this.endingPlan(ending));
  }

  /** The agent's leg ended (either side hung up, or the NCCO did). */
  callEnded(): void {
    this.abandon?.();
    this.over?.();
    this.closeOther?.();
    this.abandon = this.over = this.closeOther = undefined;
  }

  private ring(endpoint: Exclude<ConnectAction['endpoint'], { type: 'websocket' }>, action: ConnectAction) {
    const { ctx, call } = this;
    ctx.timers.schedule(call.callId, action.timeoutMs, () => settleCallee(ctx, call, { behaviour: 'no-answer' }));
    if (endpoint.type === 'app') {
      const callee = ctx.state.findAgent(endpoint.user);
      if (callee && callee.userName !== call.agent.userName && ctx.state.sessionsOf(callee.userName).length > 0) {
        // Another agent: rung for real on every session (agent-to-agent.ts); their answer settles the connect.
        ringAgentFromAgent(ctx, call, callee.userName);
        return;
      }
    } else if (ctx.phones?.ringForAgent(call, endpoint.number, { caller: action.from ?? this.contactCenterNumber, ringTimeoutMs: action.timeoutMs })) {
      this.pushRinging();
      return;
    }
    // Anyone else is the scripted callee (setCallee): it answers with a tone, is busy, or never answers.
    this.pushRinging();
    const callee = { ...ctx.callee };
    ctx.timers.schedule(call.callId, outcomeDelay(ctx, callee), () => settleCallee(ctx, call, callee));
  }

  private pushRinging() {
    if (this.call.state === 'ringing') pushLegStatus(this.ctx, this.call, 'ringing');
  }

  private endingPlan(ending: NccoEnding): EndingPlan {
    if (ending.kind === 'failed') return { ...remoteHangupPlan(), endReason: 'NCCO_FAILED' };
    if (this.call.state === 'answered') return remoteHangupPlan();
    switch (ending.lastConnect) {
      case 'busy':
      case 'rejected':
        return calleeBusyPlan();
      case 'timeout':
      case 'unanswered':
      case 'failed':
        return calleeNoAnswerPlan();
      default:
        return remoteHangupPlan();
    }
  }
}
