import { tokenRequestSchema, type TokenRequest } from '../src/contracts/token-api';

export type TokenRequestResult = { ok: true; request: TokenRequest } | { ok: false; error: string };

const fields = ['user_name', 'mobile_api_key'] as const;

/** Turns a raw body into a TokenRequest, or into an error message that says exactly what is wrong with it. */
export function parseTokenRequest(bodyText: string): TokenRequestResult {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, error: 'The request body is not valid JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The request body must be a JSON object with user_name and mobile_api_key.' };
  }
  const parsed = tokenRequestSchema.safeParse(body);
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems = fields
    .filter((field) => typeof (body as Record<string, unknown>)[field] !== 'string')
    .map((field) => (field in body ? `${field} must be a string` : `${field} is required`));
  return { ok: false, error: `${problems.join('; ')}.` };
}
