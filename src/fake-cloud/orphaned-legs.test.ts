import { describe, expect, it } from 'vitest';
import { acceptAgentAnswer, ringAgent } from './inbound-calls.ts';
import { OrphanedLegWatch } from './orphaned-legs.ts';
import { connectAgent, testContext } from './test-support.ts';

async function connectedCallWithWatch() {
  const { ctx, media } = testContext();
  const tab = connectAgent(ctx, 'Jane');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  await acceptAgentAnswer(ctx, call, 'sdk-answer');
  let time = 1_000_000;
  const clock = { advance: (ms: number) => void (time += ms) };
  const watch = new OrphanedLegWatch(ctx, () => time);
  let packets = 100;
  media.packetsReceived = async () => packets;
  const agentSpeaks = () => void (packets += 50);
  return { ctx, tab, call, watch, clock, agentSpeaks };
}

const timeout = 30_000;

describe('legs orphaned by a vanished page', () => {
  it('ends a connected call whose agent has no socket and sends no audio for the timeout', async () => {
    const { ctx, tab, call, watch, clock } = await connectedCallWithWatch();
    ctx.hub.detach(tab);
    await watch.check();
    clock.advance(timeout - 1);
    await watch.check();
    expect(call.state).toBe('answered');
    clock.advance(1);
    await watch.check();
    expect(call).toMatchObject({ state: 'ended', endReason: 'ORPHANED_LEG' });
    // The session kept the ending for when (if ever) it comes back.
    const session = ctx.state.sessionsOf('Jane')[0];
    expect(session?.pending.map((event) => event.type)).toEqual(expect.arrayContaining(['member:left', 'rtc:hangup']));
  });

  it('keeps a call whose audio still flows though its socket is gone (a network blip)', async () => {
    const { ctx, tab, call, watch, clock, agentSpeaks } = await connectedCallWithWatch();
    ctx.hub.detach(tab);
    for (let round = 0; round < 10; round += 1) {
      await watch.check();
      clock.advance(10_000);
      agentSpeaks();
    }
    expect(call.state).toBe('answered');
  });

  it('keeps a silent call while the agent’s socket is open (a media repair), and restarts the clock after', async () => {
    const { ctx, tab, call, watch, clock } = await connectedCallWithWatch();
    await watch.check();
    clock.advance(timeout * 2);
    await watch.check();
    expect(call.state).toBe('answered');
    ctx.hub.detach(tab);
    await watch.check();
    clock.advance(timeout - 1);
    await watch.check();
    expect(call.state).toBe('answered');
  });
});
