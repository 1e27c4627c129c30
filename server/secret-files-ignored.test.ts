import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repositoryRoot = path.resolve(import.meta.dirname, '..');

/** Asks git itself, so the answer is exactly what `git add .` would do with a file at that path. */
function isIgnored(file: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--no-index', '--quiet', file], { cwd: repositoryRoot, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('.gitignore', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.live.local',
    '.env.production.local',
    'server/.env',
    'server/.env.local',
    'private.key',
    'vonage.key',
    'server/vonage-application.pem',
    'keys/id_rsa',
    'server/keys/vonage',
  ])('keeps %s, which holds secrets, out of git', (file) => {
    expect(isIgnored(file)).toBe(true);
  });

  it.each(['.env.live', '.env.production', 'server/.env.example'])('still tracks %s, which holds no secret', (file) => {
    expect(isIgnored(file)).toBe(false);
  });
});
