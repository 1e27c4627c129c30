import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

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
    // e2e drives `window.fakeVonage` only after the fixtures have waited for it to exist.
    files: ['e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
