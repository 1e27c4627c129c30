// The contact center's number and every call its NCCOs run: callers dialling the number (a Phone page, or a
// scripted caller from the control API) and agents' outbound calls (serverCall). Each asks the backend's
// answer URL, then an NccoRun plays the NCCO on the caller's leg. Only hosts that serve the backend (the
// emulator) create one; the in-page cloud keeps its direct call flows.
import { pushMemberJoined } from '../call-events.ts';
import { CloudError, type CloudContext } from '../cloud-context.ts';
import type { CallRecord } from '../cloud-state.ts';
import { phoneMediaKey } from '../phone-lines.ts';
import { AgentLeg } from './agent-leg.ts';
import { CallEventPoster } from './call-event-posting.ts';
import { CallerLeg, type CallerLine } from './caller-leg.ts';
import type { ContactCenterOptions, InboundFlow, SetInboundFlowResult } from './contact-center-port.ts';
import type { ContactCenterCallOrigin, ContactCenterCallSnapshot } from './contact-center-record.ts';
import { NccoRun } from './ncco-runner.ts';

interface RunningCall {
  record: ContactCenterCallSnapshot;
  run: NccoRun;
  events: CallEventPoster;
  caller?: CallerLeg;
  agentLeg?: { leg: AgentLeg; call: CallRecord };
}

/** A scripted caller has no screen: it only hears (a tone far end) and presses what the control API sends. */
const scriptedLine: CallerLine = {
  answered: () => undefined,
  says: () => undefined,
  listening: () => undefined,
  connectedToAgent: () => undefined,
  ended: () => undefined,
};

const maxEndedCalls = 100;

/** Scripted callers get numbers from Ofcom's drama range for mobiles unless the control API names one. */
const scriptedCallerNumber = '447700900123';

export class ContactCenterCalls {
  private readonly ctx: CloudContext;
  private readonly options: ContactCenterOptions;
  private readonly calls = new Map<string, RunningCall>();

  constructor(ctx: CloudContext, options: ContactCenterOptions) {
    this.ctx = ctx;
    this.options = options;
  }

  get number(): string {
    return this.options.number;
  }

  info(): { number: string; inboundFlow: InboundFlow } {
    return { number: this.options.number, inboundFlow: this.options.inboundFlow() };
  }

  /** A custom NCCO must pass Vonage's checks; an invalid one is never applied (the previous flow stays). */
  setInboundFlow(flow: unknown): SetInboundFlowResult {
    const problems = flowProblems(flow, (name) => this.ctx.state.findAgent(name) !== undefined);
    if (problems.length > 0) return { ok: false, problems };
    const checked = flow as InboundFlow;
    if (checked.kind === 'custom') {
      const validation = this.options.validate(checked.ncco);
      if (!validation.ok) return { ok: false, problems: validation.problems };
      this.options.applyInboundFlow({ kind: 'custom', ncco: validation.ncco });
    } else {
      this.options.applyInboundFlow(checked.kind === 'agent' ? { kind: 'agent', agent: checked.agent } : { kind: 'ivr' });
    }
    return { ok: true };
  }

  /** A Phone page dialled the number; returns the caller's leg id. */
  callFromPhone(number: string, line: CallerLine): string {
    return this.callIn('phone', number, line);
  }

  /** A scripted caller (tone far end) dials the number; returns the caller's leg id. */
  callFromScript(from?: string): string {
    const number = (from ?? scriptedCallerNumber).replace(/^\+/, '');
    if (!/^[1-9]\d{6,14}$/.test(number)) throw new CloudError(400, 'http:error:validation-fail', `“${from}” is not an E.164 number`);
    return this.callIn('scripted', number, undefined);
  }

  sendDigits(legId: string, digits: string): void {
    if (!/^[0-9*#]+$/.test(digits)) throw new CloudError(400, 'http:error:validation-fail', 'Digits are 0-9, * and #');
    const call = this.calls.get(legId);
    if (!call || call.record.state === 'ended') throw new CloudError(404, 'contact-center:error:not-found', `No contact center call ${legId} in progress`);
    call.run.press(digits);
  }

  /** A Phone's keypad during its call to the contact center (ignored once that call is over). */
  callerPressed(legId: string, key: string): void {
    const call = this.calls.get(legId);
    if (call && call.record.state !== 'ended') call.run.press(key);
  }

  /** The caller hung up (the Phone's Hang up, the page closing, the control API's hangup). */
  callerHangsUp(legId: string): void {
    const call = this.calls.get(legId);
    if (!call || call.record.state === 'ended') return;
    call.run.stop();
    call.caller?.callerHungUp();
    this.close(call, 'caller-hung-up');
  }

  /** POST /knocking with the contact center in place: the answer URL decides where the agent's call goes. */
  agentServerCall(call: CallRecord, customData: Record<string, unknown>): void {
    const to = typeof customData.to === 'string' ? customData.to : call.remote;
    const record = this.newRecord('agent', call.callId, call.conversationId, call.agent.userName, to);
    const events = new CallEventPoster(this.options.webhooks, record, () => this.ctx.state.timestamp());
    const leg = new AgentLeg(this.ctx, call, record, this.options.number);
    const run = new NccoRun(leg, { webhooks: this.options.webhooks, validate: this.options.validate, timing: this.ctx.timing, events, record });
    this.calls.set(record.id, { record, run, events, agentLeg: { leg, call } });
    // The application answers the agent's leg at once: member:joined goes out after the knock's reply (well
    // within the SDK's 10 s), then the answer URL is asked, so every leg:status follows member:joined.
    call.agentJoinAnnounced = true;
    this.ctx.timers.schedule(call.callId, this.ctx.timing.pushDelayMs, () => {
      pushMemberJoined(this.ctx, call);
      for (const status of ['started', 'ringing', 'answered']) events.leg(status, leg.identity);
      this.options.webhooks
        .answer({ uuid: call.callId, conversation_uuid: call.conversationId, from_user: call.agent.userName, to, custom_data: customData })
        .then((ncco) => run.run(ncco), (error: unknown) => run.fail(`The answer URL failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  // The Voice API's view (voice-api/call-legs.ts): which caller talks to which agent leg, and transfers.

  /** The caller of the number whose connect is talking to this agent's leg now. */
  callerConnectedTo(agentCallId: string): { from: string; conversationId: string } | undefined {
    for (const { record, caller } of this.calls.values()) {
      if (caller && record.state !== 'ended' && record.agentCallId === agentCallId && record.connectedTo !== undefined) {
        return { from: record.from, conversationId: record.conversationId };
      }
    }
    return undefined;
  }

  /** Every caller's leg (not agents' outbound calls), for the Voice API's call listing. */
  callerLegs(): Array<{ id: string; conversationId: string; from: string; to: string; ended: boolean }> {
    return [...this.calls.values()]
      .filter(({ caller }) => caller !== undefined)
      .map(({ record }) => ({ id: record.id, conversationId: record.conversationId, from: record.from, to: record.to, ended: record.state === 'ended' }));
  }

  /**
   * Voice API transfer: the caller's NCCO stops where it is and the new one runs on the same caller. The agent
   * the caller was talking to keeps their leg until their app hangs it up; its end no longer concerns the caller.
   */
  transferCaller(legId: string, ncco: unknown): void {
    const call = this.calls.get(legId);
    if (!call?.caller || call.record.state === 'ended') throw new CloudError(404, 'voice:error:not-found', `No caller ${legId} in progress`);
    call.run.stop();
    call.caller.releaseForTransfer();
    call.record.agentCallId = undefined;
    call.record.connectedTo = undefined;
    call.record.transfers = (call.record.transfers ?? 0) + 1;
    call.run = this.newRun(call.caller, call.events, call.record);
    void call.run.run(ncco);
  }

  /** Voice API transfer of a caller rung straight at an agent: the contact center takes them over with this NCCO. */
  adoptCaller(from: string, ncco: unknown): string {
    const id = this.ctx.ids.next('LEG');
    const record = this.newRecord('scripted', id, this.ctx.ids.next('CON'), from, this.options.number);
    record.transfers = 1;
    const events = new CallEventPoster(this.options.webhooks, record, () => this.ctx.state.timestamp());
    const caller = new CallerLeg(this.ctx, record, this.closingLine(scriptedLine, id), id);
    const run = this.newRun(caller, events, record);
    this.calls.set(id, { record, run, events, caller });
    void run.run(ncco);
    return id;
  }

  /** An agent's key (sendDTMF) on a call whose NCCO may be collecting digits. */
  agentPressed(call: CallRecord, digits: string): void {
    const running = this.calls.get(call.callId);
    if (running?.agentLeg) running.run.press(digits);
  }

  agentAnswered(call: CallRecord): void {
    for (const running of this.calls.values()) if (running.caller?.agentAnswered(call)) return;
  }

  agentCallEnded(call: CallRecord): void {
    const own = this.calls.get(call.callId);
    if (own?.agentLeg && own.record.state !== 'ended') {
      const byAgent = call.endReason === 'LOCAL_HANGUP';
      own.run.stop();
      own.agentLeg.leg.callEnded();
      this.close(own, call.endReason === 'NCCO_FAILED' ? 'failed' : byAgent ? 'caller-hung-up' : 'completed');
      return;
    }
    for (const running of this.calls.values()) if (running.caller?.agentCallEnded(call)) return;
  }

  snapshots(): ContactCenterCallSnapshot[] {
    return [...this.calls.values()].map(({ record }) => structuredClone(record));
  }

  /** The cloud was reset: every run stops without events, and the number answers with the IVR again. */
  reset(): void {
    for (const call of this.calls.values()) call.run.stop();
    this.calls.clear();
    this.options.applyInboundFlow({ kind: 'ivr' });
  }

  private callIn(origin: 'phone' | 'scripted', from: string, line: CallerLine | undefined): string {
    const id = this.ctx.ids.next('LEG');
    const record = this.newRecord(origin, id, this.ctx.ids.next('CON'), from, this.options.number);
    const events = new CallEventPoster(this.options.webhooks, record, () => this.ctx.state.timestamp());
    const mediaKey = origin === 'phone' ? phoneMediaKey(from, id) : id;
    const caller = new CallerLeg(this.ctx, record, this.closingLine(line ?? scriptedLine, id), mediaKey);
    const run = new NccoRun(caller, { webhooks: this.options.webhooks, validate: this.options.validate, timing: this.ctx.timing, events, record });
    this.calls.set(id, { record, run, events, caller });
    events.leg('started', caller.identity);
    events.leg('ringing', caller.identity);
    // Vonage answers the call, then asks the answer URL what to do with it.
    setTimeout(() => {
      if (record.state === 'ended') return;
      events.leg('answered', caller.identity);
      line?.answered(id);
      this.options.webhooks
        .answer({ uuid: id, conversation_uuid: record.conversationId, from, to: this.options.number })
        .then((ncco) => run.run(ncco), (error: unknown) => run.fail(`The answer URL failed: ${error instanceof Error ? error.message : String(error)}`));
    }, this.ctx.timing.calleeRingDelayMs);
    return id;
  }

  /** The caller's line, also closing the record when the NCCO hangs up. */
  private closingLine(line: CallerLine, id: string): CallerLine {
    return {
      answered: (legId) => line.answered(legId),
      says: (text) => line.says(text),
      listening: (on) => line.listening(on),
      connectedToAgent: (agentCallId, agent) => line.connectedToAgent(agentCallId, agent),
      ended: (outcome, problem) => {
        const call = this.calls.get(id);
        if (call) this.close(call, outcome);
        line.ended(outcome, problem);
      },
    };
  }

  private close(call: RunningCall, outcome: NonNullable<ContactCenterCallSnapshot['outcome']>) {
    const { record } = call;
    if (record.state === 'ended') return;
    record.state = 'ended';
    record.outcome = outcome;
    record.currentAction = undefined;
    const identity = call.caller?.identity ?? call.agentLeg?.leg.identity;
    if (identity) call.events.leg('completed', identity);
  }

  private newRun(leg: CallerLeg, events: CallEventPoster, record: ContactCenterCallSnapshot): NccoRun {
    return new NccoRun(leg, { webhooks: this.options.webhooks, validate: this.options.validate, timing: this.ctx.timing, events, record });
  }

  private newRecord(origin: ContactCenterCallOrigin, id: string, conversationId: string, from: string, to: string): ContactCenterCallSnapshot {
    // A long demo session keeps the latest ended calls only.
    const ended = [...this.calls.values()].filter((call) => call.record.state === 'ended');
    for (const old of ended.slice(0, Math.max(0, ended.length - maxEndedCalls))) this.calls.delete(old.record.id);
    return { id, conversationId, origin, from, to, state: 'answering', prompts: [], digits: '', events: [] };
  }
}

function flowProblems(flow: unknown, knownAgent: (name: string) => boolean): string[] {
  if (typeof flow !== 'object' || flow === null || !('kind' in flow)) return ['The flow must be { kind: "agent" | "ivr" | "custom" }'];
  const value = flow as Record<string, unknown>;
  switch (value.kind) {
    case 'ivr':
      return [];
    case 'agent':
      return typeof value.agent === 'string' && knownAgent(value.agent) ? [] : [`No agent named ${String(value.agent)}`];
    case 'custom':
      return Array.isArray(value.ncco) ? [] : ['A custom flow needs an NCCO: a JSON array of actions'];
    default:
      return [`Unknown inbound flow ${String(value.kind)}`];
  }
}
