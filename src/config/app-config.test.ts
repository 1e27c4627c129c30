import { describe, expect, it } from 'vitest';
import { demoMobileApiKey, parseAppConfig } from './app-config.ts';

describe('parseAppConfig', () => {
  it('gives demo mode its built-in key and defaults', () => {
    expect(parseAppConfig({ VITE_SOFTPHONE_MODE: 'demo' })).toEqual({
      ok: true,
      config: {
        mode: 'demo',
        tokenUrl: '/api/jwt',
        auth: { kind: 'mobile-api-key', mobileApiKey: demoMobileApiKey },
        defaultCountry: 'US',
        tokenTimeoutMs: 10_000,
      },
    });
  });

  it('signs live agents in with the organisation by default, with no key in the bundle', () => {
    const result = parseAppConfig({ VITE_SOFTPHONE_MODE: 'live', VITE_TOKEN_URL: 'https://backend.example/api/jwt' });
    expect(result).toEqual({
      ok: true,
      config: {
        mode: 'live',
        tokenUrl: 'https://backend.example/api/jwt',
        auth: { kind: 'organization' },
        defaultCountry: 'US',
        tokenTimeoutMs: 10_000,
        vonage: {},
      },
    });
  });

  it('refuses a mobile API key in a build that signs in with the organisation: it would be public for nothing', () => {
    const result = parseAppConfig({ VITE_SOFTPHONE_MODE: 'live', VITE_MOBILE_API_KEY: 'k-123' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/VITE_MOBILE_API_KEY is set but VITE_AUTH_MODE is not "mobile-api-key"/);
  });

  it('reads a complete live configuration with the seed backend’s key, opted into', () => {
    const result = parseAppConfig({
      VITE_SOFTPHONE_MODE: 'live',
      VITE_AUTH_MODE: 'mobile-api-key',
      VITE_TOKEN_URL: 'https://backend.example/api/jwt',
      VITE_MOBILE_API_KEY: 'k-123',
      VITE_VONAGE_REGION: 'EU',
      VITE_DEFAULT_COUNTRY: 'GB',
      VITE_TOKEN_TIMEOUT_MS: '4000',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        mode: 'live',
        tokenUrl: 'https://backend.example/api/jwt',
        auth: { kind: 'mobile-api-key', mobileApiKey: 'k-123' },
        defaultCountry: 'GB',
        tokenTimeoutMs: 4000,
        vonage: { region: 'EU' },
      },
    });
  });

  it('names every problem in a bad live configuration', () => {
    const result = parseAppConfig({ VITE_SOFTPHONE_MODE: 'live', VITE_AUTH_MODE: 'mobile-api-key', VITE_VONAGE_API_URL: 'https://api.example' });
    expect(result).toEqual({
      ok: false,
      problems: [
        'VITE_MOBILE_API_KEY is missing (it must equal the token server’s MOBILE_API_KEY)',
        'Set both VITE_VONAGE_API_URL and VITE_VONAGE_WEBSOCKET_URL, or neither',
      ],
    });
  });

  it.each([
    [{ VITE_SOFTPHONE_MODE: 'staging' }, /VITE_SOFTPHONE_MODE must be/],
    [{ VITE_SOFTPHONE_MODE: 'live', VITE_VONAGE_REGION: 'MARS' }, /VITE_VONAGE_REGION must be/],
    [{ VITE_SOFTPHONE_MODE: 'live', VITE_AUTH_MODE: 'password' }, /VITE_AUTH_MODE must be/],
    [{ VITE_SOFTPHONE_MODE: 'demo', VITE_DEFAULT_COUNTRY: 'usa' }, /two-letter country code/],
    [{ VITE_SOFTPHONE_MODE: 'demo', VITE_TOKEN_TIMEOUT_MS: 'soon' }, /number of milliseconds/],
    [{ VITE_SOFTPHONE_MODE: 'live', VITE_VONAGE_API_URL: 'not a url', VITE_VONAGE_WEBSOCKET_URL: 'wss://x.example' }, /full URL/],
  ])('refuses %j', (environment, message) => {
    const result = parseAppConfig(environment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });
});
