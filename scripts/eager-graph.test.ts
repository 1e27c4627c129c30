import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eagerGraph } from './eager-graph.mjs';

let outDir: string;

function build(files: Record<string, string>) {
  outDir = mkdtempSync(path.join(tmpdir(), 'eager-graph-'));
  mkdirSync(path.join(outDir, 'assets'));
  writeFileSync(path.join(outDir, 'index.html'), '<script type="module" crossorigin src="/assets/index.js"></script>');
  for (const [name, source] of Object.entries(files)) writeFileSync(path.join(outDir, 'assets', name), source);
}

afterEach(() => rmSync(outDir, { recursive: true, force: true }));

describe('eagerGraph', () => {
  it('counts the entry and every chunk it imports statically, transitively, each once', () => {
    build({
      'index.js': 'import{t as e}from"./react.js";import"./side.js";export{a}from"./reexport.js";e();',
      'react.js': 'import{r}from"./runtime.js";export const t=()=>r;',
      'runtime.js': 'export const r=1;',
      'side.js': 'import{r}from"./runtime.js";',
      'reexport.js': 'export const a=2;',
    });
    const graph = eagerGraph(outDir);
    expect(graph.entry).toBe('index.js');
    expect(graph.files.map((file) => file.file)).toEqual(['index.js', 'react.js', 'runtime.js', 'side.js', 'reexport.js']);
    expect(graph.gzipBytes).toBe(graph.files.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('leaves out what is imported dynamically: the lazy part', () => {
    build({
      'index.js': 'const m=()=>import("./lazy.js");import{t}from"./react.js";',
      'react.js': 'export const t=1;',
      'lazy.js': 'import{t}from"./react.js";export const big="x".repeat(1e5);',
    });
    expect(eagerGraph(outDir).files.map((file) => file.file)).toEqual(['index.js', 'react.js']);
  });
});
