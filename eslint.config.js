import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

/*
 * The layers of src/, lowest first: a module imports only from its own layer or lower ones (README, "How it is
 * built"). Type-only imports count too: a type is as much a dependency as a value.
 */
const layers = {
  base: ['src/lib', 'src/contracts', 'src/config', 'src/testing'],
  voice: ['src/voice'],
  // The store and the other state modules: plain TypeScript, no React components, no UI.
  state: ['src/store', 'src/history', 'src/devices', 'src/call-quality', 'src/call-details'],
  // Small shared UI pieces (Button, Panel, Alert): they know nothing of calls.
  components: ['src/components'],
  features: ['src/features'],
  app: ['src/app'],
  // Demo and test infrastructure: the fake cloud, the demo backend and simulator, the emulator's Phone page.
  // Production code never imports it; only main.tsx reaches it, by dynamic import, in demo builds.
  demo: ['src/demo', 'src/fake-cloud', 'src/phone'],
  // The composition root: it wires every layer together (see mainZones for what it may take from the demo).
  main: ['src/main.tsx'],
};
const above = (...names) => names.flatMap((name) => layers[name]);

const layerZones = [
  { target: layers.base, from: above('voice', 'state', 'components', 'features', 'app', 'demo', 'main'), message: 'src/lib, src/contracts and src/config are the bottom layer: they import nothing above them.' },
  { target: layers.voice, from: above('state', 'components', 'features', 'app', 'demo'), message: 'src/voice sits below the store: it reports events, it does not read state or UI.' },
  { target: layers.state, from: above('components', 'features', 'app', 'demo'), message: 'State modules sit below the UI: move what they need from a feature down to their own layer or src/lib.' },
  { target: layers.components, from: above('voice', 'state', 'features', 'app', 'demo'), message: 'src/components are plain UI pieces: pass data in as props.' },
  { target: layers.features, from: above('app', 'demo'), message: 'Features never import the app shell or demo code.' },
  { target: layers.app, from: above('demo'), message: 'Production code never imports demo code: main.tsx loads it dynamically, in demo builds only.' },
  { target: layers.demo, from: above('app'), message: 'Demo code plugs into the app through main.tsx, not by importing the app shell.' },
];

/*
 * Features do not import each other: what two features share goes down to src/components (UI) or src/lib
 * (logic). The exceptions: the call panels of features/calls host the call-quality and call-details (and call-history's rows host call-details)
 * widgets (each its own feature, shown inside Active call and Last call). Nothing imports features/calls back.
 */
const featuresHostedBy = { calls: ['call-quality', 'call-details'], 'call-history': ['call-details'] };
const featureZones = readdirSync(new URL('src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => ({
    target: `src/features/${name}`,
    from: 'src/features',
    except: [name, ...(featuresHostedBy[name] ?? [])].map((allowed) => `./${allowed}`),
    message: 'Features do not import each other: move what both need to src/components or src/lib.',
  }));

/*
 * main.tsx is the composition root and may import every layer, but demo code only through the two demo entry
 * points, and only dynamically: `import()` inside `demoBuild ? … : undefined`, a build-time constant, so Vite
 * drops the demo from live builds (scripts/check-build.mjs verifies the result). The path zone admits the entry
 * points; `no-restricted-imports` (static imports only) keeps them from being imported statically.
 */
const mainZones = [
  { target: 'src/main.tsx', from: 'src/demo', except: ['./start-demo-backend.ts', './simulator/demo-simulator.tsx'], message: 'main.tsx reaches demo code through its two entry points only.' },
  { target: 'src/main.tsx', from: ['src/fake-cloud', 'src/phone'], message: 'main.tsx reaches demo code through src/demo only.' },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-e2e', 'dist-e2e-emulator', 'dist-emulator', 'dist-bench', 'dist-*', 'test-results', 'test-results-*', 'playwright-report', 'node_modules'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The one module allowed to import the SDK is src/voice/vonage-voice-adapter.ts.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@vonage/client-sdk', message: 'Only src/voice/vonage-voice-adapter.ts may import the SDK.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
    },
  },
  {
    files: ['src/voice/vonage-voice-adapter.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript parser for the files the rules follow, and tsconfig's `@/` alias and `.ts` extensions.
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: [...layerZones, ...featureZones, ...mainZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@vonage/client-sdk', message: 'Only src/voice/vonage-voice-adapter.ts may import the SDK.' }],
          patterns: [{ regex: '^(\\./|@/)(demo|fake-cloud|phone)/', message: 'Demo code is imported dynamically (import()) in demo builds only, so live builds leave it out.' }],
        },
      ],
    },
  },
  {
    // e2e drives `window.fakeVonage` only after the fixtures have waited for it to exist.
    files: ['e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
