// POST /v0.3/conversations/{cid}/events from the SDK (mute, earmuff, DTMF). The SDK fires its own
// mute/earmuff/dtmf events only when the cloud pushes the event back, so every accepted event is echoed.
import { nextStamp, pushToAgent } from './call-events.ts';
import type { CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { audioDtmf, audioToggle } from './socket-events.ts';

export interface PostedEvent {
  type: string;
  from: string;
  digit?: string;
}

const toggles = {
  'audio:mute:on': (call: CallRecord) => (call.agentMuted = true),
  'audio:mute:off': (call: CallRecord) => (call.agentMuted = false),
  'audio:earmuff:on': (call: CallRecord) => (call.agentEarmuffed = true),
  'audio:earmuff:off': (call: CallRecord) => (call.agentEarmuffed = false),
} as const;

function isToggle(type: string): type is keyof typeof toggles {
  return type in toggles;
}

/** Returns the Int event id the SDK requires in the reply. */
export function postConversationEvent(ctx: CloudContext, call: CallRecord, event: PostedEvent): { id: number; timestamp: string } {
  const stamp = nextStamp(ctx, call);
  const from = event.from || call.agentMemberId;
  if (isToggle(event.type)) {
    toggles[event.type](call);
    pushToAgent(ctx, call, { type: event.type, payload: audioToggle(call, stamp, from) });
  } else if (event.type === 'audio:dtmf' && event.digit !== undefined) {
    call.dtmf += event.digit;
    pushToAgent(ctx, call, { type: 'audio:dtmf', payload: audioDtmf(call, stamp, from, event.digit) });
    // An agent's call run by an NCCO: its input collects the agent's keys.
    ctx.contactCenter?.agentPressed(call, event.digit);
  }
  return stamp;
}
