// In live-test mode the SPA comes from its own origin, so the browser asks before each of the SDK's REST
// calls (it sends Authorization): the emulator answers as Vonage does, for whichever origin asks. The socket
// needs nothing (WebSockets are not subject to CORS); the control API is called from Node.
import type { IncomingMessage } from 'node:http';

const allowedMethods = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** What the SDK sends (wire.log): Authorization and Content-Type; a preflight's own list is echoed instead. */
const defaultAllowedHeaders = 'Authorization, Content-Type';

/** CORS headers for this request's Origin; none when it has no Origin (same origin, or not a browser). */
export function crossOriginHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  const requestedHeaders = request.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers': requestedHeaders ?? defaultAllowedHeaders,
    'access-control-max-age': '600',
  };
}

/** The preflight answer: 204 with the CORS headers (and Vary even without an Origin, for caches). */
export function preflightResponse(request: IncomingMessage): Response {
  return new Response(null, { status: 204, headers: { vary: 'Origin', ...crossOriginHeaders(request) } });
}

/** The route's answer with this request's CORS headers in place of the routes' own `*`. */
export function withCrossOrigin(request: IncomingMessage, answer: Response): Response {
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(crossOriginHeaders(request))) headers.set(name, value);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}
