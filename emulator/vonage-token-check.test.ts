import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tokenGenerate } from '@vonage/jwt';
import { afterAll, describe, expect, it } from 'vitest';
import { createJwtSigner } from '../server/jwt-signer.ts';
import { agentAcl } from '../server/vonage-acl.ts';
import { createTestKeyPair } from '../server/testing/test-key-pair.ts';
import { mintDemoToken } from '../src/fake-cloud/demo-token.ts';
import { aclGrants } from './vonage-acl.ts';
import { applicationIdEnv, publicKeyPathEnv, vonageApplicationFromEnv } from './vonage-application-env.ts';
import { vonageTokenCheck } from './vonage-token-check.ts';

const applicationId = '5b3c1f6e-2d4a-4c8b-9e7f-0a1b2c3d4e5f';
const keys = createTestKeyPair();
const otherKeys = createTestKeyPair();
const nowMs = Date.UTC(2026, 10, 29, 1, 0, 0);
const now = () => nowMs;
const check = vonageTokenCheck({ applicationId, publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() }, now);
const backendSigner = createJwtSigner({ applicationId, privateKey: keys.privateKey, now });

/** @vonage/jwt signs with the real clock: its tokens are checked against the real clock too. */
const realClockCheck = vonageTokenCheck({ applicationId, publicKey: keys.publicKey });

describe('vonageTokenCheck: Client SDK tokens', () => {
  it('accepts the backend signer’s agent token: its user and its expiry', async () => {
    const { jwt, expiresAt } = await backendSigner.signAgentToken('Jane', 600);
    expect(check.checkUserToken(jwt)).toEqual({ ok: true, userName: 'Jane', expiresAtMs: expiresAt * 1000 });
    expect(check.checkUserToken(jwt, { method: 'POST', path: '/v0.3/knocking' })).toMatchObject({ ok: true });
    expect(check.checkUserToken(jwt, { method: 'DELETE', path: '/v0.2/conversations/CON-1/members/MEM-1' })).toMatchObject({ ok: true });
  });

  it('accepts a token made with @vonage/jwt', () => {
    const jwt = tokenGenerate(applicationId, keys.privateKeyPem, { subject: 'Joe', acl: agentAcl, ttl: 600 });
    expect(realClockCheck.checkUserToken(jwt)).toMatchObject({ ok: true, userName: 'Joe' });
  });

  it('refuses a token signed by another key, for another application, or unsigned', async () => {
    const otherKey = createJwtSigner({ applicationId, privateKey: otherKeys.privateKey, now });
    const otherApp = createJwtSigner({ applicationId: '00000000-0000-4000-8000-000000000000', privateKey: keys.privateKey, now });
    const refused = { ok: false, code: 'system:error:invalid-token' };
    expect(check.checkUserToken((await otherKey.signAgentToken('Jane', 600)).jwt)).toMatchObject(refused);
    expect(check.checkUserToken((await otherApp.signAgentToken('Jane', 600)).jwt)).toMatchObject(refused);
    expect(check.checkUserToken(mintDemoToken('Jane', nowMs, 600))).toMatchObject(refused);
    expect(check.checkUserToken('plain-not-a-jwt')).toMatchObject(refused);
  });

  it('calls an expired token expired, and a token from the future invalid', async () => {
    const issuedEarlier = createJwtSigner({ applicationId, privateKey: keys.privateKey, now: () => nowMs - 3_600_000 });
    expect(check.checkUserToken((await issuedEarlier.signAgentToken('Jane', 600)).jwt)).toMatchObject({
      ok: false,
      code: 'system:error:expired-token',
    });
    const issuedLater = createJwtSigner({ applicationId, privateKey: keys.privateKey, now: () => nowMs + 3_600_000 });
    expect(check.checkUserToken((await issuedLater.signAgentToken('Jane', 600)).jwt)).toMatchObject({
      ok: false,
      code: 'system:error:invalid-token',
    });
  });

  it('refuses a user token without sub, and one whose ACL leaves out a family the SDK uses', async () => {
    expect(check.checkUserToken((await backendSigner.signApplicationToken(600)).jwt)).toMatchObject({ ok: false, code: 'system:error:invalid-token' });
    const { ['/*/legs/**']: _legs, ...withoutLegs } = agentAcl.paths;
    const jwt = tokenGenerate(applicationId, keys.privateKeyPem, { subject: 'Jane', acl: { paths: withoutLegs }, ttl: 600 });
    const verdict = realClockCheck.checkUserToken(jwt);
    expect(verdict).toMatchObject({ ok: false, code: 'system:error:invalid-token' });
    expect(!verdict.ok && verdict.detail).toContain('/*/legs/**');
    expect(realClockCheck.checkUserToken(jwt, { method: 'GET', path: '/v0.3/legs/LEG-1' }).ok).toBe(false);
    expect(realClockCheck.checkUserToken(jwt, { method: 'GET', path: '/v0.3/conversations/CON-1' }).ok).toBe(true);
  });
});

describe('vonageTokenCheck: application tokens', () => {
  it('accepts the backend’s application token for the Users API and refuses another key’s', async () => {
    const use = { method: 'GET', path: '/v1/users' };
    expect(check.checkApplicationToken((await backendSigner.signApplicationToken(60)).jwt, use)).toEqual({ ok: true });
    const otherKey = createJwtSigner({ applicationId, privateKey: otherKeys.privateKey, now });
    expect(check.checkApplicationToken((await otherKey.signApplicationToken(60)).jwt, use)).toMatchObject({ ok: false });
    expect(realClockCheck.checkApplicationToken(tokenGenerate(applicationId, keys.privateKeyPem), use)).toEqual({ ok: true });
  });
});

describe('aclGrants', () => {
  it('matches one segment for * and any rest (or none) for a trailing /**, and honours methods', () => {
    const acl = { paths: { '/*/knocking/**': {}, '/*/users/**': { methods: ['GET'] } } };
    expect(aclGrants(acl, { path: '/v0.3/knocking' })).toBe(true);
    expect(aclGrants(acl, { path: '/v0.3/knocking/KNO-1' })).toBe(true);
    expect(aclGrants(acl, { path: '/v0.3/extra/knocking' })).toBe(false);
    expect(aclGrants(acl, { method: 'GET', path: '/v1/users' })).toBe(true);
    expect(aclGrants(acl, { method: 'POST', path: '/v1/users' })).toBe(false);
    expect(aclGrants(undefined, { path: '/v0.3/knocking' })).toBe(false);
  });
});

describe('vonageApplicationFromEnv', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'emulator-key-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('is off with neither variable, on with both, and a clear error with one or a bad key', () => {
    const keyPath = path.join(directory, 'public.pem');
    writeFileSync(keyPath, keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(vonageApplicationFromEnv({})).toBeUndefined();
    expect(vonageApplicationFromEnv({ [applicationIdEnv]: applicationId, [publicKeyPathEnv]: keyPath })?.applicationId).toBe(applicationId);
    expect(() => vonageApplicationFromEnv({ [applicationIdEnv]: applicationId })).toThrow(/Set both EMULATOR_APPLICATION_ID and EMULATOR_PUBLIC_KEY_PATH/);
    expect(() => vonageApplicationFromEnv({ [publicKeyPathEnv]: keyPath })).toThrow(/Set both/);
    expect(() => vonageApplicationFromEnv({ [applicationIdEnv]: applicationId, [publicKeyPathEnv]: path.join(directory, 'missing.pem') })).toThrow(
      /cannot read .*ENOENT/,
    );
    const notAKey = path.join(directory, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    expect(() => vonageApplicationFromEnv({ [applicationIdEnv]: applicationId, [publicKeyPathEnv]: notAKey })).toThrow(/not an RSA public key/);
  });
});
