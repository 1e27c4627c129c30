// The SDK (2.3.1) says nothing when its socket drops: it reports `reconnecting` only at the first reconnect
// attempt, 1.25–5 s later (PROTOCOL.md §11), so the softphone would read "Ready" while no invite can reach
// it. The SDK keeps its socket private (only closures reach it), but it opens it with the socket.io-client
// module the app shares, so watching that module's Manager sees the SDK's socket. Only the SDK uses socket.io
// in this app.
import { Manager, type Socket } from 'socket.io-client';

/**
 * The SDK's first reconnect attempt comes 1.25–5 s after a drop (5 s ± 75 %); a softphone agents keep open
 * all day should be back within about a second of a blip. Later attempts still back off to the SDK's 5 s.
 */
export const firstReconnectDelayMs = 1_000;

type DropListener = (reason: string) => void;

const listeners = new Set<DropListener>();
const watched = new WeakSet<Socket>();
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const openSocket = Manager.prototype.socket;
  Manager.prototype.socket = function socket(this: Manager, ...args: Parameters<Manager['socket']>) {
    const opened = openSocket.apply(this, args);
    if (watched.has(opened)) return opened;
    watched.add(opened);
    this.reconnectionDelay(firstReconnectDelayMs);
    opened.on('disconnect', (reason) => {
      // Not the app's own deleteSession, nor the cloud's DISCONNECT, which the SDK reports at once itself.
      if (reason === 'io client disconnect' || reason === 'io server disconnect') return;
      for (const listener of listeners) listener(reason);
    });
    return opened;
  };
}

/** Calls `onDrop` whenever the SDK's socket drops without a goodbye. Returns the unsubscribe function. */
export function watchSdkSocket(onDrop: DropListener): () => void {
  install();
  listeners.add(onDrop);
  return () => listeners.delete(onDrop);
}
