import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, liveConnectSources, vonageCallQualityOrigin } from './content-security-policy';

describe('liveConnectSources', () => {
  it('allows the own origin, the SDK default region (US) and its call-quality host, nothing else', () => {
    expect(liveConnectSources({})).toEqual([
      "'self'",
      'https://api-us.vonage.com',
      'https://ws-us.vonage.com',
      'wss://ws-us.vonage.com',
      vonageCallQualityOrigin,
    ]);
  });

  it('follows the configured region', () => {
    expect(liveConnectSources({ VITE_VONAGE_REGION: 'EU' })).toContain('wss://ws-eu.vonage.com');
    expect(liveConnectSources({ VITE_VONAGE_REGION: 'EU' }).join(' ')).not.toMatch(/-us\./);
  });

  it('uses explicit Vonage URLs (and the emulator over plain http/ws) instead of the region', () => {
    expect(
      liveConnectSources({ VITE_VONAGE_REGION: 'EU', VITE_VONAGE_API_URL: 'https://api-us-3.vonage.com/v1', VITE_VONAGE_WEBSOCKET_URL: 'wss://ws-us-3.vonage.com' }),
    ).toEqual(["'self'", 'https://api-us-3.vonage.com', 'wss://ws-us-3.vonage.com', 'https://ws-us-3.vonage.com', vonageCallQualityOrigin]);
    expect(liveConnectSources({ VITE_VONAGE_API_URL: 'http://127.0.0.1:5840', VITE_VONAGE_WEBSOCKET_URL: 'http://127.0.0.1:5840' })).toEqual([
      "'self'",
      'http://127.0.0.1:5840',
      'ws://127.0.0.1:5840',
      vonageCallQualityOrigin,
    ]);
  });

  it('adds the token backend only when it is on another origin', () => {
    expect(liveConnectSources({ VITE_TOKEN_URL: '/api/jwt' })).not.toContain('/api/jwt');
    expect(liveConnectSources({ VITE_TOKEN_URL: 'https://tokens.example.com/api/jwt' })).toContain('https://tokens.example.com');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline code, no eval and nothing by default', () => {
    const policy = contentSecurityPolicy(liveConnectSources({}));
    expect(policy).not.toMatch(/unsafe-|\*/);
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
    expect(policy).toContain("media-src 'self' blob:");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("object-src 'none'");
  });
});
