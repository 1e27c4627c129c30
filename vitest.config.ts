import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname, 'src') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'app', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
      },
      {
        resolve: { alias },
        test: { name: 'server', environment: 'node', include: ['server/**/*.test.ts', 'vite-plugins/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'emulator', environment: 'node', include: ['emulator/**/*.test.ts'] },
      },
    ],
  },
});
