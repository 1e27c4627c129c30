import { expect, type Page } from '@playwright/test';
import type {
  BreakMediaOptions,
  CalleeOptions,
  FakeCallSnapshot,
  FakeSessionSnapshot,
  FakeVonageControl,
  InviteCancelReason,
  MediaStats,
  RingAgentOptions,
} from '../../src/fake-cloud/control-api';
import { emulatorControlClient, emulatorTokenBackendClient } from '../../src/fake-cloud/control-http-client';
import type { InboundFlow, SetInboundFlowResult } from '../../src/fake-cloud/ncco/contact-center-port';
import type { ContactCenterCallSnapshot } from '../../src/fake-cloud/ncco/contact-center-record';
import type { DegradeCallOptions } from '../../src/fake-cloud/media-degrade';
import type { FakeTokenBackendControl, TokenBackendBehaviour } from '../../src/demo/token-backend-control';

/**
 * Drives the far end the way a caller or callee would act. On the emulator it talks to the control API
 * over HTTP from Node (the typed client in control-http-client.ts): no `page.evaluate`, and it keeps
 * working while the agent's page reloads. On the static demo the cloud lives in the page, so it goes
 * through `window.fakeVonage` (the QA contract). Media stats always come through the agent's page: the
 * agent's side of a call can only be read there.
 */
export class FakeCloudDriver {
  private readonly page: Page;
  private readonly cloud: FakeVonageControl;
  private readonly tokenBackend: FakeTokenBackendControl;

  /** `emulatorUrl`: the emulator's origin; without it, the cloud in `page`. */
  constructor(page: Page, emulatorUrl?: string) {
    this.page = page;
    this.cloud = emulatorUrl === undefined ? inPageCloud(page) : emulatorControlClient(emulatorUrl);
    this.tokenBackend = emulatorUrl === undefined ? inPageTokenBackend(page) : emulatorTokenBackendClient(emulatorUrl);
  }

  async ready() {
    await this.page.waitForFunction(() => window.fakeVonage !== undefined && window.fakeTokenBackend !== undefined);
    // The simulator panel sets its default callee when it mounts; wait for it so a test's own choice wins.
    await expect(this.page.getByRole('region', { name: 'Demo simulator' })).toBeVisible();
  }

  ringAgent(options: RingAgentOptions): Promise<string> {
    return this.cloud.ringAgent(options);
  }

  cancelInvite(callId: string, reason: InviteCancelReason): Promise<void> {
    return this.cloud.cancelInvite(callId, reason);
  }

  /** The caller gives up `delayMs` after the agent's answer reaches the cloud: the race between Answer and a cancel. */
  callerGivesUpAsAgentAnswers(callId: string, delayMs: number): Promise<void> {
    return this.cloud.cancelInvite(callId, 'remote-cancel', { when: 'agent-answers', delayMs });
  }

  callerHangsUp(callId: string): Promise<void> {
    return this.cloud.hangup(callId);
  }

  setCallee(options: CalleeOptions): Promise<void> {
    return this.cloud.setCallee(options);
  }

  calls(): Promise<FakeCallSnapshot[]> {
    return this.cloud.calls();
  }

  async call(callId: string): Promise<FakeCallSnapshot | undefined> {
    return (await this.calls()).find((call) => call.callId === callId);
  }

  async onlyCall(): Promise<FakeCallSnapshot> {
    const calls = await this.calls();
    expect(calls).toHaveLength(1);
    return calls[0]!;
  }

  mediaStats(callId: string): Promise<MediaStats> {
    return this.page.evaluate((id) => window.fakeVonage!.mediaStats(id), callId);
  }

  /** Real RTP both ways: the far end hears the agent, the agent's SDK receives the far end and plays it. */
  async expectAudioBothWays(callId: string) {
    await expect
      .poll(async () => {
        const stats = await this.mediaStats(callId);
        return Math.min(stats.farEndPacketsReceived, stats.agentPacketsReceived);
      }, { message: 'RTP packets flow both ways', timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await this.mediaStats(callId)).agentAudioPlaying, { message: 'the agent hears the far end' })
      .toBe(true);
  }

  /** Agent-to-agent: what this agent says reaches the other agent's far end and is sent on to them. */
  async expectHeardByTheOtherAgent(callId: string) {
    await expect
      .poll(async () => (await this.mediaStats(callId)).relayedToOtherAgent ?? 0, { message: 'the other agent hears this one' })
      .toBeGreaterThan(0);
  }

  /** Packets keep arriving on both sides: media survives whatever the test just did to the signalling. */
  async expectAudioStillFlowing(callId: string) {
    const before = await this.mediaStats(callId);
    await expect
      .poll(async () => {
        const now = await this.mediaStats(callId);
        return now.farEndPacketsReceived > before.farEndPacketsReceived && now.agentPacketsReceived > before.agentPacketsReceived;
      }, { message: 'RTP keeps flowing both ways' })
      .toBe(true);
  }

  setMaxSessions(max: number): Promise<void> {
    return this.cloud.setMaxSessions(max);
  }

  expireSession(agent: string): Promise<void> {
    return this.cloud.expireSession(agent);
  }

  dropConnection(agent: string, offlineMs = 0): Promise<void> {
    return this.cloud.dropConnection(agent, { offlineMs });
  }

  restoreNetwork(agent: string): Promise<void> {
    return this.cloud.restoreNetwork(agent);
  }

  /** The call's audio path breaks as after a network change; see FakeVonageControl.breakMedia. */
  breakMedia(callId: string, options?: BreakMediaOptions): Promise<void> {
    return this.cloud.breakMedia(callId, options);
  }

  /** The audio the agent receives is degraded (loss, jitter) until `restoreCall`; see FakeVonageControl.degradeCall. */
  degradeCall(callId: string, options: DegradeCallOptions): Promise<void> {
    return this.cloud.degradeCall(callId, options);
  }

  restoreCall(callId: string): Promise<void> {
    return this.cloud.restoreCall(callId);
  }

  sessions(agent: string): Promise<FakeSessionSnapshot[]> {
    return this.cloud.sessions(agent);
  }

  /** The other party presses keys during the answered call; the agent's SDK gets them as DTMF. */
  callerPresses(callId: string, digits: string): Promise<void> {
    return this.cloud.callerPresses(callId, digits);
  }

  contactCenterCalls(): Promise<ContactCenterCallSnapshot[]> {
    return this.cloud.contactCenterCalls();
  }

  async contactCenterCall(id: string): Promise<ContactCenterCallSnapshot | undefined> {
    return (await this.contactCenterCalls()).find((call) => call.id === id);
  }

  /** Resolves once the contact center call's NCCO runs `action` (e.g. waits for its input). */
  async expectContactCenterAction(id: string, action: string) {
    await expect.poll(async () => (await this.contactCenterCall(id))?.currentAction, { message: `the NCCO reaches ${action}`, timeout: 20_000 }).toBe(action);
  }

  setInboundFlow(flow: InboundFlow): Promise<SetInboundFlowResult> {
    return this.cloud.setInboundFlow(flow);
  }

  /** A scripted caller (tone) dials the contact center's number; resolves to its leg id. */
  callContactCenter(from?: string): Promise<string> {
    return this.cloud.callContactCenter(from === undefined ? undefined : { from });
  }

  sendDigits(callerLegId: string, digits: string): Promise<void> {
    return this.cloud.sendDigits(callerLegId, digits);
  }

  tokenBackendAnswers(behaviour: TokenBackendBehaviour): Promise<void> {
    return this.tokenBackend.setBehaviour(behaviour);
  }
}

/** The static demo's cloud, inside the page: every call goes through `window.fakeVonage`. */
function inPageCloud(page: Page): FakeVonageControl {
  const call =
    <M extends keyof FakeVonageControl>(method: M) =>
    (...args: Parameters<FakeVonageControl[M]>) =>
      page.evaluate(
        ([name, values]) => (window.fakeVonage![name] as (...a: unknown[]) => Promise<unknown>)(...values),
        [method, args] as const,
      ) as ReturnType<FakeVonageControl[M]>;
  return {
    ringAgent: call('ringAgent'),
    cancelInvite: call('cancelInvite'),
    hangup: call('hangup'),
    setCallee: call('setCallee'),
    calls: call('calls'),
    mediaStats: call('mediaStats'),
    expireSession: call('expireSession'),
    dropConnection: call('dropConnection'),
    setMaxSessions: call('setMaxSessions'),
    reset: call('reset'),
    restoreNetwork: call('restoreNetwork'),
    breakMedia: call('breakMedia'),
    degradeCall: call('degradeCall'),
    restoreCall: call('restoreCall'),
    sessions: call('sessions'),
    phones: call('phones'),
    contactCenter: call('contactCenter'),
    setInboundFlow: call('setInboundFlow'),
    callContactCenter: call('callContactCenter'),
    sendDigits: call('sendDigits'),
    callerPresses: call('callerPresses'),
    contactCenterCalls: call('contactCenterCalls'),
  };
}

function inPageTokenBackend(page: Page): FakeTokenBackendControl {
  return {
    setBehaviour: (behaviour) => page.evaluate((next) => window.fakeTokenBackend!.setBehaviour(next), behaviour),
    requests: () => page.evaluate(() => window.fakeTokenBackend!.requests()),
    reset: () => page.evaluate(() => window.fakeTokenBackend!.reset()),
  };
}
