import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname, 'src') };

export default defineConfig({
  test: {
    projects: [
      // Components need a DOM; most of the app's logic does not, and Node starts a file several times faster.
      // A logic test that needs one says so with a `// @vitest-environment happy-dom` first line.
      {
        resolve: { alias },
        test: { name: 'app', environment: 'node', include: ['src/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'app-dom', environment: 'happy-dom', include: ['src/**/*.test.tsx'] },
      },
      {
        resolve: { alias },
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.ts', 'vite-plugins/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'emulator', environment: 'node', include: ['emulator/**/*.test.ts'] },
      },
    ],
  },
});
