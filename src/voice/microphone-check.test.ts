import { describe, expect, it, vi } from 'vitest';
import { checkMicrophone } from './microphone-check';

function devices(getUserMedia: MediaDevices['getUserMedia']): MediaDevices {
  return { getUserMedia } as MediaDevices;
}

describe('checkMicrophone', () => {
  it('passes, and releases the microphone straight away', async () => {
    const stop = vi.fn();
    const stream = { getTracks: () => [{ stop }] } as unknown as MediaStream;
    await expect(checkMicrophone(devices(async () => stream))).resolves.toEqual({ ok: true });
    expect(stop).toHaveBeenCalledOnce();
  });

  it.each([
    ['NotAllowedError', /blocked for this site\. Allow it/],
    ['SecurityError', /blocked for this site/],
    ['NotFoundError', /No microphone was found/],
    ['OverconstrainedError', /No microphone was found/],
    ['NotReadableError', /another application may be using it/],
    ['TypeError', /could not be used/],
  ])('explains %s', async (name, message) => {
    const check = await checkMicrophone(devices(async () => Promise.reject(new DOMException('nope', name))));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });

  it('explains a page where the browser offers no microphone at all', async () => {
    const check = await checkMicrophone({} as MediaDevices);
    expect(check).toEqual({ ok: false, message: expect.stringMatching(/over HTTPS/) });
  });
});
