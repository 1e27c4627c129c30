// Simulated PSTN phones (the Phone page): parties with their own number that call agents and are called by
// them. A phone calling an agent is an inbound call to that agent, exactly as `ringAgent` places one; an
// agent dialling a phone's number rings that phone instead of the simulated callee, and the phone's answer,
// reject or silence settles the callee leg as the simulated callee would. A caller of the contact center whose
// NCCO connects to a phone's number rings that phone the same way (ringForCaller). Each phone's audio is a
// far-end peer of its own (`phone:<number>:<callId>`), bridged to the agent's far end (or the caller's) once
// both exist.
import { callerPressesKeys } from './caller-keypad.ts';
import { endCall } from './call-events.ts';
import { remoteHangup } from './call-hangups.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { inviteCancelPlan } from './ending-plans.ts';
import { ringAgent } from './inbound-calls.ts';
import { announceJoinedThen, settleCallee } from './outbound-calls.ts';
import type { PhoneKey, PhoneOutcome, PhoneSnapshot, PhoneStatus } from './phone-protocol.ts';

export type PhoneListener = (phone: PhoneSnapshot) => void;

/** What the phone's user typed: an agent's name, or a number (E.164 digits without '+'). */
export type PhoneDialTarget = { kind: 'agent'; name: string } | { kind: 'number'; digits: string } | { kind: 'invalid' };

/**
 * The demo's phones have London numbers from Ofcom's drama range (020 7946 0000–0999), upper half: numbers the
 * softphone's dialler accepts as valid, and clear of the ones the docs and tests use for the simulated callee.
 */
export const firstPhoneNumber = 442_079_460_501;
const defaultCountryCode = '44';

/**
 * Reads a dialled string as a phone's keypad would: `+44 7700 900123`, `0044…` and `07700 900123` (a national
 * UK number) are the same number; anything starting with a letter is an agent's name.
 */
export function parsePhoneDial(input: string): PhoneDialTarget {
  const text = input.trim();
  if (/^\p{L}[\p{L}\p{M} .'-]{0,63}$/u.test(text)) return { kind: 'agent', name: text };
  if (!/^\+?[\d\s().-]+$/.test(text)) return { kind: 'invalid' };
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return plausible(digits);
  if (digits.startsWith('00')) return plausible(digits.slice(2));
  if (digits.startsWith('0')) return plausible(defaultCountryCode + digits.slice(1));
  return plausible(digits);
}

function plausible(digits: string): PhoneDialTarget {
  // E.164: at most 15 digits; anything shorter than 7 is no subscriber number anywhere.
  return /^[1-9]\d{6,14}$/.test(digits) ? { kind: 'number', digits } : { kind: 'invalid' };
}

interface PhoneLine {
  number: string;
  status: PhoneStatus;
  remote?: string;
  direction?: 'outgoing' | 'incoming';
  callId?: string;
  digits: string;
  outcome?: PhoneOutcome;
  /** The phone's media peer for its current call, once the page offered. */
  mediaKey?: string;
  /** Dialling an agent before the cloud returned the call id; `abandoned` when the phone hung up meanwhile. */
  dialling?: { abandoned: boolean };
  /** An agent's call rings here once the agent hears it ring (member:joined is out): only then can it be answered. */
  alerting?: boolean;
  /** A call to the contact center's number: the caller's leg its NCCO runs on. */
  contactCenterLeg?: string;
  /** The contact center's `talk` being said now. */
  prompt?: string;
  /** Every `talk` the contact center said during this call, in order (repeats included). */
  said: string[];
  /** The contact center's input is collecting keys now. */
  listening?: boolean;
  /** Why the contact center's NCCO failed (the call then ended). */
  problem?: string;
  /** A caller's NCCO connect rings (or talks to) this phone: no agent's call is involved. */
  callerConnect?: CallerConnect;
  listener: PhoneListener;
}

/** A contact center caller's NCCO `connect` to a phone's number, as PhoneLines.ringForCaller gets it. */
export interface CallerConnectRequest {
  /** The connect's leg id: the phone's call id while it rings and talks. */
  legId: string;
  /** Who the phone shows as calling: the connect's `from` (or the caller's number). */
  caller: string;
  /** The caller's leg (its contact center call id): a Phone page caller's audio is found through it. */
  callerLegId: string;
  /** The caller's audio when no Phone page makes the call (a scripted caller). */
  callerMediaKey: string;
  /** The phone's answer, reject, or going away unanswered: settles the connect. */
  settle(outcome: 'answer' | 'busy' | 'no-answer'): void;
  /** The answered call is over on the phone's side (it hung up, or its page closed). */
  over(): void;
}

type CallerConnect = CallerConnectRequest & { contactCenterNumber: string | undefined };

/** A phone a caller's connect rings: `end` stops the ringing or ends the call when the caller's side is done. */
export interface RingingPhone {
  end(): void;
}

/** Clears what belonged to the phone's last call (media is closed separately). */
function forgetCall(line: PhoneLine) {
  line.callId = undefined;
  line.outcome = undefined;
  line.dialling = undefined;
  line.mediaKey = undefined;
  line.alerting = undefined;
  line.contactCenterLeg = undefined;
  line.prompt = undefined;
  line.said = [];
  line.listening = undefined;
  line.problem = undefined;
  line.callerConnect = undefined;
  line.digits = '';
}

const inCall = (line: PhoneLine) => line.status === 'calling' || line.status === 'ringing' || line.status === 'connected';

/** The far-end media key of a phone's audio during one call. */
export function phoneMediaKey(number: string, callId: string): string {
  return `phone:${number}:${callId}`;
}

export class PhoneLines {
  private readonly ctx: CloudContext;
  private readonly agentNames: readonly string[];
  private readonly lines = new Map<string, PhoneLine>();
  private nextNumber = firstPhoneNumber;

  constructor(ctx: CloudContext, agentNames: readonly string[]) {
    this.ctx = ctx;
    this.agentNames = agentNames;
  }

  /**
   * A phone comes on line (a Phone page opened). It keeps `requested` (e.g. its number before a reload) when
   * that is a free E.164 number; otherwise it gets the next free demo number.
   */
  register(listener: PhoneListener, requested?: string): PhoneSnapshot {
    let number = requested !== undefined && /^[1-9]\d{6,14}$/.test(requested) && !this.lines.has(requested) ? requested : undefined;
    while (number === undefined || this.lines.has(number)) {
      number = String(this.nextNumber);
      this.nextNumber += 1;
    }
    const line: PhoneLine = { number, status: 'idle', digits: '', said: [], listener };
    this.lines.set(number, line);
    return this.snapshotOf(line);
  }

  /** The phone went away (its page closed): its call ends as if it hung up, or rang out unanswered. */
  unregister(number: string): void {
    const line = this.lines.get(number);
    if (!line) return;
    line.listener = () => undefined;
    const call = line.callId === undefined ? undefined : this.ctx.state.call(line.callId);
    const { callerConnect } = line;
    if (line.status === 'ringing' && callerConnect) {
      this.finish(line, 'missed');
      callerConnect.settle('no-answer');
    } else if (line.status === 'ringing' && call) settleCallee(this.ctx, call, { behaviour: 'no-answer' });
    else if (inCall(line)) this.hangUp(number);
    this.closeMedia(line);
    this.lines.delete(number);
  }

  snapshots(): PhoneSnapshot[] {
    return [...this.lines.values()].map((line) => this.snapshotOf(line));
  }

  snapshot(number: string): PhoneSnapshot {
    return this.snapshotOf(this.line(number));
  }

  /** The cloud was reset (its calls forgotten without events): every phone is idle again, still on line. */
  reset(): void {
    for (const line of this.lines.values()) {
      this.closeMedia(line);
      if (line.dialling) line.dialling.abandoned = true;
      forgetCall(line);
      line.status = 'idle';
      line.remote = undefined;
      line.direction = undefined;
      this.notify(line);
    }
  }

  // The phone's own actions.

  async dial(number: string, input: string): Promise<void> {
    const line = this.line(number);
    if (inCall(line)) throw new CloudError(409, 'phone:error:busy', 'Hang up before calling again');
    const target = parsePhoneDial(input);
    if (target.kind === 'invalid') throw new CloudError(400, 'phone:error:invalid-number', `“${input.trim()}” is neither a number nor an agent’s name`);
    this.startCall(line, 'outgoing', target.kind === 'agent' ? target.name : target.digits);
    if (target.kind === 'number') {
      this.finish(line, target.digits === line.number ? 'busy' : 'unreachable');
      return;
    }
    const agent = this.agentNames.find((name) => name.toLowerCase() === target.name.toLowerCase());
    if (agent === undefined) {
      this.finish(line, 'unreachable');
      return;
    }
    line.remote = agent;
    if (this.ctx.state.sessionsOf(agent).length === 0) {
      this.finish(line, 'unavailable');
      return;
    }
    const dialling = { abandoned: false };
    line.dialling = dialling;
    line.status = 'calling';
    this.notify(line);
    let callId: string;
    try {
      callId = await ringAgent(this.ctx, { agent, from: line.number, fromType: 'phone' });
    } catch (error) {
      if (line.dialling === dialling && !dialling.abandoned) this.finish(line, 'failed');
      throw error;
    }
    const call = this.ctx.state.call(callId);
    if (dialling.abandoned || line.dialling !== dialling || !call) {
      // The phone hung up (or went away) while the cloud was still placing the call.
      if (call) endCall(this.ctx, call, inviteCancelPlan('remote-cancel'));
      return;
    }
    line.dialling = undefined;
    line.callId = callId;
    this.notify(line);
  }

  /** Calls the contact center's number: the emulator asks the backend's answer URL and runs its NCCO. */
  callContactCenter(number: string): void {
    const line = this.line(number);
    if (inCall(line)) throw new CloudError(409, 'phone:error:busy', 'Hang up before calling again');
    const contactCenter = this.ctx.contactCenter;
    if (!contactCenter) throw new CloudError(501, 'contact-center:error:needs-emulator', 'The contact center needs the emulator’s backend (npm run dev).');
    this.startCall(line, 'outgoing', contactCenter.number);
    line.status = 'calling';
    const ours = (legId: string) => line.contactCenterLeg === legId && inCall(line);
    const legId = contactCenter.callFromPhone(number, {
      answered: (leg) => {
        if (!ours(leg)) return;
        line.status = 'connected';
        line.callId = leg;
        this.notify(line);
      },
      says: (text) => {
        if (!ours(legId)) return;
        line.prompt = text;
        line.said = [...line.said, text];
        this.notify(line);
      },
      listening: (on) => {
        if (!ours(legId)) return;
        line.listening = on || undefined;
        this.notify(line);
      },
      connectedToAgent: (agentCallId, agent) => {
        if (!ours(legId)) return;
        // The page's audio follows the call id: it offers again, and that peer is joined to the agent's far end.
        this.closeMedia(line);
        line.mediaKey = undefined;
        line.callId = agentCallId;
        line.remote = agent;
        line.prompt = undefined;
        line.listening = undefined;
        this.notify(line);
      },
      ended: (outcome, problem) => {
        if (!ours(legId)) return;
        line.problem = problem;
        this.finish(line, outcome === 'failed' ? 'failed' : 'remote-hung-up');
      },
    });
    line.contactCenterLeg = legId;
    this.notify(line);
  }

  /** Answers an agent's call that rings this phone: the callee leg is answered as the simulated callee's is. */
  answer(number: string): void {
    const line = this.line(number);
    const { callerConnect } = line;
    if (callerConnect && line.status === 'ringing') {
      line.status = 'connected';
      this.notify(line);
      this.callerLineTalksTo(callerConnect, line.number);
      callerConnect.settle('answer');
      return;
    }
    const call = this.ringingCall(line);
    // Only the no-answer timer is left: the phone alerts once member:joined and the leg's `ringing` are out.
    this.ctx.timers.clear(call.callId);
    settleCallee(this.ctx, call, { behaviour: 'answer' });
    if (call.state !== 'answered') return;
    line.status = 'connected';
    this.notify(line);
  }

  /** Declines an agent's call: the agent hears busy. */
  reject(number: string): void {
    const line = this.line(number);
    const { callerConnect } = line;
    if (callerConnect && line.status === 'ringing') {
      this.finish(line, 'rejected');
      callerConnect.settle('busy');
      return;
    }
    settleCallee(this.ctx, this.ringingCall(line), { behaviour: 'busy' });
  }

  /** Hangs up: while calling an agent that withdraws the invite; while ringing it declines. */
  hangUp(number: string): void {
    const line = this.line(number);
    if (line.status === 'ringing') {
      this.reject(number);
      return;
    }
    if (line.status !== 'calling' && line.status !== 'connected') return;
    const { callerConnect } = line;
    if (callerConnect) {
      this.finish(line, 'hung-up');
      this.callerLineTalksTo(callerConnect, undefined);
      callerConnect.over();
      return;
    }
    if (line.contactCenterLeg !== undefined) {
      this.ctx.contactCenter?.callerHangsUp(line.contactCenterLeg);
      this.finish(line, 'hung-up');
      return;
    }
    if (line.dialling) {
      line.dialling.abandoned = true;
      line.dialling = undefined;
      this.finish(line, 'hung-up');
      return;
    }
    if (line.callId !== undefined) remoteHangup(this.ctx, line.callId);
  }

  /** A keypad press during a connected call is recorded with the call (an IVR reads them); otherwise ignored. */
  pressKey(number: string, key: PhoneKey): void {
    const line = this.line(number);
    if (line.status !== 'connected') return;
    line.digits += key;
    this.notify(line);
    // A contact center's input collects the keys (PSTN DTMF); once connected to an agent, the agent sees them.
    if (line.contactCenterLeg !== undefined) this.ctx.contactCenter?.callerPressed(line.contactCenterLeg, key);
    const agentCall = line.callId === undefined ? undefined : this.ctx.state.call(line.callId);
    if (agentCall?.state === 'answered') callerPressesKeys(this.ctx, agentCall.callId, key);
  }

  /** The page's audio for its connected call: a far-end peer answers, then joins the agent's far end. */
  async offer(number: string, callId: string, sdp: string): Promise<string> {
    const line = this.line(number);
    if (line.status !== 'connected' || line.callId !== callId) {
      throw new CloudError(409, 'phone:error:no-call', `Phone ${number} has no connected call ${callId}`);
    }
    const key = phoneMediaKey(number, callId);
    line.mediaKey = key;
    const answer = await this.ctx.media.answerOffer(key, sdp);
    if (line.status !== 'connected' || line.callId !== callId) {
      this.ctx.media.close(key);
      throw new CloudError(409, 'phone:error:no-call', `The call ${callId} ended`);
    }
    this.ctx.media.bridge?.(this.bridgedKeyOf(line) ?? callId, key);
    return answer;
  }

  // What the call flows tell the phones.

  /**
   * A contact center caller's NCCO `connect` to a number: if a phone has it, that phone rings showing the
   * connect's `from`, and its answer, reject or going away settles the connect (the caller's leg times it
   * out). `busy` when the phone is in a call; undefined when no phone has the number.
   */
  ringForCaller(dialled: string, request: CallerConnectRequest): RingingPhone | 'busy' | undefined {
    const line = this.lines.get(dialled.replace(/\D/g, ''));
    if (!line) return undefined;
    if (inCall(line)) return 'busy';
    const callerConnect: CallerConnect = { ...request, contactCenterNumber: this.ctx.contactCenter?.number };
    this.startCall(line, 'incoming', /^\+?\d+$/.test(request.caller) ? request.caller.replace(/\D/g, '') : request.caller);
    line.status = 'ringing';
    line.callId = request.legId;
    line.alerting = true;
    line.callerConnect = callerConnect;
    this.notify(line);
    return {
      end: () => {
        // Only while this connect is still the phone's call: the phone may have hung up, or taken another.
        if (line.callerConnect !== callerConnect || !inCall(line)) return;
        this.finish(line, line.status === 'ringing' ? 'missed' : 'remote-hung-up');
        this.callerLineTalksTo(callerConnect, undefined);
      },
    };
  }

  /** POST /knocking for a phone number: rings the phone with that number and returns true, if there is one. */
  ringForAgent(call: CallRecord, dialled: string, connect?: { caller: string; ringTimeoutMs: number }): boolean {
    const line = this.lines.get(dialled.replace(/\D/g, ''));
    if (!line) return false;
    const { ctx } = this;
    if (connect) return this.ringForConnect(line, call, connect);
    // As for the simulated callee, member:joined goes out after the knock's HTTP reply.
    const afterReply = (ringing: () => void) => ctx.timers.schedule(call.callId, ctx.timing.pushDelayMs, () => announceJoinedThen(ctx, call, ringing));
    if (inCall(line)) {
      afterReply(() => settleCallee(ctx, call, { behaviour: 'busy' }));
      return true;
    }
    this.startCall(line, 'incoming', call.agent.userName);
    line.status = 'ringing';
    line.callId = call.callId;
    afterReply(() => {
      line.alerting = true;
      this.notify(line);
      ctx.timers.schedule(call.callId, ctx.timing.phoneRingTimeoutMs, () => settleCallee(ctx, call, { behaviour: 'no-answer' }));
    });
    return true;
  }

  /**
   * An NCCO's connect from an agent's call (the agent's member has joined already): the Phone shows the
   * connect's `from` (the contact center's number) as the caller, and rings until the connect's timeout.
   */
  private ringForConnect(line: PhoneLine, call: CallRecord, connect: { caller: string; ringTimeoutMs: number }): boolean {
    const { ctx } = this;
    if (inCall(line)) {
      ctx.timers.schedule(call.callId, ctx.timing.pushDelayMs, () => settleCallee(ctx, call, { behaviour: 'busy' }));
      return true;
    }
    this.startCall(line, 'incoming', connect.caller);
    line.status = 'ringing';
    line.callId = call.callId;
    line.alerting = true;
    this.notify(line);
    ctx.timers.schedule(call.callId, connect.ringTimeoutMs, () => settleCallee(ctx, call, { behaviour: 'no-answer' }));
    return true;
  }

  /** An NCCO's connect to this phone ended unanswered, and the NCCO goes on: the phone stops ringing. */
  calleeLegOver(call: CallRecord, outcome: 'rejected' | 'missed'): void {
    const line = this.lineOf(call);
    if (line?.status === 'ringing') this.finish(line, outcome);
  }

  /** The agent answered the phone's call. */
  callAnswered(call: CallRecord): void {
    const line = this.lineOf(call);
    if (!line || line.status !== 'calling') return;
    line.status = 'connected';
    this.notify(line);
  }

  /** The agent's far-end peer was replaced (a media repair, a reload): join the phone's peer to the new one. */
  agentMediaRenewed(call: CallRecord): void {
    const line = this.lineOf(call);
    if (!line || line.status !== 'connected' || line.mediaKey === undefined) return;
    this.ctx.media.bridge?.(call.callId, line.mediaKey);
  }

  callEnded(call: CallRecord): void {
    const line = this.lineOf(call);
    // A contact center call goes on after its agent leaves (the NCCO decides): it ends the phone's call itself.
    if (!line || !inCall(line) || line.contactCenterLeg !== undefined) return;
    this.finish(line, outcomeOf(line, call.endReason));
  }

  /** The caller's own Phone page (if it is one) shows whom its connect joined it to, or the contact center again. */
  private callerLineTalksTo(connect: CallerConnect, calleeNumber: string | undefined) {
    const caller = this.callerLineOf(connect.callerLegId);
    if (!caller || !inCall(caller)) return;
    if (calleeNumber !== undefined) {
      caller.remote = calleeNumber;
      caller.prompt = undefined;
      caller.listening = undefined;
      const callee = this.calleeLineOf(connect.callerLegId);
      if (caller.mediaKey !== undefined && callee?.mediaKey !== undefined) this.ctx.media.bridge?.(caller.mediaKey, callee.mediaKey);
    } else if (connect.contactCenterNumber !== undefined) {
      caller.remote = connect.contactCenterNumber;
    }
    this.notify(caller);
  }

  /** The Phone page calling the contact center on this caller's leg. */
  private callerLineOf(callerLegId: string): PhoneLine | undefined {
    return [...this.lines.values()].find((line) => line.contactCenterLeg === callerLegId);
  }

  /** The phone that answered this caller's connect. */
  private calleeLineOf(callerLegId: string): PhoneLine | undefined {
    return [...this.lines.values()].find((line) => line.callerConnect?.callerLegId === callerLegId && line.status === 'connected');
  }

  /** Whose audio this phone's is joined to when that is not an agent's far end: the other end of a caller's connect. */
  private bridgedKeyOf(line: PhoneLine): string | undefined {
    if (line.callerConnect) {
      if (line.status !== 'connected') return undefined;
      return this.callerLineOf(line.callerConnect.callerLegId)?.mediaKey ?? line.callerConnect.callerMediaKey;
    }
    if (line.contactCenterLeg === undefined || !inCall(line)) return undefined;
    return this.calleeLineOf(line.contactCenterLeg)?.mediaKey;
  }

  private startCall(line: PhoneLine, direction: 'outgoing' | 'incoming', remote: string) {
    this.closeMedia(line);
    forgetCall(line);
    line.direction = direction;
    line.remote = remote;
  }

  private finish(line: PhoneLine, outcome: PhoneOutcome) {
    line.status = 'ended';
    line.outcome = outcome;
    this.closeMedia(line);
    this.notify(line);
  }

  private closeMedia(line: PhoneLine) {
    if (line.mediaKey === undefined) return;
    this.ctx.media.close(line.mediaKey);
  }

  private ringingCall(line: PhoneLine): CallRecord {
    const call = line.callId === undefined ? undefined : this.ctx.state.call(line.callId);
    if (line.status !== 'ringing' || !line.alerting || !call || call.state !== 'ringing') {
      throw new CloudError(409, 'phone:error:not-ringing', `Phone ${line.number} is not ringing`);
    }
    return call;
  }

  /** Whether a Phone page dialled this agent call directly (not through the contact center's number). */
  dialledDirectly(call: CallRecord): boolean {
    const line = this.lineOf(call);
    return line !== undefined && line.contactCenterLeg === undefined;
  }

  private lineOf(call: CallRecord): PhoneLine | undefined {
    return [...this.lines.values()].find((line) => line.callId === call.callId);
  }

  private line(number: string): PhoneLine {
    const line = this.lines.get(number);
    if (!line) throw new CloudError(404, 'phone:error:not-found', `No phone with number ${number}`);
    return line;
  }

  private notify(line: PhoneLine) {
    line.listener(this.snapshotOf(line));
  }

  private snapshotOf(line: PhoneLine): PhoneSnapshot {
    const { number, status, remote, direction, callId, digits, outcome, mediaKey, prompt, said, listening, problem } = line;
    const relayed = (key: string | undefined) => (key === undefined ? 0 : (this.ctx.media.relayedFrames?.(key) ?? 0));
    const partner = mediaKey === undefined ? undefined : (this.bridgedKeyOf(line) ?? callId);
    return {
      number,
      status,
      ...(remote === undefined ? {} : { remote }),
      ...(direction === undefined ? {} : { direction }),
      ...(callId === undefined ? {} : { callId }),
      digits,
      ...(outcome === undefined ? {} : { outcome }),
      ...(prompt === undefined || status !== 'connected' ? {} : { prompt }),
      ...(said.length === 0 ? {} : { said }),
      ...(listening === true && status === 'connected' ? { listening } : {}),
      ...(problem === undefined ? {} : { problem }),
      ...(this.ctx.contactCenter ? { contactCenterNumber: this.ctx.contactCenter.number } : {}),
      media: { framesToAgent: relayed(mediaKey), framesFromAgent: relayed(partner) },
    };
  }
}

/** The cloud's end reason (see ending-plans.ts) read from the phone's side of its call. */
function outcomeOf(line: PhoneLine, endReason: string | undefined): PhoneOutcome {
  const wasConnected = line.status === 'connected';
  if (line.direction === 'outgoing') {
    switch (endReason) {
      case 'REMOTE_REJECT':
        return 'busy';
      case 'RING_TIMER':
        return 'no-answer';
      case 'REMOTE_CANCEL':
      case 'REMOTE_HANGUP':
        return 'hung-up';
      case 'MEDIA_FAILURE':
        return 'failed';
      default:
        return wasConnected ? 'remote-hung-up' : 'failed';
    }
  }
  switch (endReason) {
    case 'REMOTE_BUSY':
      return 'rejected';
    case 'REMOTE_HANGUP':
      return 'hung-up';
    case 'REMOTE_NO_ANSWER':
      return 'missed';
    default:
      return wasConnected ? 'remote-hung-up' : 'missed';
  }
}
