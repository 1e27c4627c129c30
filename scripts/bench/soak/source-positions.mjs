// Names a position in a served chunk of the soak build (what the page's stack frames give) by its place in the
// sources, through the build's own source maps (emulator builds have them). source-map-js comes with Vite's
// toolchain; without it, or without a map, the chunk position is given as it is.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

async function loadConsumer() {
  try {
    const { SourceMapConsumer } = await import('source-map-js');
    return SourceMapConsumer;
  } catch {
    return undefined;
  }
}

/**
 * `outDir`: the build served; returns `nameOf(frames)`: the stack frames (`{ url, line, column }`, innermost
 * first) as places in the sources, `a ← b` (a called by b).
 */
export async function sourcePositions(outDir) {
  const SourceMapConsumer = await loadConsumer();
  const consumers = new Map();
  const consumerFor = (url) => {
    if (!SourceMapConsumer) return undefined;
    const file = path.join(outDir, new URL(url).pathname);
    if (!consumers.has(file)) {
      const map = `${file}.map`;
      consumers.set(file, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : undefined);
    }
    return consumers.get(file);
  };
  const place = (frame) => {
    const chunk = `${new URL(frame.url).pathname.replace(/^\/assets\//, '')}:${frame.line}:${frame.column}`;
    const original = consumerFor(frame.url)?.originalPositionFor({ line: frame.line, column: frame.column - 1 });
    if (!original?.source) return chunk;
    const source = original.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
    return `${source}:${original.line}`;
  };
  return (frames) => {
    const places = frames.map(place).filter((name, index, all) => index === 0 || name !== all[index - 1]);
    return places.length > 0 ? places.join(' ← ') : 'unknown code';
  };
}
