// Proves the leak check can fail: plants each kind of leak in a throwaway build and expects each to be
// reported. check-build.mjs runs it before every real check, so a check that went blind stops the build.
// Also runnable on its own: `node scripts/build-leaks-self-test.mjs`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBuildLeaks, secretsFromEnvironment } from './build-leaks.mjs';

const plantedKeyBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7planted0123456789abcdefghij';
const plantedPem = `-----BEGIN PRIVATE KEY-----\n${plantedKeyBody}\n-----END PRIVATE KEY-----`;
const plantedJwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJKYW5lIn0.${'s'.repeat(40)}`;

/** Each case: files to plant, and the sentence the check must say about them. */
const cases = [
  { files: { 'assets/a.js': 'const k = "planted-mobile-key-123";' }, env: { MOBILE_API_KEY: 'planted-mobile-key-123' }, expect: 'assets/a.js contains the value of MOBILE_API_KEY' },
  { files: { 'assets/b.js': 'fetch(u, { body: "planted-vite-key-456" })' }, env: { VITE_MOBILE_API_KEY: 'planted-vite-key-456' }, expect: 'assets/b.js contains the value of VITE_MOBILE_API_KEY' },
  { files: { 'assets/c.js': `const s = "sig-secret-789xyz";` }, env: { VONAGE_SIGNATURE_SECRET: 'sig-secret-789xyz' }, expect: 'assets/c.js contains the value of VONAGE_SIGNATURE_SECRET' },
  { files: { 'assets/d.js': `const pem = ${JSON.stringify(plantedPem)};` }, env: {}, expect: 'assets/d.js contains a private key' },
  { files: { 'assets/e.js': `const b = "${plantedKeyBody}";` }, env: { VONAGE_PRIVATE_KEY: plantedPem.replaceAll('\n', '\\n') }, expect: 'assets/e.js contains the value of VONAGE_PRIVATE_KEY' },
  { files: { 'index.html': `<script>const t = "${plantedJwt}"</script>` }, env: {}, expect: 'index.html contains what looks like a signed JWT' },
  { files: { 'assets/f.js.map': '{"sourcesContent":["secret source"]}' }, env: {}, expect: 'assets/f.js.map is a source map: the full source text would be served' },
  { files: { 'assets/g.js': 'x();\n//# sourceMappingURL=g.js.map' }, env: {}, expect: 'assets/g.js points at a source map (sourceMappingURL)' },
  { files: { 'assets/h.css': 'a{}\n/*# sourceMappingURL=h.css.map */' }, env: {}, expect: 'assets/h.css points at a source map (sourceMappingURL)' },
];

/** Returns the cases the check failed to catch, or a clean build it wrongly refused; empty when it works. */
export function selfTestBuildLeaks() {
  const failures = [];
  const root = mkdtempSync(path.join(tmpdir(), 'build-leaks-'));
  try {
    cases.forEach((testCase, index) => {
      const outDir = path.join(root, String(index));
      for (const [name, text] of Object.entries(testCase.files)) {
        mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
        writeFileSync(path.join(outDir, name), text);
      }
      const problems = findBuildLeaks(outDir, secretsFromEnvironment([testCase.env]));
      if (!problems.includes(testCase.expect)) failures.push(`missed: ${testCase.expect} (reported: ${problems.join('; ') || 'nothing'})`);
      if (problems.some((problem) => Object.values(testCase.env).some((value) => problem.includes(value)))) {
        failures.push(`a report quotes the secret itself: ${problems.join('; ')}`);
      }
    });

    const clean = path.join(root, 'clean');
    mkdirSync(path.join(clean, 'assets'), { recursive: true });
    writeFileSync(path.join(clean, 'assets', 'app.js'), 'fetch("/api/jwt", { body: JSON.stringify({ user_name }) });');
    const env = { MOBILE_API_KEY: 'never-in-the-bundle', VONAGE_PRIVATE_KEY_PATH: '/api/jwt', VITE_MOBILE_API_KEY: 'opted-in-key-000' };
    const cleanProblems = findBuildLeaks(clean, secretsFromEnvironment([env]));
    if (cleanProblems.length > 0) failures.push(`a clean build was refused: ${cleanProblems.join('; ')}`);

    // The seed contract's opt-in lets the SPA's own key through, and nothing else.
    writeFileSync(path.join(clean, 'assets', 'app.js'), 'const k = "opted-in-key-000";');
    const optedIn = findBuildLeaks(clean, secretsFromEnvironment([env], { allowPublicMobileApiKey: true }));
    if (optedIn.length > 0) failures.push(`the opted-in VITE_MOBILE_API_KEY was refused: ${optedIn.join('; ')}`);
    const notOptedIn = findBuildLeaks(clean, secretsFromEnvironment([env]));
    if (!notOptedIn.includes('assets/app.js contains the value of VITE_MOBILE_API_KEY')) failures.push('VITE_MOBILE_API_KEY passed without the opt-in');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return failures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const failures = selfTestBuildLeaks();
  if (failures.length > 0) {
    console.error(`The build leak check is broken:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`The build leak check caught all ${cases.length} planted leaks and passed a clean build.`);
}
