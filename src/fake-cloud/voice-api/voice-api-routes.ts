// The slice of Vonage's Voice API the backend's transfer route uses, as REST on the emulator's origin
// (`@vonage/voice` in the backend is pointed at it with `apiHost`). Requests must carry the application's
// bearer JWT, as on Vonage; the emulator does not check its signature (it holds no application key).
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { CloudError, type CloudContext } from '../cloud-context.ts';
import { isObject } from '../rest-responses.ts';
import { describeLeg, legsInConversation, transferLeg } from './call-legs.ts';

function voiceError(status: number, title: string, detail: string) {
  return HttpResponse.json({ type: `https://developer.vonage.com/api-errors#${status}`, title, detail } as JsonBodyType, { status });
}

const hasBearer = (request: Request) => /^Bearer\s+\S+\.\S+\.\S*$/i.test(request.headers.get('authorization') ?? '');

async function guarded(request: Request, run: () => Promise<Response> | Response): Promise<Response> {
  if (!hasBearer(request)) return voiceError(401, 'Unauthorized', 'Send the application’s JWT as a bearer token.');
  try {
    return await run();
  } catch (error) {
    if (error instanceof CloudError) return voiceError(error.status, error.code, error.message);
    return voiceError(500, 'Internal Error', error instanceof Error ? error.message : String(error));
  }
}

export function voiceApiRoutes(ctx: CloudContext, baseUrl: string) {
  return [
    http.get(`${baseUrl}/v1/calls/:uuid`, ({ request, params }) =>
      guarded(request, () => {
        const leg = describeLeg(ctx, String(params.uuid));
        return leg ? HttpResponse.json(leg as unknown as JsonBodyType) : voiceError(404, 'Not Found', `No call ${String(params.uuid)}`);
      }),
    ),
    http.get(`${baseUrl}/v1/calls`, ({ request }) =>
      guarded(request, () => {
        const conversation = new URL(request.url).searchParams.get('conversation_uuid');
        if (!conversation) return voiceError(400, 'Bad Request', 'This emulator lists calls by conversation_uuid only.');
        const calls = legsInConversation(ctx, conversation);
        return HttpResponse.json({ count: calls.length, page_size: calls.length, record_index: 0, _embedded: { calls } } as unknown as JsonBodyType);
      }),
    ),
    http.put(`${baseUrl}/v1/calls/:uuid`, ({ request, params }) =>
      guarded(request, async () => {
        const body: unknown = await request.json().catch(() => undefined);
        const destination = isObject(body) && isObject(body.destination) ? body.destination : undefined;
        if (!isObject(body) || body.action !== 'transfer' || destination?.type !== 'ncco' || !Array.isArray(destination.ncco)) {
          return voiceError(400, 'Bad Request', 'This emulator supports {"action":"transfer","destination":{"type":"ncco","ncco":[…]}}.');
        }
        transferLeg(ctx, String(params.uuid), destination.ncco);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
