import type { Plugin } from 'vite';

/** The live build's settings that decide where the page may connect (see src/config/app-config.ts). */
export interface LiveEndpoints {
  VITE_TOKEN_URL?: string;
  VITE_VONAGE_REGION?: string;
  VITE_VONAGE_API_URL?: string;
  VITE_VONAGE_WEBSOCKET_URL?: string;
}

// The hosts @vonage/client-sdk 2.3.1 uses for each region (its ClientConfigRegion table); US is its default.
const regionHosts: Record<string, { api: string; websocket: string }> = {
  US: { api: 'https://api-us.vonage.com', websocket: 'https://ws-us.vonage.com' },
  EU: { api: 'https://api-eu.vonage.com', websocket: 'https://ws-eu.vonage.com' },
  AP: { api: 'https://api-ap.vonage.com', websocket: 'https://ws-ap.vonage.com' },
};

/**
 * Vonage's call-quality reports: during a call the SDK posts RTC stats to this host, hard-coded in the SDK
 * whatever the region. Refusing it would not break calls, but would raise a CSP violation every few seconds.
 */
export const vonageCallQualityOrigin = 'https://hlg.tokbox.com';

/** The origin of an absolute http(s)/ws(s) URL, and its twin: socket.io polls over https before it upgrades to wss. */
function originWithTwin(url: string): string[] {
  const { protocol, host } = new URL(url);
  const twins: Record<string, string> = { 'https:': 'wss:', 'wss:': 'https:', 'http:': 'ws:', 'ws:': 'http:' };
  const twin = twins[protocol];
  return twin === undefined ? [] : [`${protocol}//${host}`, `${twin}//${host}`];
}

/** Where a live page may connect: its own origin (the backend under /api), the backend if elsewhere, and Vonage. */
export function liveConnectSources(env: LiveEndpoints): string[] {
  const sources = new Set(["'self'"]);
  const tokenUrl = env.VITE_TOKEN_URL?.trim();
  if (tokenUrl !== undefined && /^https?:\/\//i.test(tokenUrl)) sources.add(new URL(tokenUrl).origin);
  const apiUrl = env.VITE_VONAGE_API_URL?.trim();
  const websocketUrl = env.VITE_VONAGE_WEBSOCKET_URL?.trim();
  const vonage = apiUrl && websocketUrl ? { api: apiUrl, websocket: websocketUrl } : regionHosts[env.VITE_VONAGE_REGION?.trim() || 'US'];
  if (vonage !== undefined) {
    sources.add(new URL(vonage.api).origin);
    for (const source of originWithTwin(vonage.websocket)) sources.add(source);
  }
  sources.add(vonageCallQualityOrigin);
  return [...sources];
}

/**
 * Scripts and styles from the site's own files only: no inline code, no eval. Ringtones play from blob: URLs
 * (ringtone-player.tsx); the SDK plays the far end from a MediaStream, which media-src does not govern.
 * React's `style={{…}}` props are CSSOM writes, which style-src does not govern either (unlike `style="…"` in HTML).
 */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src ${connectSources.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Live builds carry their Content-Security-Policy as the first element of <head>, so it applies before any
 * script loads. Off in the dev server (React Refresh injects inline scripts) and in demo builds, whose cloud
 * runs in the page or on the emulator's origin. Headers a meta tag cannot carry (frame-ancestors, reporting)
 * belong on the host: see the README.
 */
export function liveContentSecurityPolicy(env: LiveEndpoints | undefined): Plugin {
  return {
    name: 'softphone:live-content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      if (env === undefined) return [];
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(liveConnectSources(env)) }, injectTo: 'head-prepend' }];
    },
  };
}
