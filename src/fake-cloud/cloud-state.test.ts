import { describe, expect, it } from 'vitest';
import { sequentialIdFactory } from './cloud-ids.ts';
import { CloudState } from './cloud-state.ts';
import { testAgents } from './test-support.ts';

function newState() {
  return new CloudState(testAgents, sequentialIdFactory(), () => new Date('2026-01-02T03:04:05.000Z'));
}

describe('CloudState', () => {
  it('keeps a session across reconnects and takes the newest token', () => {
    const state = newState();
    const first = state.openSession('Jane', 'old');
    const again = state.openSession('Jane', 'new', first.id);
    expect(again).toBe(first);
    expect(again.token).toBe('new');
  });

  it('adopts an unknown requested session id (reloaded page) but never another user’s session', () => {
    const state = newState();
    expect(state.openSession('Jane', 't', 'sess-from-before').id).toBe('sess-from-before');
    const joes = state.openSession('Joe', 't');
    const stolen = state.openSession('Jane', 't', joes.id);
    expect(stolen.id).not.toBe(joes.id);
    expect(state.session(joes.id)?.userName).toBe('Joe');
  });

  it('ends sessions and lists a user’s sessions', () => {
    const state = newState();
    const a = state.openSession('Jane', 't');
    state.openSession('Jane', 't');
    state.openSession('Joe', 't');
    expect(state.sessionsOf('Jane')).toHaveLength(2);
    state.endSession(a.id);
    expect(state.sessionsOf('Jane')).toHaveLength(1);
    expect(state.session(a.id)).toBeUndefined();
  });

  it('queues pending events and hands them over once', () => {
    const state = newState();
    const session = state.openSession('Jane', 't');
    state.queuePending(session, { type: 'member:invited', id: 1 });
    expect(state.takePending(session)).toEqual([{ type: 'member:invited', id: 1 }]);
    expect(state.takePending(session)).toEqual([]);
  });

  it('moves a call ringing -> answered -> ended exactly once each', () => {
    const state = newState();
    const call = state.createInboundCall(testAgents[0], '447700900001', 'phone');
    expect(call.state).toBe('ringing');
    expect(state.markAnswered(call)).toBe(true);
    expect(state.markAnswered(call)).toBe(false);
    expect(state.markEnded(call, 'REMOTE_HANGUP')).toBe(true);
    expect(state.markEnded(call, 'LOCAL_HANGUP')).toBe(false);
    expect(call.endReason).toBe('REMOTE_HANGUP');
    expect(state.markAnswered(call)).toBe(false);
  });

  it('numbers events per conversation with growing integers', () => {
    const state = newState();
    const a = state.createInboundCall(testAgents[0], '1', 'phone');
    const b = state.createInboundCall(testAgents[0], '2', 'phone');
    expect([state.nextEventId(a), state.nextEventId(a), state.nextEventId(b)]).toEqual([1, 2, 1]);
  });

  it('finds calls by id, conversation and knocker, with fresh ids per call', () => {
    const state = newState();
    const inbound = state.createInboundCall(testAgents[0], '1', 'phone');
    const outbound = state.createOutboundCall(testAgents[1]);
    state.setCallee(outbound, { type: 'phone', number: '447700900002' });
    expect(inbound.conversationId).not.toBe(outbound.conversationId);
    expect(state.call(outbound.callId)).toBe(outbound);
    expect(state.callByConversation(inbound.conversationId)).toBe(inbound);
    expect(outbound.knockingId).toBeDefined();
    expect(state.callByKnocking(outbound.knockingId ?? '')).toBe(outbound);
    expect(outbound.remote).toBe('447700900002');
  });

  it('describes the agent channel from the caller for inbound and to the callee for outbound', () => {
    const state = newState();
    const inbound = state.createInboundCall(testAgents[0], 'Joe', 'app');
    expect(state.agentChannel(inbound)).toEqual({
      id: inbound.callId,
      type: 'app',
      from: { type: 'app', user: 'Joe' },
      to: { type: 'app', user: 'Jane' },
    });
    const outbound = state.createOutboundCall(testAgents[0]);
    state.setCallee(outbound, { type: 'phone', number: '447700900002' });
    expect(state.agentChannel(outbound)).toMatchObject({
      from: { type: 'app', user: 'Jane' },
      to: { type: 'phone', number: '447700900002' },
    });
  });

  it('snapshots calls for the control API', () => {
    const state = newState();
    const call = state.createInboundCall(testAgents[0], '447700900001', 'phone');
    call.agentMuted = true;
    call.dtmf = '12';
    state.markEnded(call, 'REMOTE_CANCEL');
    expect(state.snapshots()).toEqual([
      {
        callId: call.callId,
        conversationId: call.conversationId,
        direction: 'inbound',
        agent: 'Jane',
        remote: '447700900001',
        state: 'ended',
        endReason: 'REMOTE_CANCEL',
        agentMuted: true,
        agentEarmuffed: false,
        dtmf: '12',
      },
    ]);
  });
});
