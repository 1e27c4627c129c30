// How long `talk` and `stream` take: a talk lasts about as long as it takes to say (150 words a minute, a
// small minimum), a stream is a tone of a fixed length (the emulator never fetches streamUrl); both repeat
// `loop` times and are sped up by `speechRate`.
import type { CloudTiming } from '../cloud-context.ts';

export function talkDurationMs(text: string, loop: number, timing: CloudTiming): number {
  const words = text.trim().split(/\s+/).filter((word) => word !== '').length;
  const once = Math.max(timing.speechMinimumMs, (words / timing.speechWordsPerMinute) * 60_000);
  return Math.round((once * loop) / timing.speechRate);
}

export function streamDurationMs(loop: number, timing: CloudTiming): number {
  return Math.round((timing.streamPlayMs * loop) / timing.speechRate);
}
