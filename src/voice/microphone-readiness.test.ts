import { describe, expect, it } from 'vitest';
import { createMicrophoneReadiness } from './microphone-readiness';

/** A PermissionStatus whose state the test changes, firing `change` as the browser would. */
class FakePermissionStatus extends EventTarget {
  state: PermissionState;
  constructor(state: PermissionState) {
    super();
    this.state = state;
  }
  set(state: PermissionState) {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

/** getUserMedia that works or refuses as the test says; fires `devicechange` on demand. */
class FakeMediaDevices extends EventTarget {
  refuse = false;
  requests = 0;
  async getUserMedia(): Promise<MediaStream> {
    this.requests += 1;
    if (this.refuse) throw new DOMException('Permission denied', 'NotAllowedError');
    return { getTracks: () => [{ stop: () => undefined }] } as unknown as MediaStream;
  }
  devicesChanged() {
    this.dispatchEvent(new Event('devicechange'));
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(state: PermissionState | 'unknown') {
  const status = new FakePermissionStatus(state === 'unknown' ? 'prompt' : state);
  const devices = new FakeMediaDevices();
  const permissions = {
    query: () => (state === 'unknown' ? Promise.reject(new TypeError('not a valid PermissionName')) : Promise.resolve(status as unknown as PermissionStatus)),
  };
  return { status, devices, readiness: createMicrophoneReadiness(permissions, devices) };
}

describe('createMicrophoneReadiness', () => {
  it('knows the microphone works only once a check found it working with the permission granted', async () => {
    const { readiness } = setup('granted');
    await settle();
    expect(readiness.knownWorking()).toBe(false);
    expect(await readiness.check()).toEqual({ ok: true });
    expect(readiness.knownWorking()).toBe(true);
  });

  it('forgets it when a check fails, the permission changes or a device comes or goes', async () => {
    const { readiness, status, devices } = setup('granted');
    await settle();
    devices.refuse = true;
    expect((await readiness.check()).ok).toBe(false);
    expect(readiness.knownWorking()).toBe(false);

    devices.refuse = false;
    await readiness.check();
    status.set('prompt');
    status.set('granted');
    expect(readiness.knownWorking()).toBe(false);

    await readiness.check();
    devices.devicesChanged();
    expect(readiness.knownWorking()).toBe(false);
  });

  it('never skips the check while the browser would ask, or cannot tell', async () => {
    for (const state of ['prompt', 'denied', 'unknown'] as const) {
      const { readiness } = setup(state);
      await settle();
      await readiness.check();
      expect(readiness.knownWorking()).toBe(false);
    }
  });
});
