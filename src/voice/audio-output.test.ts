// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAudioOutputRouter } from './audio-output';

/** An <audio> element as far as routing goes: happy-dom has no setSinkId, so the prototype gets one per test. */
function fakeElement(known = ['speaker-1']) {
  const element = document.createElement('audio');
  let sinkId = '';
  Object.defineProperty(element, 'sinkId', { get: () => sinkId });
  Object.defineProperty(element, 'setSinkId', {
    value: vi.fn(async (id: string) => {
      if (id !== '' && !known.includes(id)) throw new DOMException('Requested device not found', 'NotFoundError');
      sinkId = id;
    }),
  });
  return element;
}

describe('the audio output router', () => {
  const prototype = HTMLMediaElement.prototype as Partial<HTMLMediaElement>;
  const hadSetSinkId = 'setSinkId' in prototype;
  afterEach(() => {
    if (!hadSetSinkId) delete prototype.setSinkId;
  });

  it('routes the SDK’s current element and every element it makes later', async () => {
    prototype.setSinkId ??= async () => undefined;
    const media: { audio?: HTMLAudioElement } = { audio: fakeElement() };
    const router = createAudioOutputRouter(media);
    expect(await router.setDevice('speaker-1')).toEqual({ ok: true });
    expect(media.audio?.sinkId).toBe('speaker-1');
    const next = fakeElement();
    media.audio = next;
    await vi.waitFor(() => expect(next.sinkId).toBe('speaker-1'));
    expect(router.currentSinkId()).toBe('speaker-1');
    media.audio = undefined;
    expect(router.currentSinkId()).toBeUndefined();
  });

  it('routes a held call’s element too, not only the SDK’s newest', async () => {
    prototype.setSinkId ??= async () => undefined;
    const held = fakeElement();
    const media: { audio?: HTMLAudioElement } = { audio: held };
    const router = createAudioOutputRouter(media);
    const second = fakeElement();
    media.audio = second;
    expect(await router.setDevice('speaker-1')).toEqual({ ok: true });
    expect(held.sinkId).toBe('speaker-1');
    expect(second.sinkId).toBe('speaker-1');
  });

  it('says so when the device is not there, or the browser cannot choose at all', async () => {
    prototype.setSinkId ??= async () => undefined;
    const router = createAudioOutputRouter({ audio: fakeElement() });
    expect(await router.setDevice('unplugged')).toEqual({ ok: false, reason: 'not-found' });
    delete prototype.setSinkId;
    expect(await createAudioOutputRouter({}).setDevice('speaker-1')).toEqual({ ok: false, reason: 'unsupported' });
  });
});
