import type { FakeCloudEndpoints } from './create-fake-cloud.ts';

/**
 * The fake cloud lives on the page's own origin, so no SDK request can leave the browser. The socket path
 * sits beside the API prefix; `/v2/rtc/metrics` goes to the websocket host (the origin), as with Vonage.
 */
export function fakeCloudEndpoints(origin: string): FakeCloudEndpoints {
  return { apiUrl: `${origin}/fake-vonage/api`, websocketUrl: origin, websocketPath: '/fake-vonage/socket' };
}
