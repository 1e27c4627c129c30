import type { Call } from '@/store/softphone-state';

/** A call as the store holds it, ended unless the test says otherwise. */
export function endedCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 'CALL-1',
    direction: 'inbound',
    state: 'ended',
    remote: '447700900123',
    channelType: 'phone',
    startedAt: 1_000,
    answeredAt: 3_000,
    endedAt: 65_400,
    endReason: 'remote-hangup',
    muted: false,
    mutePending: false,
    hangupPending: false,
    rejectPending: false,
    ...overrides,
  };
}
