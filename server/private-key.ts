import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type ReadTextFile = (path: string) => string;

export type PrivateKeyResult = { ok: true; key: KeyObject } | { ok: false; problem: string };

interface PrivateKeySource {
  pem: string | undefined;
  path: string | undefined;
}

export const readTextFile: ReadTextFile = (path) => readFileSync(path, 'utf8');

/**
 * Loads the Vonage application's private key from exactly one of VONAGE_PRIVATE_KEY (PEM text) or
 * VONAGE_PRIVATE_KEY_PATH. Problems name the variable but never quote the key, so they are safe to print.
 */
export function loadPrivateKey(source: PrivateKeySource, readFile: ReadTextFile = readTextFile): PrivateKeyResult {
  if (source.pem !== undefined && source.path !== undefined) {
    return { ok: false, problem: 'Set only one of VONAGE_PRIVATE_KEY and VONAGE_PRIVATE_KEY_PATH, not both.' };
  }
  if (source.pem !== undefined) return parseRsaPrivateKey(source.pem, 'VONAGE_PRIVATE_KEY');
  if (source.path === undefined) {
    return {
      ok: false,
      problem: 'The private key is missing: set VONAGE_PRIVATE_KEY (the PEM text) or VONAGE_PRIVATE_KEY_PATH (a file holding it).',
    };
  }
  let pem: string;
  try {
    pem = readFile(source.path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return { ok: false, problem: `VONAGE_PRIVATE_KEY_PATH: cannot read ${source.path}${code}.` };
  }
  return parseRsaPrivateKey(pem, `VONAGE_PRIVATE_KEY_PATH (${source.path})`);
}

function parseRsaPrivateKey(pem: string, origin: string): PrivateKeyResult {
  // Keys pasted into a one-line env var often arrive with literal "\n" instead of line breaks.
  const normalised = pem.includes('-----BEGIN') ? pem.replaceAll('\\n', '\n').trim() : pem;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: normalised, format: 'pem' });
  } catch {
    return { ok: false, problem: `${origin} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----").` };
  }
  if (key.asymmetricKeyType !== 'rsa') {
    return { ok: false, problem: `${origin} must be an RSA key: Vonage signs with RS256 (got ${key.asymmetricKeyType ?? 'unknown'}).` };
  }
  return { ok: true, key };
}
