// The entry chunk's floor: a blank React app (floor-app/) built by the same Vite, with the same React plugin
// and minifier, in the same run as the app, gzipped at the same level: what no app on this stack can go below.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const floorRoot = path.join(import.meta.dirname, 'floor-app');

/** The entry chunk named by `outDir/index.html`, raw and gzip -9 (the level the budget is stated in). */
export function entryChunk(outDir) {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const src = html.match(/<script type="module"[^>]*src="\/?([^"]+\.js)"/)?.[1];
  if (!src) throw new Error(`${outDir}/index.html names no module script`);
  const source = readFileSync(path.join(outDir, src));
  return { file: path.basename(src), rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}

/** Builds the blank React app into a temporary directory (removed afterwards) and measures its entry chunk. */
export async function buildEntryFloor() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'softphone-bench-floor-'));
  try {
    await build({
      root: floorRoot,
      configFile: false,
      envFile: false,
      mode: 'production',
      logLevel: 'error',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });
    return entryChunk(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
