// The standalone emulator's live-test mode from the environment: EMULATOR_APPLICATION_ID and
// EMULATOR_PUBLIC_KEY_PATH (the PEM of the Vonage application's public key, the pair of the backend's
// VONAGE_PRIVATE_KEY) switch on Vonage's token checks. Both or neither: one alone is a mistake worth a stop.
import { readFileSync } from 'node:fs';
import { rsaPublicKey, type VonageApplication } from './vonage-token-check.ts';

export const applicationIdEnv = 'EMULATOR_APPLICATION_ID';
export const publicKeyPathEnv = 'EMULATOR_PUBLIC_KEY_PATH';

/** The application whose tokens the emulator checks, or undefined (the demo's unsigned tokens). Throws on a half or bad setting. */
export function vonageApplicationFromEnv(env: Record<string, string | undefined> = process.env): VonageApplication | undefined {
  const applicationId = env[applicationIdEnv]?.trim() || undefined;
  const publicKeyPath = env[publicKeyPathEnv]?.trim() || undefined;
  if (applicationId === undefined && publicKeyPath === undefined) return undefined;
  if (applicationId === undefined || publicKeyPath === undefined) {
    throw new Error(`[emulator] Set both ${applicationIdEnv} and ${publicKeyPathEnv} to check tokens as Vonage does, or neither for the demo's tokens`);
  }
  let pem: string;
  try {
    pem = readFileSync(publicKeyPath, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new Error(`[emulator] ${publicKeyPathEnv}: cannot read ${publicKeyPath}${code}`, { cause: error });
  }
  try {
    return { applicationId, publicKey: rsaPublicKey(pem) };
  } catch (error) {
    throw new Error(`[emulator] ${publicKeyPathEnv} (${publicKeyPath}) is not an RSA public key in PEM ("-----BEGIN PUBLIC KEY-----")`, { cause: error });
  }
}
