// What the soak counts inside the page, from outside the app: an init script (installed before the page's own
// scripts) records every RTCPeerConnection, every getUserMedia track and every live timer, and a reader walks
// React's fiber tree to the softphone store's provider to count the calls the store keeps. Nothing in src/ is
// changed or asked for help.
//
// Timers: setTimeout / setInterval are wrapped. A timeout is live from its creation until it fires or is
// cleared; an interval until it is cleared (browsers share one id space, so either clear function ends either).
// Each live timer keeps its delay and the served script position that created it (the first stack frame in a
// served file), so a timer left running can be named (scripts/bench/soak/source-positions.mjs maps it back to src/).
// Peers and tracks are held through WeakRefs, so the census itself keeps nothing alive (a strong reference
// would keep every closed peer and stopped track, and their listeners, for the whole run): one collected is
// counted as such. Chromium keeps an open RTCPeerConnection alive, and a collected track captures nothing.

/** Serialized by Playwright into the page: must not close over anything. */
export function installSoakCensus() {
  if (window.__softphoneSoak) return;

  // The first three stack frames in served scripts (an app helper such as the store's setTimer is named with
  // the code that called it).
  const creator = () => {
    const frames = (new Error().stack ?? '').split('\n').slice(2);
    const served = [];
    for (const line of frames) {
      const match = /(https?:\/\/[^\s)]+):(\d+):(\d+)/.exec(line);
      if (!match) continue;
      served.push({ url: match[1], line: Number(match[2]), column: Number(match[3]) });
      if (served.length === 3) break;
    }
    return served;
  };

  const timers = new Map();
  const nativeSetTimeout = window.setTimeout;
  const nativeClearTimeout = window.clearTimeout;
  const nativeSetInterval = window.setInterval;
  const nativeClearInterval = window.clearInterval;
  let timeoutsCreated = 0;
  let intervalsCreated = 0;

  window.setTimeout = function setTimeout(handler, delay, ...args) {
    const from = creator();
    const run =
      typeof handler === 'function'
        ? function fire(...values) {
            timers.delete(id);
            return handler.apply(this, values);
          }
        : handler;
    const id = nativeSetTimeout.call(window, run, delay, ...args);
    if (typeof handler === 'function') timers.set(id, { id, kind: 'timeout', delay: Number(delay) || 0, from, at: performance.now() });
    timeoutsCreated += 1;
    return id;
  };
  window.setInterval = function setInterval(handler, delay, ...args) {
    const from = creator();
    const id = nativeSetInterval.call(window, handler, delay, ...args);
    timers.set(id, { id, kind: 'interval', delay: Number(delay) || 0, from, at: performance.now() });
    intervalsCreated += 1;
    return id;
  };
  window.clearTimeout = function clearTimeout(id) {
    timers.delete(id);
    return nativeClearTimeout.call(window, id);
  };
  window.clearInterval = function clearInterval(id) {
    timers.delete(id);
    return nativeClearInterval.call(window, id);
  };

  const peers = [];
  const NativePeerConnection = window.RTCPeerConnection;
  const RecordedPeerConnection = new Proxy(NativePeerConnection, {
    construct(target, args, newTarget) {
      const peer = Reflect.construct(target, args, newTarget);
      peers.push({ peer: new WeakRef(peer), from: creator() });
      return peer;
    },
  });
  NativePeerConnection.prototype.constructor = RecordedPeerConnection;
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection']) {
    if (window[name] !== NativePeerConnection) continue;
    Object.defineProperty(window, name, { configurable: true, writable: true, enumerable: false, value: RecordedPeerConnection });
  }

  const tracks = [];
  const recorded = new WeakSet();
  const record = (stream) => {
    for (const track of stream.getTracks()) {
      if (recorded.has(track)) continue;
      recorded.add(track);
      tracks.push(new WeakRef(track));
    }
    return stream;
  };
  const nativeGetUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function getUserMedia(constraints) {
    return nativeGetUserMedia.call(this, constraints).then(record);
  };
  const nativeTrackClone = MediaStreamTrack.prototype.clone;
  MediaStreamTrack.prototype.clone = function clone() {
    const copy = nativeTrackClone.call(this);
    if (recorded.has(this)) {
      recorded.add(copy);
      tracks.push(new WeakRef(copy));
    }
    return copy;
  };

  const closed = (peer) => peer.signalingState === 'closed' || peer.connectionState === 'closed';

  Object.defineProperty(window, '__softphoneSoak', {
    configurable: false,
    enumerable: false,
    value: {
      /** Counts now; `timers` lists each live timer (kind, delay, creator) for naming what is left running. */
      snapshot() {
        const live = [...timers.values()];
        const now = performance.now();
        const reachablePeers = peers.map(({ peer, from }) => ({ peer: peer.deref(), from })).filter(({ peer }) => peer !== undefined);
        const openPeers = reachablePeers.filter(({ peer }) => !closed(peer));
        const reachableTracks = tracks.map((track) => track.deref()).filter((track) => track !== undefined);
        return {
          peerConnections: peers.length,
          reachablePeerConnections: reachablePeers.length,
          openPeerConnections: openPeers.length,
          openPeers: openPeers.map(({ peer, from }) => ({ connectionState: peer.connectionState, signalingState: peer.signalingState, from })),
          microphoneTracks: tracks.length,
          reachableMicrophoneTracks: reachableTracks.length,
          liveMicrophoneTracks: reachableTracks.filter((track) => track.readyState === 'live').length,
          pendingTimeouts: live.filter((timer) => timer.kind === 'timeout').length,
          activeIntervals: live.filter((timer) => timer.kind === 'interval').length,
          timeoutsCreated,
          intervalsCreated,
          timers: live.map((timer) => ({ id: timer.id, kind: timer.kind, delay: timer.delay, from: timer.from, ageMs: Math.round(now - timer.at) })),
        };
      },
    },
  });
}

/**
 * Read in the page: the softphone store (the value of SoftphoneStoreContext's provider, found by walking React's
 * fiber tree from the root container) and how many calls it holds, open and ended; then the same from the DOM
 * (Last call and its "N earlier ended calls", the call regions) as a cross-check. `store` is null when the
 * provider cannot be found (React's internals changed): the DOM count still stands.
 */
export function readCallsKept() {
  const regions = (name) => document.querySelectorAll(`section[aria-label="${name}"]`).length;
  const lastCall = document.querySelector('section[aria-label="Last call"]');
  const earlier = lastCall ? Number(/(\d+) earlier ended call/.exec(lastCall.textContent ?? '')?.[1] ?? 0) : 0;
  const dom = {
    endedShown: lastCall ? 1 + earlier : 0,
    openShown: regions('Incoming call') + regions('Outgoing call') + regions('Active call') + regions('On hold'),
  };

  const container = document.getElementById('root');
  const key = container && Object.keys(container).find((name) => name.startsWith('__reactContainer$'));
  let store = null;
  const stack = key ? [container[key]] : [];
  const seen = new Set();
  while (stack.length > 0 && store === null) {
    const fiber = stack.pop();
    if (!fiber || seen.has(fiber)) continue;
    seen.add(fiber);
    const value = fiber.memoizedProps?.value;
    if (value && typeof value.getState === 'function' && typeof value.subscribe === 'function') {
      const state = value.getState();
      if (state && typeof state.calls === 'object') store = state;
    }
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
  if (store === null) return { store: null, dom };
  const calls = Object.values(store.calls);
  // Every other collection the store holds, by size: one growing with calls would show here.
  const collections = Object.fromEntries(
    Object.entries(store)
      .filter(([, value]) => value !== null && typeof value === 'object')
      .map(([name, value]) => [name, value instanceof Map || value instanceof Set ? value.size : Array.isArray(value) ? value.length : Object.keys(value).length]),
  );
  return {
    store: { calls: calls.length, ended: calls.filter((call) => call.state === 'ended').length, collections },
    dom,
  };
}

/** Read in the page: rows of the agent's call history in IndexedDB (on disk by design, capped at 10,000). */
export async function countHistoryRows() {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('agent-softphone');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('calls')) return 0;
    return await new Promise((resolve, reject) => {
      const request = db.transaction('calls').objectStore('calls').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Read in the page: nodes in the document itself (the CDP counter also counts detached nodes still reachable). */
export function countAttachedNodes() {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let count = 1;
  while (walker.nextNode()) count += 1;
  return count;
}
