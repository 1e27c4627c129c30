// Guards the production build: no MSW, no fake cloud, no demo token backend, and the SDK in its own chunk.
// Run by `npm run build`; exits non-zero with the reason when the build would ship test infrastructure.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = process.argv[2] ?? 'dist';
const assets = path.join(outDir, 'assets');
const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
const problems = [];

if (existsSync(path.join(outDir, 'mockServiceWorker.js'))) problems.push('mockServiceWorker.js is in the build');
if (existsSync(path.join(outDir, 'phone.html'))) problems.push('phone.html (the emulator\'s Phone page) is in the build');
const forbidden = [
  ['msw', /mockServiceWorker|MSW_BROWSER|\[MSW\]/],
  ['the fake cloud', /fake-vonage|fakeVonage/],
  ['the demo token backend', /fakeTokenBackend|setBehaviour/],
  ['the Phone page', /\/emulator\/phone|fakePhone/],
];
for (const file of files) {
  const source = readFileSync(path.join(assets, file), 'utf8');
  for (const [what, pattern] of forbidden) {
    if (pattern.test(source)) problems.push(`${file} contains ${what}`);
  }
}

const entry = readFileSync(path.join(outDir, 'index.html'), 'utf8').match(/src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) problems.push('index.html has no entry script');
const entrySource = entry ? readFileSync(path.join(assets, entry), 'utf8') : '';
if (/@vonage\/client-sdk|SDK_version/.test(entrySource)) problems.push(`the entry chunk ${entry} contains the voice SDK`);
if (!files.some((file) => /@vonage\/client-sdk|SDK_version/.test(readFileSync(path.join(assets, file), 'utf8')))) {
  problems.push('no chunk contains the voice SDK');
}

// The sign-in page must stay light: everything a signed-in agent needs loads lazily.
const entryBudgetBytes = 90 * 1024;
const entryGzipBytes = gzipSync(entrySource, { level: 9 }).length;
if (entryGzipBytes >= entryBudgetBytes) {
  problems.push(`the entry chunk is ${(entryGzipBytes / 1024).toFixed(1)} KB gzip, over the 90 KB budget`);
}

if (problems.length > 0) {
  console.error(`Production build check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Production build check passed: ${files.length} chunks, entry ${entry} ${(entryGzipBytes / 1024).toFixed(1)} KB gzip, no demo infrastructure.`,
);
