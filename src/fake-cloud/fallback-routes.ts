// Anything else under the API prefix: CORS preflight, and a CS-error 404 so an unexpected SDK call fails
// loudly (and visibly in the console) instead of reaching the network.
import { http } from 'msw';
import { csErrorReply, preflightReply } from './rest-responses.ts';

export function fallbackRoutes(apiUrl: string) {
  return [
    http.options(`${apiUrl}/*`, () => preflightReply()),
    http.all(`${apiUrl}/*`, ({ request }) => {
      console.warn(`[fake-vonage] no route for ${request.method} ${request.url}`);
      return csErrorReply(404, 'http:error:not-found', `No fake-cloud route for ${request.method} ${new URL(request.url).pathname}`);
    }),
  ];
}
