import { describe, expect, it, vi } from 'vitest';
import { sdkAudioOutputs, type HasAudioOutput } from './sdk-audio-outputs';

/** A call's far-end audio as the SDK plays it: an element whose stream holds the call's received track. */
function callOutput() {
  const track = { readyState: 'live' } as MediaStreamTrack;
  const element = { pause: vi.fn(), srcObject: { getTracks: () => [track] } as unknown as MediaStream } as unknown as HTMLAudioElement;
  return { track, element };
}

describe('the SDK’s audio outputs', () => {
  it('keeps a held call’s element when a second call’s replaces it, and silences only the call that ends', () => {
    const media: HasAudioOutput = {};
    const outputs = sdkAudioOutputs(media);
    const held = callOutput();
    const second = callOutput();
    media.audio = held.element;
    media.audio = second.element;
    expect(outputs.all()).toEqual([held.element, second.element]);
    expect(outputs.elementFor([held.track])).toBe(held.element);

    outputs.release([second.track], false);
    expect(second.element.pause).toHaveBeenCalled();
    expect(second.element.srcObject).toBeNull();
    expect(held.element.pause).not.toHaveBeenCalled();
    // The SDK's own field points at the call that goes on, so what it reports (and the speaker) is that call's.
    expect(media.audio).toBe(held.element);

    outputs.release([], true);
    expect(held.element.pause).toHaveBeenCalled();
    expect(media.audio).toBeUndefined();
    expect(outputs.all()).toEqual([]);
  });

  it('also silences an element left playing nothing live, and is one registry per media client', () => {
    const media: HasAudioOutput = {};
    const finished = callOutput();
    const going = callOutput();
    sdkAudioOutputs(media);
    media.audio = finished.element;
    media.audio = going.element;
    (finished.track as { readyState: string }).readyState = 'ended';
    sdkAudioOutputs(media).release([], false);
    expect(finished.element.pause).toHaveBeenCalled();
    expect(going.element.pause).not.toHaveBeenCalled();
    expect(sdkAudioOutputs(media).all()).toEqual([going.element]);
  });

  it('tells listeners about each new element once', () => {
    const media: HasAudioOutput = {};
    const seen: unknown[] = [];
    sdkAudioOutputs(media).onNewElement((element) => seen.push(element));
    const one = callOutput();
    media.audio = one.element;
    media.audio = one.element;
    media.audio = undefined;
    expect(seen).toEqual([one.element]);
  });
});
