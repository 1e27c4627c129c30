import { Manager, type Socket } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { firstReconnectDelayMs, watchSdkSocket } from './sdk-socket-watch';

/** A socket as the SDK opens one (socket.io-client's own Manager), never connected. */
function sdkSocket() {
  const manager = new Manager('http://127.0.0.1:9', { autoConnect: false, reconnection: true, reconnectionDelay: 5_000 });
  const socket = manager.socket('/');
  // socket.io-client calls this itself when the transport closes; a test plays that moment.
  const close = (reason: string) => (socket as unknown as { onclose(reason: string): void }).onclose(reason);
  return { manager, socket: socket as Socket, close };
}

describe('watchSdkSocket', () => {
  it('reports a transport drop the moment it happens', () => {
    const onDrop = vi.fn();
    const stop = watchSdkSocket(onDrop);
    const { close } = sdkSocket();
    close('transport close');
    expect(onDrop).toHaveBeenCalledWith('transport close');
    stop();
  });

  it('ignores the app closing its own socket and the cloud ending the session (the SDK reports that itself)', () => {
    const onDrop = vi.fn();
    const stop = watchSdkSocket(onDrop);
    const { close } = sdkSocket();
    close('io client disconnect');
    close('io server disconnect');
    expect(onDrop).not.toHaveBeenCalled();
    stop();
  });

  it('makes the first reconnect attempt come within about a second', () => {
    const stop = watchSdkSocket(() => undefined);
    const { manager } = sdkSocket();
    expect(manager.reconnectionDelay()).toBe(firstReconnectDelayMs);
    stop();
  });

  it('stops reporting once unsubscribed, and watches a socket once however often it is asked for', () => {
    const onDrop = vi.fn();
    const stop = watchSdkSocket(onDrop);
    const { manager, close } = sdkSocket();
    manager.socket('/');
    close('transport close');
    expect(onDrop).toHaveBeenCalledTimes(1);
    stop();
    close('ping timeout');
    expect(onDrop).toHaveBeenCalledTimes(1);
  });
});
