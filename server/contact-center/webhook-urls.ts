// Every URL Vonage is told to call back is built from the one public base URL, so a tunnel, a proxy path
// prefix or the emulator's loopback address is configured in exactly one place.

export interface WebhookUrls {
  dtmf(attempt?: number): string;
  event: string;
  echoSocket: string;
}

export const echoSocketPath = '/webhooks/echo';

export function webhookUrls(publicBaseUrl: string): WebhookUrls {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const socketBase = base.replace(/^http(s?):/i, (_match, secure: string) => `ws${secure}:`);
  return {
    // The attempt travels in the URL so the DTMF route stays stateless across the retry.
    dtmf: (attempt = 1) => (attempt > 1 ? `${base}/webhooks/dtmf?attempt=${attempt}` : `${base}/webhooks/dtmf`),
    event: `${base}/webhooks/event`,
    echoSocket: `${socketBase}${echoSocketPath}`,
  };
}
