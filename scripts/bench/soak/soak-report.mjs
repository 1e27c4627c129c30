// The soak's tables and budgets. Never loosen a budget to make a run pass: a run over budget is the honest result.
import { round } from '../stats.mjs';

export const soakBudgets = {
  /** Used JS heap, last checkpoint minus call 0, after two full GCs. */
  heapGrowthMb: 5,
  /**
   * "Flat" for DOM nodes and JS event listeners: growth at most 2 % of the call-0 figure, and never less than
   * 10. Why not zero: between two idle moments the same screen can differ by a few nodes that are no leak: the
   * announcement region holds the last sentence (*Call with … ended.*), React may keep a text node split or
   * merged, and a node detached in the last frame is only collected on a later GC. A leak grows with calls:
   * one node per call is already 200 over 200 calls, far past the tolerance.
   */
  flatPercent: 2,
  flatAtLeast: 10,
};

const mb = (bytes) => round(bytes / 2 ** 20);

const figureRows = [
  ['used JS heap', (f) => `${mb(f.usedHeapBytes)} MB`, (a, b) => `${mb(b.usedHeapBytes - a.usedHeapBytes)} MB`],
  ['DOM nodes', (f) => String(f.nodes), (a, b) => signed(b.nodes - a.nodes)],
  ['  of which in the document', (f) => String(f.attachedNodes), (a, b) => signed(b.attachedNodes - a.attachedNodes)],
  ['JS event listeners', (f) => String(f.jsEventListeners), (a, b) => signed(b.jsEventListeners - a.jsEventListeners)],
  ['media elements reachable from JS', (f) => String(f.mediaElements), (a, b) => signed(b.mediaElements - a.mediaElements)],
  ['  of which detached', (f) => String(f.detachedMediaElements), (a, b) => signed(b.detachedMediaElements - a.detachedMediaElements)],
  ['documents', (f) => String(f.documents), (a, b) => signed(b.documents - a.documents)],
  ['RTCPeerConnections created', (f) => String(f.peerConnectionsCreated), (a, b) => signed(b.peerConnectionsCreated - a.peerConnectionsCreated)],
  ['  still reachable after GC', (f) => String(f.reachablePeerConnections), (a, b) => signed(b.reachablePeerConnections - a.reachablePeerConnections)],
  ['  of which open', (f) => String(f.openPeerConnections), (a, b) => signed(b.openPeerConnections - a.openPeerConnections)],
  ['getUserMedia tracks created', (f) => String(f.microphoneTracksCreated), (a, b) => signed(b.microphoneTracksCreated - a.microphoneTracksCreated)],
  ['  still reachable after GC', (f) => String(f.reachableMicrophoneTracks), (a, b) => signed(b.reachableMicrophoneTracks - a.reachableMicrophoneTracks)],
  ['  of which live', (f) => String(f.liveMicrophoneTracks), (a, b) => signed(b.liveMicrophoneTracks - a.liveMicrophoneTracks)],
  ['pending timeouts', (f) => String(f.pendingTimeouts), (a, b) => signed(b.pendingTimeouts - a.pendingTimeouts)],
  ['active intervals', (f) => String(f.activeIntervals), (a, b) => signed(b.activeIntervals - a.activeIntervals)],
  ['calls in the store (React tree)', (f) => String(f.callsInStore ?? 'n/a'), (a, b) => (a.callsInStore === null ? '' : signed(b.callsInStore - a.callsInStore))],
  ['calls on screen (DOM)', (f) => String(f.callsShown), (a, b) => signed(b.callsShown - a.callsShown)],
  ['history rows (IndexedDB, on disk)', (f) => String(f.historyRows), (a, b) => signed(b.historyRows - a.historyRows)],
];

function signed(value) {
  return value > 0 ? `+${value}` : String(value);
}

function aligned(cells) {
  const widths = cells[0].map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  return cells.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

/** The figures at each checkpoint (signed in, call 0, the middle, the end) and the growth from call 0 to the end. */
export function formatFigures(figures, timePerCall) {
  const zero = figures.find((figure) => figure.label === 'call 0');
  const end = figures.at(-1);
  const cells = [
    ['figure', ...figures.map((figure) => figure.label), `${zero.label} → ${end.label}`],
    ...figureRows.map(([name, value, growth]) => [name, ...figures.map(value), growth(zero, end)]),
  ];
  const time = `time per call: median ${timePerCall.median} ms, p95 ${timePerCall.p95} ms, max ${timePerCall.max} ms (first tenth median ${timePerCall.firstTenthMedian} ms, last tenth ${timePerCall.lastTenthMedian} ms)`;
  const kinds = Object.entries(timePerCall.medianByKind)
    .map(([kind, { calls, median }]) => `  ${kind}: ${calls} × median ${median} ms`)
    .join('\n');
  return `${aligned(cells)}\n${time}\n${kinds}`;
}

const placeOf = (frames) => frames.map((frame) => `${frame.url}:${frame.line}:${frame.column}`).join(' ');

/**
 * Live timers grouped by creator (kind and the served position that created them, named through `nameOf`): how
 * many at `before` and `after`; `groups` keeps those whose count changed (all of them when `before` is empty).
 */
export function timerGroups(before, after, nameOf) {
  const groups = new Map();
  const add = (timer, side) => {
    const key = `${timer.kind} ${placeOf(timer.from)}`;
    const group = groups.get(key) ?? { kind: timer.kind, from: nameOf(timer.from), before: 0, after: 0, delays: new Set() };
    group[side] += 1;
    group.delays.add(timer.delay);
    groups.set(key, group);
  };
  for (const timer of before) add(timer, 'before');
  for (const timer of after) add(timer, 'after');
  const list = [...groups.values()]
    .map(({ delays, ...group }) => ({ ...group, extra: group.after - group.before, delay: [...delays].sort((a, b) => a - b).join('/') }))
    .filter((group) => before.length === 0 || group.extra !== 0)
    .sort((a, b) => b.extra - a.extra || b.after - a.after);
  return { extra: after.length - before.length, groups: list };
}

const flatTolerance = (atCall0) => Math.max(Math.ceil((atCall0 * soakBudgets.flatPercent) / 100), soakBudgets.flatAtLeast);

/** metric, value, budget, ok (scripts/bench/budgets.mjs formatTable's rows). */
export function soakBudgetRows({ baseline, end, leaks, extraTimers }) {
  const heapGrowth = mb(end.usedHeapBytes - baseline.usedHeapBytes);
  const nodesTolerance = flatTolerance(baseline.nodes);
  const listenersTolerance = flatTolerance(baseline.jsEventListeners);
  const peerLeaks = leaks.filter((leak) => leak.openPeerConnections > 0).length;
  const trackLeaks = leaks.filter((leak) => leak.liveMicrophoneTracks > 0).length;
  const rows = [
    { metric: `used JS heap growth, call 0 → ${end.label}`, value: `${heapGrowth} MB`, budget: soakBudgets.heapGrowthMb, actual: heapGrowth, unit: 'MB', strict: true },
    { metric: `DOM nodes growth (flat: ≤ ${soakBudgets.flatPercent} % of call 0, at least ${soakBudgets.flatAtLeast})`, value: signed(end.nodes - baseline.nodes), budget: nodesTolerance, actual: end.nodes - baseline.nodes, unit: 'nodes' },
    { metric: 'JS event listeners growth (flat, same rule)', value: signed(end.jsEventListeners - baseline.jsEventListeners), budget: listenersTolerance, actual: end.jsEventListeners - baseline.jsEventListeners, unit: 'listeners' },
    { metric: 'documents growth', value: signed(end.documents - baseline.documents), budget: 0, actual: end.documents - baseline.documents, unit: 'documents' },
    { metric: 'calls after which a peer connection stayed open', value: String(peerLeaks), budget: 0, actual: peerLeaks, unit: 'calls' },
    { metric: `open peer connections at ${end.label}`, value: String(end.openPeerConnections), budget: 0, actual: end.openPeerConnections, unit: '' },
    { metric: 'calls after which a microphone track stayed live', value: String(trackLeaks), budget: 0, actual: trackLeaks, unit: 'calls' },
    { metric: `live timers beyond call 0 at ${end.label}`, value: signed(extraTimers.extra), budget: 0, actual: extraTimers.extra, unit: 'timers' },
  ];
  return rows.map(({ strict, ...row }) => ({ ...row, ok: strict ? row.actual < row.budget : row.actual <= row.budget }));
}
