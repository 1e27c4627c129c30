import { findSdkObject, hasMethods } from './sdk-internals';

// The SDK (2.3.1) says nothing when its socket drops: it reports `reconnecting` only at the first reconnect
// attempt, 1.25–5 s later (PROTOCOL.md §11), so the softphone would read "Ready" while no invite can reach
// it. This reaches the SDK's socket client, which the SDK keeps private, and reports the drop at once.

/** The parts of socket.io-client's Socket and Manager used here. */
interface WatchedSocket {
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  io: { reconnectionDelay(ms: number): unknown };
}

/** The SDK's own JS SocketClient. */
interface SdkSocketClient {
  socket?: WatchedSocket;
  connect(...args: unknown[]): void;
  setQuery(...args: unknown[]): void;
  startVerifyResponseTimer(...args: unknown[]): void;
}

const isSdkSocketClient = (value: object): value is SdkSocketClient =>
  hasMethods(value, 'connect', 'setQuery', 'startVerifyResponseTimer');

/**
 * The SDK's first reconnect attempt comes 1.25–5 s after a drop (5 s ± 75 %); a softphone agents keep open
 * all day should be back within about a second of a blip. Later attempts still back off to the SDK's 5 s.
 */
export const firstReconnectDelayMs = 1_000;

/**
 * Calls `onDrop` whenever the SDK's socket drops without a goodbye (a transport close or a ping timeout). Returns false when the SDK's socket client could not be found (a changed SDK): the
 * softphone then learns of drops only from the SDK's own, later, `reconnecting`.
 */
export function watchSdkSocket(client: object, onDrop: (reason: string) => void): boolean {
  const socketClient = findSdkObject(client, isSdkSocketClient);
  if (!socketClient) return false;
  const connect = socketClient.connect.bind(socketClient);
  socketClient.connect = (...args: unknown[]) => {
    connect(...args);
    const socket = socketClient.socket;
    if (!socket) return;
    socket.io.reconnectionDelay(firstReconnectDelayMs);
    socket.on('disconnect', (reason) => {
      // The app's own deleteSession, and the cloud's DISCONNECT, which the SDK reports at once itself.
      if (reason !== 'io client disconnect' && reason !== 'io server disconnect') onDrop(reason);
    });
  };
  return true;
}
