// The entry chunk's floor: a blank React app (floor-app/) built by the same Vite, with the same React plugin
// and minifier, in the same run as the app, gzipped at the same level: what no app on this stack can go below.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { eagerGraph } from '../eager-graph.mjs';

const floorRoot = path.join(import.meta.dirname, 'floor-app');

/** The entry chunk named by `outDir/index.html` and the chunks it imports statically, raw and gzip -9 (as the budget). */
export function entryChunk(outDir) {
  const { entry, rawBytes, gzipBytes, files } = eagerGraph(outDir);
  return { file: entry, rawBytes, gzipBytes, files };
}

async function buildFloorApp(outDir) {
  await build({
    root: floorRoot,
    configFile: false,
    envFile: false,
    mode: 'production',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
}

/** Builds the blank React app into a temporary directory (removed afterwards) and measures its entry chunk. */
export async function buildEntryFloor() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'softphone-bench-floor-'));
  try {
    await buildFloorApp(outDir);
    return entryChunk(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The floor of page load: the same blank React app served from loopback, navigation start → the frame that
 * paints its one div, in `runs` fresh browser contexts (cold caches, as the softphone's page load is measured).
 * No app on this stack paints sooner on this machine; the softphone's load then still needs the SDK and a session.
 */
export async function measureFloorLoad(browser, port, runs) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'softphone-bench-floor-load-'));
  const server = createServer((request, response) => {
    const file = path.join(outDir, request.url === '/' ? 'index.html' : path.normalize(request.url ?? '/'));
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    response.end(readFileSync(file));
  });
  try {
    await buildFloorApp(outDir);
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    const painted = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.body?.textContent?.includes('Blank')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            window.__floorPaintedAt = performance.now();
          });
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__floorPaintedAt !== undefined, null, { timeout: 30_000 });
      painted.push(await page.evaluate(() => window.__floorPaintedAt));
      await context.close();
    }
    return painted;
  } finally {
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
