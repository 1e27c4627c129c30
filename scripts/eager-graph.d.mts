export interface EagerFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface EagerGraph {
  entry: string;
  rawBytes: number;
  gzipBytes: number;
  files: EagerFile[];
  sources: string[];
}

export function eagerGraph(outDir: string): EagerGraph;
