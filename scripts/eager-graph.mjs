// What the browser must fetch and evaluate before the first render: the entry chunk named by index.html and
// every chunk it imports statically, transitively (a bundler may put shared modules such as React in a chunk
// of their own, and that chunk loads as eagerly as the entry). Dynamic import() targets are not followed: they
// are the lazy part. Shared by the production build check and the benchmark, so both count the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Static forms in Vite's minified ESM output: import{a}from"./x.js", import"./x.js", export{a}from"./x.js".
const staticImport = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g;

function staticImportsOf(source) {
  return [...source.matchAll(staticImport)].map((match) => match[1]);
}

/** The entry's eager graph in `outDir`: its files (entry first), with raw and gzip -9 bytes, each and in all. */
export function eagerGraph(outDir) {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*src="\/?([^"]+\.js)"/)?.[1];
  if (!entry) throw new Error(`${outDir}/index.html names no module script`);
  const seen = new Set();
  const files = [];
  const visit = (relative) => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const source = readFileSync(path.join(outDir, relative));
    files.push({ file: path.basename(relative), rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length, source: source.toString('utf8') });
    for (const imported of staticImportsOf(source.toString('utf8'))) visit(path.posix.join(path.posix.dirname(relative), imported));
  };
  visit(entry);
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return {
    entry: files[0].file,
    // Each file travels on its own, so the gzip figure is the sum of each file's, as the browser receives them.
    rawBytes: sum('rawBytes'),
    gzipBytes: sum('gzipBytes'),
    files: files.map(({ source: _source, ...rest }) => rest),
    sources: files.map((file) => file.source),
  };
}
