// JSON replies with CORS headers (the SDK sends Authorization, so a cross-origin setup needs preflight
// answers), CS-error bodies like Vonage's, and safe readers for the SDK's request bodies.
import { HttpResponse, type JsonBodyType } from 'msw';
import { CloudError } from './cloud-context.ts';

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
};

export function jsonReply(body: JsonBodyType, status = 200): HttpResponse<JsonBodyType> {
  return HttpResponse.json(body, { status, headers: corsHeaders });
}

export function preflightReply(): HttpResponse<null> {
  return new HttpResponse(null, { status: 204, headers: corsHeaders });
}

/** The CS error shape; the SDK surfaces `code` as the error code of a CS_ERROR. */
export function csErrorReply(status: number, code: string, detail: string): HttpResponse<JsonBodyType> {
  return jsonReply({ type: `https://developer.nexmo.com/api-errors/conversation#${code}`, code, title: detail, detail }, status);
}

/** Runs a handler body and maps CloudError (and anything unexpected) to a CS-error reply. */
export async function replyOrError(run: () => Promise<HttpResponse<JsonBodyType>> | HttpResponse<JsonBodyType>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CloudError) return csErrorReply(error.status, error.code, error.message);
    console.error('[fake-vonage] handler failed', error);
    return csErrorReply(500, 'system:error:internal', error instanceof Error ? error.message : String(error));
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON object body; refreshSession sends the literal `""`, which reads as an empty object. */
export async function readJsonObject(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  } catch {
    throw new CloudError(400, 'http:error:invalid-json', 'Request body is not JSON');
  }
}

/** Reads a nested string, e.g. `readString(body, 'body', 'offer', 'sdp')`. */
export function readString(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' ? current : undefined;
}

export function requireString(value: unknown, ...path: string[]): string {
  const found = readString(value, ...path);
  if (found === undefined) throw new CloudError(400, 'http:error:validation-fail', `Missing ${path.join('.')}`);
  return found;
}

/** `Authorization: bearer <token>` (the SDK writes "bearer" in lowercase). */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^bearer\s+(.+)$/i.exec(header);
  return match?.[1];
}
