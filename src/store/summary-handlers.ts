// Ended calls stay on screen as summaries until the agent dismisses them (call-list.ts caps how many).
import type { SomeEventHandlers } from './event-handlers';

export const summaryHandlers = {
  'summaries-dismissed': (state) => ({
    ...state,
    calls: Object.fromEntries(Object.entries(state.calls).filter(([, call]) => call.state !== 'ended')),
  }),
  'summary-dismissed': (state, event) => {
    if (state.calls[event.callId]?.state !== 'ended') return state;
    return { ...state, calls: Object.fromEntries(Object.entries(state.calls).filter(([id]) => id !== event.callId)) };
  },
} satisfies SomeEventHandlers;
