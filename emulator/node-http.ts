// Node's http objects to and from the Fetch API's Request and Response, which the cloud's routes speak.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies here are small JSON; anything larger is a mistake or an attack. */
const maxBodyBytes = 1_000_000;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBodyBytes) throw new Error('Request body too large');
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

export async function sendFetchResponse(response: ServerResponse, answer: Response): Promise<void> {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
