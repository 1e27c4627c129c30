import { janeTokenExchangeFixture } from '../../src/contracts/token-api';
import type { TokenServerConfig } from '../config';
import { defaultSignInLimits } from '../sign-in-limits';
import type { TestKeyPair } from './test-key-pair';

export const testApplicationId = '0f3b2a1c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const testUsersApiUrl = 'https://users-api.test';

/**
 * Config for tests in AUTH_MODE=mobile-api-key with the shared fixture's key, so requests built from the fixture
 * are accepted. Tests of OpenID Connect sign-in override `auth`.
 */
export function createTestConfig(keys: TestKeyPair, overrides: Partial<TokenServerConfig> = {}): TokenServerConfig {
  return {
    applicationId: testApplicationId,
    privateKey: keys.privateKey,
    auth: { mode: 'mobile-api-key', mobileApiKey: janeTokenExchangeFixture.request.mobile_api_key },
    agents: ['Jane', 'Joe'],
    tokenTtlSeconds: 3600,
    port: 0,
    host: '127.0.0.1',
    corsOrigins: ['http://localhost:5817'],
    vonageApiUrl: testUsersApiUrl,
    trustedProxies: [],
    signInLimits: defaultSignInLimits,
    ...overrides,
  };
}
