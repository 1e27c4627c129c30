// Shared pieces for the fake cloud's unit tests: scripted far-end media and a socket that records frames.
import { vi } from 'vitest';
import { CallTimers } from './call-timers.ts';
import { defaultTiming, type CloudContext } from './cloud-context.ts';
import { sequentialIdFactory } from './cloud-ids.ts';
import { CloudState } from './cloud-state.ts';
import type { FarEndMedia } from './far-end-media.ts';
import { SocketHub, type SocketPort } from './socket-hub.ts';

export const testAgents = [
  { userName: 'Jane', userId: 'USR-jane', displayName: 'Jane Doe' },
  { userName: 'Joe', userId: 'USR-joe', displayName: 'Joe Bloggs' },
] as const;

export class ScriptedMedia implements FarEndMedia {
  readonly closed: string[] = [];
  readonly answers = new Map<string, string>();
  createOffer = vi.fn(async (callId: string) => `offer-for-${callId}`);
  async applyAnswer(callId: string, sdp: string): Promise<void> {
    this.answers.set(callId, sdp);
  }
  answerOffer = vi.fn(async (callId: string, sdp: string) => `answer-to-${callId}:${sdp}`);
  async packetsReceived(): Promise<number> {
    return 42;
  }
  close(callId: string): void {
    this.closed.push(callId);
  }
  readonly severed: string[] = [];
  sever(callId: string): void {
    this.severed.push(callId);
  }
  bridge = vi.fn();
}

export interface RecordedEvent {
  type: string;
  payload: Record<string, unknown>;
}

export class RecordingPort implements SocketPort {
  readonly id: string;
  readonly frames: string[] = [];
  closed = false;

  constructor(id: string) {
    this.id = id;
  }

  send(frame: string): void {
    this.frames.push(frame);
  }

  close(): void {
    this.closed = true;
  }

  /** Socket.IO events this port received, in order. */
  events(): RecordedEvent[] {
    return this.frames
      .filter((frame) => frame.startsWith('42'))
      .map((frame) => {
        const [type, payload] = JSON.parse(frame.slice(2)) as [string, Record<string, unknown>];
        return { type, payload };
      });
  }

  types(): string[] {
    return this.events().map((event) => event.type);
  }
}

export function testContext(): { ctx: CloudContext; media: ScriptedMedia } {
  const ids = sequentialIdFactory();
  const state = new CloudState(testAgents, ids, () => new Date('2026-01-02T03:04:05.000Z'));
  const media = new ScriptedMedia();
  const ctx: CloudContext = {
    state,
    ids,
    hub: new SocketHub(state),
    media,
    timers: new CallTimers(),
    timing: defaultTiming,
    callee: { behaviour: 'answer' },
  };
  return { ctx, media };
}

/** Opens a session for the user and attaches a recording socket to it. */
export function connectAgent(ctx: CloudContext, userName: string, portId = `${userName}-socket`): RecordingPort {
  const session = ctx.state.openSession(userName, `token-${userName}`);
  const port = new RecordingPort(portId);
  ctx.hub.attach(port, session.id);
  return port;
}
