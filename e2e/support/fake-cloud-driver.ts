import { expect, type Page } from '@playwright/test';
import type { CalleeOptions, FakeCallSnapshot, InviteCancelReason, MediaStats, RingAgentOptions } from '../../src/fake-cloud/control-api';
import type { TokenBackendBehaviour } from '../../src/demo/token-backend-control';

/** Drives the far end through `window.fakeVonage` (the QA contract), the way a caller or callee would act. */
export class FakeCloudDriver {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async ready() {
    await this.page.waitForFunction(() => window.fakeVonage !== undefined && window.fakeTokenBackend !== undefined);
    // The simulator panel sets its default callee when it mounts; wait for it so a test's own choice wins.
    await expect(this.page.getByRole('region', { name: 'Demo simulator' })).toBeVisible();
  }

  ringAgent(options: RingAgentOptions): Promise<string> {
    return this.page.evaluate((ring) => window.fakeVonage!.ringAgent(ring), options);
  }

  cancelInvite(callId: string, reason: InviteCancelReason): Promise<void> {
    return this.page.evaluate(([id, why]) => window.fakeVonage!.cancelInvite(id, why), [callId, reason] as const);
  }

  /** The caller gives up `delayMs` after the agent's answer reaches the cloud: the race between Answer and a cancel. */
  callerGivesUpAsAgentAnswers(callId: string, delayMs: number): Promise<void> {
    return this.page.evaluate(
      ([id, ms]) => window.fakeVonage!.cancelInvite(id, 'remote-cancel', { when: 'agent-answers', delayMs: ms }),
      [callId, delayMs] as const,
    );
  }

  callerHangsUp(callId: string): Promise<void> {
    return this.page.evaluate((id) => window.fakeVonage!.hangup(id), callId);
  }

  setCallee(options: CalleeOptions): Promise<void> {
    return this.page.evaluate((callee) => window.fakeVonage!.setCallee(callee), options);
  }

  calls(): Promise<FakeCallSnapshot[]> {
    return this.page.evaluate(() => window.fakeVonage!.calls());
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
    return this.page.evaluate((limit) => window.fakeVonage!.setMaxSessions(limit), max);
  }

  expireSession(agent: string): Promise<void> {
    return this.page.evaluate((name) => window.fakeVonage!.expireSession(name), agent);
  }

  dropConnection(agent: string, offlineMs = 0): Promise<void> {
    return this.page.evaluate(([name, ms]) => window.fakeVonage!.dropConnection(name, { offlineMs: ms }), [agent, offlineMs] as const);
  }

  restoreNetwork(agent: string): Promise<void> {
    return this.page.evaluate((name) => window.fakeVonage!.restoreNetwork(name), agent);
  }

  tokenBackendAnswers(behaviour: TokenBackendBehaviour): Promise<void> {
    return this.page.evaluate((next) => window.fakeTokenBackend!.setBehaviour(next), behaviour);
  }
}
