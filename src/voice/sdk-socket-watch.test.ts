import { describe, expect, it, vi } from 'vitest';
import { firstReconnectDelayMs, watchSdkSocket } from './sdk-socket-watch';

/** Shaped like the SDK 2.3.1 object graph: the JS SocketClient sits inside mangled Kotlin fields. */
function fakeSdkClient() {
  const disconnectListeners: Array<(reason: string) => void> = [];
  const manager = { reconnectionDelay: vi.fn() };
  class SocketClient {
    socket?: { on: (event: 'disconnect', listener: (reason: string) => void) => void; io: typeof manager };
    connect() {
      this.socket = { on: (_event, listener) => disconnectListeners.push(listener), io: manager };
    }
    setQuery() {}
    startVerifyResponseTimer() {}
  }
  const socketClient = new SocketClient();
  const client = { e3z_1: { unrelated: true }, i3z_1: { w1m_1: { g48_1: socketClient } } };
  const drop = (reason: string) => disconnectListeners.forEach((listener) => listener(reason));
  return { client, socketClient, manager, drop };
}

describe('watchSdkSocket', () => {
  it('finds the SDK socket client and reports a transport drop the moment it happens', () => {
    const { client, socketClient, drop } = fakeSdkClient();
    const onDrop = vi.fn();
    expect(watchSdkSocket(client, onDrop)).toBe(true);
    socketClient.connect();
    drop('transport close');
    drop('ping timeout');
    expect(onDrop.mock.calls).toEqual([['transport close'], ['ping timeout']]);
  });

  it('ignores the app closing its own socket and the cloud ending the session (the SDK reports that itself)', () => {
    const { client, socketClient, drop } = fakeSdkClient();
    const onDrop = vi.fn();
    watchSdkSocket(client, onDrop);
    socketClient.connect();
    drop('io client disconnect');
    drop('io server disconnect');
    expect(onDrop).not.toHaveBeenCalled();
  });

  it('makes the first reconnect attempt come within about a second', () => {
    const { client, socketClient, manager } = fakeSdkClient();
    watchSdkSocket(client, () => undefined);
    socketClient.connect();
    expect(manager.reconnectionDelay).toHaveBeenCalledWith(firstReconnectDelayMs);
  });

  it('says so when the SDK has no socket client it recognises', () => {
    expect(watchSdkSocket({ a: { b: {} } }, () => undefined)).toBe(false);
  });
});
