// A call answered before the page reloaded, taken back by this page.
import { endIfPresent, updateCall, withCall } from './call-list';
import type { SomeEventHandlers } from './event-handlers';

export const recoveryHandlers = {
  'call-resuming': (state, event) => {
    const { call } = event;
    if (state.calls[call.callId]) return state;
    return withCall(state, {
      id: call.callId,
      direction: call.direction,
      state: 'active',
      remote: call.remote,
      channelType: call.channelType,
      ...(call.soundCheck ? { soundCheck: true } : {}),
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      // The renegotiated media starts with a live microphone; a muted call is muted again once it is back.
      muted: false,
      mutePending: false,
      hangupPending: false,
      rejectPending: false,
      // Until this page has renegotiated the call's media, nothing is heard either way.
      audioReconnecting: true,
    });
  },
  'call-resumed': (state, event) => updateCall(state, event.callId, () => ({ audioReconnecting: undefined })),
  'call-resume-failed': (state, event) => endIfPresent(state, event.callId, 'resume-failed', event.at, event.message),
} satisfies SomeEventHandlers;
