import { verifySignature } from '@vonage/jwt';
import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook';

// A throw-away secret for this test only.
const secret = 'test-signature-secret-0123456789';

describe('signWebhook', () => {
  it('makes the HS256 token Vonage sends, which @vonage/jwt verifies', () => {
    const body = '{"status":"ringing","uuid":"leg-1"}';
    const token = signWebhook(body, secret, { issuedAt: 1_800_000_000 });

    expect(verifySignature(token, secret)).toBe(true);
    expect(verifySignature(token, 'another-secret')).toBe(false);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      iat: 1_800_000_000,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iss: 'Vonage',
      payload_hash: createHash('sha256').update(body).digest('hex'),
    });
  });
});
