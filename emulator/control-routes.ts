// The control API over HTTP, for QA suites in any language and for pages driving a shared emulator:
//   POST /emulator/control/<method>        body {"args": [...]}   -> 200 {"result": ...} | 4xx {"error", "code"}
//   POST /emulator/token-backend/<method>  the same for the demo token backend
//   POST /emulator/reset                   an empty cloud and a normally answering token backend
//   GET  /emulator/control                 the method list;  GET /emulator/health -> {"ok": true}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudError } from '../src/fake-cloud/cloud-context.ts';
import type { FakeVonageControl } from '../src/fake-cloud/control-api.ts';
import { cloudControlMethods, tokenBackendControlMethods } from '../src/fake-cloud/control-http-client.ts';
import type { FakeTokenBackendControl } from '../src/demo/token-backend-control.ts';
import { readBody, sendJson } from './node-http.ts';


type Target = Record<string, (...args: unknown[]) => unknown>;

async function readArgs(request: IncomingMessage): Promise<unknown[]> {
  const text = (await readBody(request)).toString('utf8').trim();
  if (text === '') return [];
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || !('args' in body) || !Array.isArray(body.args)) {
    throw new CloudError(400, 'http:error:validation-fail', 'The body must be {"args": [...]}');
  }
  return body.args;
}

export function createControlRoutes(cloud: FakeVonageControl, tokenBackend: FakeTokenBackendControl) {
  const groups: Record<string, { target: Target; methods: readonly string[] }> = {
    control: { target: cloud as unknown as Target, methods: cloudControlMethods },
    'token-backend': { target: tokenBackend as unknown as Target, methods: tokenBackendControlMethods },
  };

  return {
    /** `path` is what follows /emulator. Always answers: these paths are the emulator's own. */
    async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<true> {
      const [, group = '', method = ''] = path.split('/');
      if (group === 'health') {
        sendJson(response, 200, { ok: true, emulator: 'vonage-client-sdk-2.3.1' });
        return true;
      }
      if (group === 'reset' && request.method === 'POST') {
        await cloud.reset();
        await tokenBackend.reset();
        sendJson(response, 200, {});
        return true;
      }
      const routes = groups[group];
      if (!routes) {
        sendJson(response, 404, { error: `No emulator route ${path}` });
        return true;
      }
      if (method === '' && request.method === 'GET') {
        sendJson(response, 200, { methods: routes.methods, call: `POST /emulator/${group}/<method> with {"args": [...]}` });
        return true;
      }
      if (!routes.methods.includes(method)) {
        sendJson(response, 404, { error: `Unknown method ${method}; known: ${routes.methods.join(', ')}` });
        return true;
      }
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        sendJson(response, 405, { error: 'Use POST' });
        return true;
      }
      try {
        const args = await readArgs(request);
        const run = routes.target[method];
        if (!run) throw new CloudError(404, 'http:error:not-found', `Unknown method ${method}`);
        const result = await run(...args);
        sendJson(response, 200, result === undefined ? {} : { result });
      } catch (error) {
        if (error instanceof SyntaxError) sendJson(response, 400, { error: `Malformed JSON: ${error.message}` });
        else if (error instanceof CloudError) sendJson(response, error.status, { error: error.message, code: error.code });
        else sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
      }
      return true;
    },
  };
}
