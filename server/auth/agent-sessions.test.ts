import { describe, expect, it } from 'vitest';
import { createAgentSessions } from './agent-sessions';

const hour = 60 * 60 * 1000;

describe('agent sessions', () => {
  it('finds an agent by session id until the session ends, then says it expired', () => {
    let now = 1_000;
    const sessions = createAgentSessions(3600, () => now);
    const { id, session } = sessions.create('Jane');
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(session).toEqual({ agent: 'Jane', expiresAt: 1_000 + hour });

    now += hour - 1;
    expect(sessions.lookup(id)).toEqual({ status: 'active', session });
    now += 1;
    expect(sessions.lookup(id)).toEqual({ status: 'session-expired' });
    expect(sessions.lookup('made-up')).toEqual({ status: 'signed-out' });
    expect(sessions.lookup(undefined)).toEqual({ status: 'signed-out' });
  });

  it('signs out one session without touching another of the same agent', () => {
    const sessions = createAgentSessions(3600, () => 0);
    const first = sessions.create('Jane');
    const second = sessions.create('Jane');
    sessions.end(first.id);
    sessions.end(first.id);
    sessions.end(undefined);
    expect(sessions.lookup(first.id)).toEqual({ status: 'signed-out' });
    expect(sessions.lookup(second.id).status).toBe('active');
  });

  it('remembers an expired session for a day, then forgets it at the next sign-in', () => {
    let now = 0;
    const sessions = createAgentSessions(3600, () => now);
    const { id } = sessions.create('Jane');
    now = hour + 24 * hour - 1;
    sessions.create('Joe');
    expect(sessions.lookup(id).status).toBe('session-expired');
    now += 1;
    sessions.create('Joe');
    expect(sessions.lookup(id).status).toBe('signed-out');
  });

  it('drops the oldest sessions beyond the cap', () => {
    const sessions = createAgentSessions(3600, () => 0, 2);
    const ids = ['Jane', 'Joe', 'Ann'].map((agent) => sessions.create(agent).id);
    expect(ids.map((id) => sessions.lookup(id).status)).toEqual(['signed-out', 'active', 'active']);
  });
});
