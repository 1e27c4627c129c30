import type { Context } from 'hono';

export type WebhookFields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is WebhookFields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A webhook's fields: the query for a GET (Vonage's default answer method), the JSON body for a POST. A body
 * that is not a JSON object reads as no fields, so the route still answers with an NCCO instead of an error.
 */
export async function readWebhookFields(c: Context): Promise<WebhookFields> {
  if (c.req.method !== 'POST') return c.req.query();
  try {
    const body: unknown = JSON.parse(await c.req.text());
    return isObject(body) ? body : {};
  } catch {
    return {};
  }
}

/**
 * The Client SDK's call context arrives as `custom_data`: an object in a POST body, a JSON string in a GET
 * query. Anything else reads as no context.
 */
export function customData(fields: WebhookFields): WebhookFields {
  const value = fields.custom_data;
  if (isObject(value)) return value;
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
