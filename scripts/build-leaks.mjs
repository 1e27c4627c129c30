// What a production build must never contain: a private key, a token, the value of a secret from the
// environment, or a source map (which carries the full source text). Used by check-build.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Variables whose value is a secret by name; paths, files and URLs that merely point at one are not.
const secretName = /(^|_)(KEY|SECRET|TOKEN|PASSWORD|PASSPHRASE|CREDENTIALS?)(_|$)/i;
const pointerName = /_(PATH|FILE|URL)$/i;
const minSecretLength = 8;

const privateKeyMarker = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// A signed JWT: header and payload are base64url JSON objects, so both start with "eyJ".
const jwtPattern = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/;
const sourceMapReference = /[#@]\s*sourceMappingURL\s*=/;
const textFile = /\.(js|mjs|cjs|css|html|json|txt|svg|xml|webmanifest)$/i;

/**
 * The secret values to look for in a build: every variable named like a secret, from all the environments
 * given. The SPA's VITE_MOBILE_API_KEY is one too, because the bundle is public, unless the build opts in to
 * the seed backend's contract (ALLOW_MOBILE_API_KEY_IN_BUNDLE=1), which cannot work without it.
 */
export function secretsFromEnvironment(environments, { allowPublicMobileApiKey = false } = {}) {
  const secrets = new Map();
  const publicKey = allowPublicMobileApiKey ? environments.map((env) => env.VITE_MOBILE_API_KEY).find(Boolean) : undefined;
  for (const env of environments) {
    for (const [name, value] of Object.entries(env)) {
      if (!secretName.test(name) || pointerName.test(name) || typeof value !== 'string') continue;
      for (const needle of needlesOf(value)) {
        // Numbers (timeouts, lifetimes) are settings, not secrets, and would match by accident.
        if (needle.length >= minSecretLength && !/^\d+$/.test(needle) && needle !== publicKey) secrets.set(needle, name);
      }
    }
  }
  return [...secrets].map(([value, name]) => ({ name, value }));
}

/** A PEM is found by its longest base64 line (the marker alone is checked separately); anything else whole. */
function needlesOf(value) {
  const text = value.replaceAll('\\n', '\n').trim();
  if (!text.includes('-----BEGIN')) return [text];
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => /^[A-Za-z0-9+/=]+$/.test(line));
  return lines.length === 0 ? [] : [lines.reduce((longest, line) => (line.length > longest.length ? line : longest))];
}

function* filesUnder(directory) {
  for (const entry of readdirSync(directory)) {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

/** Every leak in `outDir`, as sentences that name the file and the variable but never the secret itself. */
export function findBuildLeaks(outDir, secrets) {
  const problems = [];
  for (const file of filesUnder(outDir)) {
    const name = path.relative(outDir, file);
    if (name.endsWith('.map')) {
      problems.push(`${name} is a source map: the full source text would be served`);
      continue;
    }
    if (!textFile.test(name)) continue;
    const text = readFileSync(file, 'utf8');
    if (sourceMapReference.test(text)) problems.push(`${name} points at a source map (sourceMappingURL)`);
    if (privateKeyMarker.test(text)) problems.push(`${name} contains a private key`);
    if (jwtPattern.test(text)) problems.push(`${name} contains what looks like a signed JWT`);
    for (const { name: variable, value } of secrets) {
      if (text.includes(value)) problems.push(`${name} contains the value of ${variable}`);
    }
  }
  return problems;
}
