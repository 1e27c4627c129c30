// Guards the production build: no MSW, no fake cloud, no demo token backend, the SDK in its own chunk, and
// no secret, key, token or source map (build-leaks.mjs). Run by `npm run build`; exits non-zero with the
// reason when the build would ship test infrastructure or something that must stay private.
// Usage: node scripts/check-build.mjs [outDir] [--mode production]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { loadEnv } from 'vite';
import { budgets } from './bench/budgets.mjs';
import { eagerGraph } from './eager-graph.mjs';
import { findBuildLeaks, secretsFromEnvironment } from './build-leaks.mjs';
import { selfTestBuildLeaks } from './build-leaks-self-test.mjs';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: 'string', default: 'production' } } });
const outDir = positionals[0] ?? 'dist';
const { mode } = options;
const assets = path.join(outDir, 'assets');
const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
const problems = [];

// A leak check that cannot fail is worse than none: it is proven on planted leaks before every use.
const blindSpots = selfTestBuildLeaks();
if (blindSpots.length > 0) {
  console.error(`The build leak check is broken, so this build cannot be vouched for:\n- ${blindSpots.join('\n- ')}`);
  process.exit(1);
}

// The SPA's environment for this mode (shell variables included) and the token server's files, whose
// secrets must never reach a bundle; the key file named by VONAGE_PRIVATE_KEY_PATH is read too.
const root = process.cwd();
const environments = [loadEnv(mode, root, '')];
for (const file of ['server/.env', 'server/.env.local']) {
  if (existsSync(path.join(root, file))) environments.push(parseEnv(readFileSync(path.join(root, file), 'utf8')));
}
for (const env of [...environments]) {
  const keyPath = env.VONAGE_PRIVATE_KEY_PATH;
  if (keyPath && existsSync(keyPath)) environments.push({ VONAGE_PRIVATE_KEY: readFileSync(keyPath, 'utf8') });
}
const allowPublicMobileApiKey = environments[0].ALLOW_MOBILE_API_KEY_IN_BUNDLE === '1';
const secrets = secretsFromEnvironment(environments, { allowPublicMobileApiKey });
problems.push(...findBuildLeaks(outDir, secrets));

if (existsSync(path.join(outDir, 'mockServiceWorker.js'))) problems.push('mockServiceWorker.js is in the build');
if (existsSync(path.join(outDir, 'phone.html'))) problems.push('phone.html (the emulator\'s Phone page) is in the build');
const forbidden = [
  ['msw', /mockServiceWorker|MSW_BROWSER|\[MSW\]/],
  ['the fake cloud', /fake-vonage|fakeVonage/],
  ['the demo token backend', /fakeTokenBackend|setBehaviour/],
  ['the Phone page', /\/emulator\/phone|fakePhone/],
];
// A live build pointed at the emulator (the live e2e project) carries the emulator's REST prefix in its configured
// Vonage URLs: configuration, not the fake cloud's code, so those values are left out of the search.
const configuredVonageUrls = [environments[0].VITE_VONAGE_API_URL, environments[0].VITE_VONAGE_WEBSOCKET_URL].filter(Boolean);
for (const file of files) {
  const source = configuredVonageUrls.reduce((text, url) => text.replaceAll(url, ''), readFileSync(path.join(assets, file), 'utf8'));
  for (const [what, pattern] of forbidden) {
    if (pattern.test(source)) problems.push(`${file} contains ${what}`);
  }
}

const indexHtml = readFileSync(path.join(outDir, 'index.html'), 'utf8');
// The live Content-Security-Policy (vite-plugins/content-security-policy.ts): present, first in <head>, strict.
const policyTag = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml);
if (policyTag === null) problems.push('index.html has no Content-Security-Policy meta tag');
else {
  const policy = policyTag[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  if (/'unsafe-|\*/.test(policy)) problems.push(`the Content-Security-Policy allows unsafe sources or wildcards: ${policy}`);
  if (!/(^|; )script-src 'self'(;|$)/.test(policy)) problems.push(`the Content-Security-Policy's script-src is not just 'self': ${policy}`);
  if (policyTag.index > indexHtml.indexOf('<script')) problems.push('the Content-Security-Policy comes after a script');
}
const entry = indexHtml.match(/src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) problems.push('index.html has no entry script');
const entrySource = entry ? readFileSync(path.join(assets, entry), 'utf8') : '';
if (/@vonage\/client-sdk|SDK_version/.test(entrySource)) problems.push(`the entry chunk ${entry} contains the voice SDK`);
if (!files.some((file) => /@vonage\/client-sdk|SDK_version/.test(readFileSync(path.join(assets, file), 'utf8')))) {
  problems.push('no chunk contains the voice SDK');
}

// The sign-in page must stay light: everything a signed-in agent needs loads lazily. Counted: the entry chunk and
// every chunk it imports statically (eager-graph.mjs), since those load before the first render whatever the
// bundler calls them. The budget is the bench's (scripts/bench/budgets.mjs), checked on every build so that it
// holds between benchmark runs.
const entryBudgetKb = budgets.entryChunkGzipKb;
const eager = entry ? eagerGraph(outDir) : { gzipBytes: 0, files: [], sources: [] };
const entryGzipBytes = eager.gzipBytes;
const eagerFiles = eager.files.map((file) => `${file.file} ${(file.gzipBytes / 1024).toFixed(1)}`).join(', ');
if (eager.sources.some((source) => /@vonage\/client-sdk|SDK_version/.test(source))) problems.push(`a chunk the entry imports statically contains the voice SDK (${eagerFiles})`);
if (entryGzipBytes > entryBudgetKb * 1024) {
  problems.push(
    `the entry and the chunks it imports statically (${eagerFiles}) are ${(entryGzipBytes / 1024).toFixed(1)} KB gzip -9, over their ${entryBudgetKb} KB budget ` +
      '(scripts/bench/budgets.mjs): load what the sign-in page does not need with a dynamic import() (React.lazy for ' +
      'components, retryingImport for a retried fetch), or find what grew with the chunk list of `npx vite build`',
  );
}

if (problems.length > 0) {
  console.error(`Production build check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `Production build check passed: ${files.length} chunks, entry and its static imports ${(entryGzipBytes / 1024).toFixed(1)} KB gzip (budget ${entryBudgetKb} KB: ${eagerFiles}), no demo infrastructure, ` +
    `no source maps, keys or tokens, none of ${secrets.length} secret values from the environment${allowPublicMobileApiKey ? ' (VITE_MOBILE_API_KEY allowed: ALLOW_MOBILE_API_KEY_IN_BUNDLE=1)' : ''}.`,
);
